using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Escalation.Silo;

/// <summary>
/// For benchmarks (<c>Escalation:Diagnostics:ReportMemory=true</c>), on request lines on standard input:
/// <c>memory</c> makes the silo collect fully and aggressively (returning freed memory to the system, as the GC does
/// when memory runs short) and write its working set and managed heap, so that memory per grain can be read off without
/// forced collections disturbing the other measurements; <c>messages</c> writes how many messages Orleans has counted
/// since the silo started (its own meters: sent within the silo, and sent and received over the network, the api's calls
/// and their answers included), so that messages per complaint can be read off as a difference; <c>calls</c> writes the
/// grain calls received per interface and method (<see cref="CallCounter"/>), to break that number down.
/// </summary>
internal sealed class DiagnosticsReport(IConfiguration configuration, CallCounter counter) : BackgroundService
{
    public const string Enabled = "Escalation:Diagnostics:ReportMemory";

    private const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>What each counted instrument adds up to in the report (histograms: one per measurement).</summary>
    private static readonly Dictionary<string, string> Counted = new(StringComparer.Ordinal)
    {
        ["orleans-messaging-sent-local"] = "local",
        ["orleans-messaging-sent-messages-size"] = "sent",
        ["orleans-messaging-received-messages-size"] = "received",
    };

    private readonly Dictionary<string, long> totals = Counted.Values.ToDictionary(name => name, _ => 0L);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(Enabled, false))
        {
            return;
        }

        using var listener = Listen();
        using var input = new StreamReader(Console.OpenStandardInput());
        while (await input.ReadLineAsync(stoppingToken) is { } line)
        {
            switch (line.Trim())
            {
                case "memory":
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    using (var process = System.Diagnostics.Process.GetCurrentProcess())
                    {
                        Console.WriteLine($"memory: workingSet={process.WorkingSet64} managedHeap={GC.GetTotalMemory(forceFullCollection: false)}");
                    }

                    break;
                case "messages":
                    listener.RecordObservableInstruments();
                    lock (totals)
                    {
                        Console.WriteLine($"messages: {string.Join(' ', totals.Select(total => $"{total.Key}={total.Value}"))}");
                    }

                    break;
                case "calls":
                    Console.WriteLine($"calls: {string.Join(' ', counter.Calls.Select(call => $"{call.Key}={call.Value}"))}");
                    break;
            }
        }
    }

    private MeterListener Listen()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Meter.Name == OrleansMeter && Counted.ContainsKey(instrument.Name))
                {
                    meterListener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Add(instrument, value));
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(instrument, value));
        listener.Start();
        return listener;
    }

    /// <summary>
    /// A histogram counts its measurements; the local-message counter is observable and reports the total since the
    /// silo started each time it is observed, so the latest observation is the count.
    /// </summary>
    private void Add(Instrument instrument, long value)
    {
        var name = Counted[instrument.Name];
        lock (totals)
        {
            totals[name] = instrument is Histogram<int> or Histogram<long> ? totals[name] + 1 : value;
        }
    }
}
