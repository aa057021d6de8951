using Escalation.Complaints;
using Escalation.Api.Telemetry;
using Escalation.Events;
using Escalation.Improvements;
using Microsoft.AspNetCore.SignalR;

namespace Escalation.Api.Console;

/// <summary>
/// Subscribes this api instance to the cluster's complaint events and pushes each one to the console groups the
/// contract names, on this instance's own connections. The subscription is a lease renewed every few seconds;
/// each renewal brings the events this instance missed (while it or the cluster was unreachable), and events
/// already pushed are recognised by their position and not pushed twice.
/// </summary>
internal sealed partial class ComplaintEventBridge(
    IClusterClient cluster, IHubContext<ConsoleHub, IConsoleClient> hub, EscalationMetrics metrics, ILogger<ComplaintEventBridge> logger)
    : BackgroundService, IComplaintEventObserver
{
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(2);
    private readonly Lock deliveredLock = new();
    private readonly DeliveredEvents delivered = new();

    // Held for the whole life of the service: the cluster keeps only a weak reference to the observer.
    private IComplaintEventObserver? reference;

    /// <summary>True once this instance receives events; until then it is not ready to serve consoles.</summary>
    public bool Subscribed { get; private set; }

    public void OnComplaintEvent(ComplaintEvent complaintEvent)
    {
        using var push = ConsoleTracing.StartPush(complaintEvent);
        lock (deliveredLock)
        {
            if (complaintEvent.Position is not { } position || !delivered.TryAdd(position))
            {
                ConsoleTracing.Skipped(push);
                return;
            }
        }

        metrics.EventPushed(complaintEvent);
        _ = hub.Clients.Groups(ConsoleGroups.Of(complaintEvent)).Send(complaintEvent).ContinueWith(
            task => LogPushFailed(logger, task.Exception, complaintEvent.Kind, complaintEvent.Complaint.Id),
            TaskContinuationOptions.OnlyOnFaulted);
    }

    public void OnImprovementOverdue(ImprovementEvent improvementEvent) =>
        _ = hub.Clients.Groups(ConsoleGroups.Of(improvementEvent)).ImprovementOverdue(improvementEvent);

    /// <summary>Ends the lease at once rather than letting it run out, so the cluster stops pushing to a stopped api.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (reference is not null)
        {
            try
            {
                await cluster.GetGrain<IComplaintEventsGrain>(0).Unsubscribe(reference).AsTask().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
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
                EventPosition? position;
                lock (deliveredLock)
                {
                    position = delivered.Contiguous;
                }

                var subscription = await cluster.GetGrain<IComplaintEventsGrain>(0).Subscribe(reference, position);
                lock (deliveredLock)
                {
                    delivered.Start(subscription.Current);
                }

                foreach (var missed in subscription.Missed)
                {
                    OnComplaintEvent(missed);
                }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push {Event} for complaint {ComplaintId}")]
    private static partial void LogPushFailed(ILogger logger, Exception? exception, ComplaintEventKind @event, Guid complaintId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to complaint events; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);
}
