using Escalation.Api.Json;
using Escalation.Api.Telemetry;
using Escalation.Events;
using Microsoft.AspNetCore.SignalR;

namespace Escalation.Api.Console;

/// <summary>
/// Subscribes this api instance to the cluster's complaint events and pushes each one to the console groups the
/// contract names, on this instance's own connections. The subscription is a lease, renewed well within its
/// lifetime and re-established after the cluster was unreachable.
/// </summary>
internal sealed partial class ComplaintEventBridge(
    IClusterClient cluster, IHubContext<ConsoleHub> hub, EscalationMetrics metrics, ILogger<ComplaintEventBridge> logger)
    : BackgroundService, IComplaintEventObserver
{
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);

    /// <summary>True once this instance receives events; until then it is not ready to serve consoles.</summary>
    public bool Subscribed { get; private set; }

    public void OnComplaintEvent(ComplaintEvent complaintEvent)
    {
        metrics.EventPushed(complaintEvent);
        var method = JsonSetup.ToCamelCase(complaintEvent.Kind.ToString());
        _ = hub.Clients.Groups(ConsoleGroups.Of(complaintEvent)).SendAsync(method, complaintEvent).ContinueWith(
            task => LogPushFailed(logger, task.Exception, method, complaintEvent.Complaint.Id),
            TaskContinuationOptions.OnlyOnFaulted);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Hold the reference for the whole life of the service: the cluster only keeps a weak one.
        IComplaintEventObserver? reference = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Grain interfaces resolve only once the client has reached the cluster.
                reference ??= cluster.CreateObjectReference<IComplaintEventObserver>(this);
                await cluster.GetGrain<IComplaintEventsGrain>(0).Subscribe(reference);
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
    private static partial void LogPushFailed(ILogger logger, Exception? exception, string @event, Guid complaintId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to complaint events; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);
}
