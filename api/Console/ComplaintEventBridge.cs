using Escalation.Api.Telemetry;
using Escalation.Complaints;
using Escalation.Events;
using Escalation.Improvements;
using Microsoft.AspNetCore.SignalR;

namespace Escalation.Api.Console;

/// <summary>
/// Subscribes this api instance to every channel of complaint events and pushes each event to the console groups the
/// contract names, on this instance's own connections. Each subscription is a lease renewed every few seconds; each
/// renewal brings the events this instance missed (while it or the cluster was unreachable), and events already pushed
/// are recognised by their position and not pushed twice. When a channel cannot replay what was missed, every console
/// of this instance is told to resynchronise (<c>resync</c>).
/// </summary>
internal sealed partial class ComplaintEventBridge(
    IClusterClient cluster, IHubContext<ConsoleHub, IConsoleClient> hub, EscalationMetrics metrics, TimeProvider time, ILogger<ComplaintEventBridge> logger)
    : BackgroundService, IComplaintEventObserver
{
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RenewTimeout = TimeSpan.FromSeconds(5);
    private readonly DeliveredEvents[] delivered = [.. Enumerable.Range(0, EventChannels.Count).Select(_ => new DeliveredEvents())];

    // Held for the whole life of the service: the cluster keeps only a weak reference to the observer.
    private IComplaintEventObserver? reference;

    /// <summary>True once every channel has answered; until then this instance is not ready to serve consoles.</summary>
    public bool Subscribed { get; private set; }

    public void OnComplaintEvents(IReadOnlyList<ComplaintEvent> events)
    {
        var gaveUp = false;
        foreach (var complaintEvent in events)
        {
            using var push = ConsoleTracing.StartPush(complaintEvent);
            if (complaintEvent.Position is not { } position)
            {
                ConsoleTracing.Skipped(push);
                continue;
            }

            var channel = delivered[EventChannels.Of(complaintEvent.Complaint.Team)];
            lock (channel)
            {
                if (!channel.TryAdd(position))
                {
                    ConsoleTracing.Skipped(push);
                    continue;
                }

                gaveUp |= channel.TakeGaveUp();
            }

            metrics.EventPushed(complaintEvent);
            _ = hub.Clients.Groups(ConsoleGroups.Of(complaintEvent)).Send(complaintEvent).ContinueWith(
                task => LogPushFailed(logger, task.Exception, complaintEvent.Kind, complaintEvent.Complaint.Id),
                TaskContinuationOptions.OnlyOnFaulted);
        }

        if (gaveUp)
        {
            _ = Resync("Events arrived out of order beyond what this instance tracks.");
        }
    }

    public void OnImprovementOverdue(ImprovementEvent improvementEvent) =>
        _ = hub.Clients.Groups(ConsoleGroups.Of(improvementEvent)).ImprovementOverdue(improvementEvent);

    /// <summary>Ends the leases at once rather than letting them run out, so the cluster stops pushing to a stopped api.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (reference is not null)
        {
            try
            {
                await Task.WhenAll(Enumerable.Range(0, EventChannels.Count).Select(channel =>
                    cluster.GetGrain<IComplaintEventsGrain>(channel).Unsubscribe(reference).AsTask())).WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSubscribeFailed(logger, exception);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Grain interfaces resolve only once the client has reached the cluster.
                reference ??= cluster.CreateObjectReference<IComplaintEventObserver>(this);
                // A renewal sent to a silo as it died is never answered; waiting out the call's 30 s timeout would leave
                // the consoles that long without the resync they need.
                await Task.WhenAll(Enumerable.Range(0, EventChannels.Count).Select(Renew)).WaitAsync(RenewTimeout, stoppingToken);
                Subscribed = true;
                await Task.Delay(RenewEvery, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogSubscribeFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task Renew(int channel)
    {
        var tracker = delivered[channel];
        EventPosition? position;
        lock (tracker)
        {
            position = tracker.Contiguous;
        }

        var subscription = await cluster.GetGrain<IComplaintEventsGrain>(channel).Subscribe(reference!, position);
        bool lost;
        lock (tracker)
        {
            // A gap: what came before the oldest event the channel still keeps is lost unless it was pushed while the
            // renewal was on its way (if lost, the consoles refetch it); what the channel keeps is pushed below.
            lost = subscription.Gap
                && tracker.Resynchronize(subscription.Missed is [{ Position: { } oldest }, ..] ? oldest with { Sequence = oldest.Sequence - 1 } : subscription.Current);
            if (!subscription.Gap)
            {
                tracker.Start(subscription.Current);
            }
        }

        if (lost)
        {
            await Resync("This instance lost touch with the cluster for longer than events are kept.");
        }

        OnComplaintEvents(subscription.Missed);
    }

    private async Task Resync(string reason)
    {
        LogResync(logger, reason);
        await hub.Clients.All.Resync(new ResyncEvent(reason, time.GetUtcNow()));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push {Event} for complaint {ComplaintId}")]
    private static partial void LogPushFailed(ILogger logger, Exception? exception, ComplaintEventKind @event, Guid complaintId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to complaint events; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling every console to resynchronise: {Reason}")]
    private static partial void LogResync(ILogger logger, string reason);
}
