using Escalation.Analytics;
using Microsoft.Extensions.Logging;

namespace Escalation.Grains.Analytics;

/// <summary>
/// The analytics facts of this silo's complaints, handed to their day grains together every
/// <see cref="FlushEvery"/> rather than one call per complaint change. A report reads after the local batch is handed
/// over (<see cref="SiloBatch{TKey, TItem}.Flush"/> waits for one under way); another silo's pending facts show within
/// the next batch. Like the day grain's own delayed write, a crash in that moment loses the facts from the analytics,
/// never from the complaints.
/// </summary>
public sealed partial class AnalyticsBatcher(IGrainFactory grains, ILogger<AnalyticsBatcher> logger) : SiloBatch<string, ComplaintFact>
{
    public static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(250);

    public void Record(string team, IEnumerable<ComplaintFact> facts)
    {
        foreach (var day in facts.GroupBy(fact => ComplaintFact.Bucket(team, fact.At)))
        {
            Add(day.Key, day);
        }
    }

    protected override Task Send(string key, IReadOnlyList<ComplaintFact> items) => grains.GetGrain<IAnalyticsGrain>(key).Record(items).AsTask();

    protected override void Failed(Exception exception, string key, int count) => LogFlushFailed(logger, exception, count, key);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var every = new PeriodicTimer(FlushEvery);
        while (await every.WaitForNextTickAsync(stoppingToken))
        {
            await Flush();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand {Count} analytics facts to {Bucket}; trying again with the next batch")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, int count, string bucket);
}
