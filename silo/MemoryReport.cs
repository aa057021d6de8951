using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Escalation.Silo;

/// <summary>
/// For benchmarks (<c>Escalation:Diagnostics:ReportMemory=true</c>): writes the process working set and the managed
/// heap to standard output every few seconds, after a full collection, so that memory per grain can be read off.
/// </summary>
internal sealed class MemoryReport(IConfiguration configuration) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Escalation:Diagnostics:ReportMemory", false))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(3));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            Console.WriteLine($"memory: workingSet={process.WorkingSet64} managedHeap={GC.GetTotalMemory(forceFullCollection: false)}");
        }
    }
}
