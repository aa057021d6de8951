using System.Diagnostics;
using System.Threading.Channels;
using Escalation.Events;
using Microsoft.Extensions.Logging;

namespace Escalation.Grains.Events;

/// <summary>
/// The complaint events of this silo, handed to their channels (<see cref="ComplaintEventsGrain"/>) together: the first
/// event after a quiet moment goes at once, those that follow within <see cref="Linger"/> go with the next batch. Under
/// load that is one call per channel and one push per api instance for many complaints rather than one each (the
/// bench counts the messages). A channel's batches go in order, so each complaint's events keep theirs. Events are not
/// durable (a console that misses some fetches its lists again): a channel that stays unreachable keeps at most
/// <see cref="ComplaintEventsGrain.MaxReplayed"/> waiting. Each event carries the trace of the change that caused it
/// (<see cref="ComplaintEvent.TraceParent"/>), since a batch carries many.
/// </summary>
public sealed partial class EventBatcher(IGrainFactory grains, ILogger<EventBatcher> logger) : SiloBatch<int, ComplaintEvent>
{
    public static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(20);
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override int MaxPending => ComplaintEventsGrain.MaxReplayed;

    public void Post(int channel, IReadOnlyList<ComplaintEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        var cause = Activity.Current?.Id;
        Add(channel, cause is null ? events : events.Select(e => e with { TraceParent = cause }));
        wake.Writer.TryWrite(true);
    }

    protected override Task Send(int key, IReadOnlyList<ComplaintEvent> items) => grains.GetGrain<IComplaintEventsGrain>(key).Publish(items).AsTask();

    protected override void Failed(Exception exception, int key, int count)
    {
        LogPublishFailed(logger, exception, count, key);
        wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await wake.Reader.WaitToReadAsync(stoppingToken))
        {
            wake.Reader.TryRead(out _);
            await Flush();
            await Task.Delay(Linger, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand {Count} complaint events to channel {Channel}; trying again with the next batch")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int count, int channel);
}
