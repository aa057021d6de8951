using System.Diagnostics;
using Escalation.Events;

namespace Escalation.Api.Telemetry;

/// <summary>
/// Spans of the pushes to the consoles, children of the change that caused the event (the silo hands events over in
/// batches, so each carries its cause's trace context), and so of the trace of the request behind it; an event without
/// one joins the observer call that delivered it.
/// </summary>
internal static class ConsoleTracing
{
    public const string SourceName = "Escalation.Api.Console";

    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? StartPush(ComplaintEvent complaintEvent) =>
        Source.StartActivity($"push {complaintEvent.Kind}", ActivityKind.Producer, complaintEvent.TraceParent ?? Activity.Current?.Id)?
            .SetTag("escalation.complaint.id", complaintEvent.Complaint.Id)
            .SetTag("escalation.event", complaintEvent.Kind.ToString());

    /// <summary>
    /// The event was pushed already: a renewal of the subscription replayed it before this delivery arrived (that push
    /// has no trace to join), or this is the replay of one pushed before.
    /// </summary>
    public static void Skipped(Activity? push) => push?.SetTag("escalation.push.skipped", true);
}
