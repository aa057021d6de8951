using Escalation.Analytics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Escalation.Grains.Analytics;

/// <summary>
/// The analytics facts of this silo's complaints, handed to their day grains together every
/// <see cref="FlushEvery"/> rather than one call per complaint change. A report reads after the local batch is handed
/// over; another silo's pending facts show within the next batch. Like the day grain's own delayed write, a crash in
/// that moment loses the facts from the analytics, never from the complaints.
/// </summary>
public sealed partial class AnalyticsBatcher(IGrainFactory grains, ILogger<AnalyticsBatcher> logger) : BackgroundService
{
    public static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(250);
    private readonly Lock gate = new();
    private readonly SemaphoreSlim flushing = new(1, 1);
    private Dictionary<string, List<ComplaintFact>> pending = new(StringComparer.Ordinal);

    public void Record(string team, IEnumerable<ComplaintFact> facts)
    {
        lock (gate)
        {
            foreach (var fact in facts)
            {
                var bucket = ComplaintFact.Bucket(team, fact.At);
                (pending.TryGetValue(bucket, out var list) ? list : pending[bucket] = []).Add(fact);
            }
        }
    }

    /// <summary>Hands every pending fact to its day grain now; on failure they wait for the next flush.</summary>
    public async Task Flush()
    {
        // One flush at a time: a reader's flush returns only after a periodic one already under way has handed its facts over.
        await flushing.WaitAsync();
        try
        {
            await FlushPending();
        }
        finally
        {
            flushing.Release();
        }
    }

    private async Task FlushPending()
    {
        Dictionary<string, List<ComplaintFact>> batch;
        lock (gate)
        {
            (batch, pending) = (pending, new(StringComparer.Ordinal));
        }

        await Task.WhenAll(batch.Select(async bucket =>
        {
            try
            {
                await grains.GetGrain<IAnalyticsGrain>(bucket.Key).Record(bucket.Value);
            }
            catch (Exception exception)
            {
                LogFlushFailed(logger, exception, bucket.Key);
                lock (gate)
                {
                    (pending.TryGetValue(bucket.Key, out var list) ? list : pending[bucket.Key] = []).AddRange(bucket.Value);
                }
            }
        }));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await Flush();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var every = new PeriodicTimer(FlushEvery);
        while (await every.WaitForNextTickAsync(stoppingToken))
        {
            await Flush();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand analytics facts to {Bucket}; trying again with the next batch")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, string bucket);
}
