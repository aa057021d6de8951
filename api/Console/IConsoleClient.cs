using Escalation.Complaints;
using Escalation.Events;
using Escalation.Improvements;
using Microsoft.AspNetCore.SignalR;

namespace Escalation.Api.Console;

/// <summary>
/// What the hub sends to a console: every event of the public contract, named here once. The web console's list
/// (<c>web/src/events.ts</c>) is checked against these names by a test.
/// </summary>
public interface IConsoleClient
{
    [HubMethodName("complaintCreated")]
    Task ComplaintCreated(ComplaintEvent complaintEvent);

    [HubMethodName("complaintAssigned")]
    Task ComplaintAssigned(ComplaintEvent complaintEvent);

    [HubMethodName("complaintUpdated")]
    Task ComplaintUpdated(ComplaintEvent complaintEvent);

    [HubMethodName("complaintResolved")]
    Task ComplaintResolved(ComplaintEvent complaintEvent);

    [HubMethodName("slaWarning")]
    Task SlaWarning(ComplaintEvent complaintEvent);

    [HubMethodName("complaintEscalated")]
    Task ComplaintEscalated(ComplaintEvent complaintEvent);

    [HubMethodName("deliveryFailed")]
    Task DeliveryFailed(ComplaintEvent complaintEvent);

    [HubMethodName("improvementOverdue")]
    Task ImprovementOverdue(ImprovementEvent improvementEvent);

    [HubMethodName("resync")]
    Task Resync(ResyncEvent resyncEvent);
}

internal static class ConsoleClientExtensions
{
    /// <summary>Sends a complaint event as the hub method of its kind.</summary>
    public static Task Send(this IConsoleClient client, ComplaintEvent complaintEvent) => complaintEvent.Kind switch
    {
        ComplaintEventKind.ComplaintCreated => client.ComplaintCreated(complaintEvent),
        ComplaintEventKind.ComplaintAssigned => client.ComplaintAssigned(complaintEvent),
        ComplaintEventKind.ComplaintUpdated => client.ComplaintUpdated(complaintEvent),
        ComplaintEventKind.ComplaintResolved => client.ComplaintResolved(complaintEvent),
        ComplaintEventKind.SlaWarning => client.SlaWarning(complaintEvent),
        ComplaintEventKind.ComplaintEscalated => client.ComplaintEscalated(complaintEvent),
        ComplaintEventKind.DeliveryFailed => client.DeliveryFailed(complaintEvent),
        _ => throw new ArgumentOutOfRangeException(nameof(complaintEvent), complaintEvent.Kind, "Not an event of the contract."),
    };
}
