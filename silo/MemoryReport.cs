using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Escalation.Silo;

/// <summary>
/// For benchmarks (<c>Escalation:Diagnostics:ReportMemory=true</c>): each line <c>memory</c> on standard input makes
/// the silo collect fully and aggressively (returning freed memory to the system, as the GC does when memory runs
/// short) and write its working set and managed heap to standard output, so that memory per grain can be read off
/// without forced collections disturbing the other measurements.
/// </summary>
internal sealed class MemoryReport(IConfiguration configuration) : BackgroundService
{
    public const string Request = "memory";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Escalation:Diagnostics:ReportMemory", false))
        {
            return;
        }

        using var input = new StreamReader(Console.OpenStandardInput());
        while (await input.ReadLineAsync(stoppingToken) is { } line)
        {
            if (line.Trim() != Request)
            {
                continue;
            }

            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            Console.WriteLine($"memory: workingSet={process.WorkingSet64} managedHeap={GC.GetTotalMemory(forceFullCollection: false)}");
        }
    }
}
