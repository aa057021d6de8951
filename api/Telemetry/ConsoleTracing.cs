using System.Diagnostics;
using Escalation.Events;

namespace Escalation.Api.Telemetry;

/// <summary>
/// Spans of the pushes to the consoles, children of the span of the observer call that delivered the event to this
/// instance (Orleans activity propagation), and so of the trace of the request that caused the event.
/// </summary>
internal static class ConsoleTracing
{
    public const string SourceName = "Escalation.Api.Console";

    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? StartPush(ComplaintEvent complaintEvent) =>
        Source.StartActivity($"push {complaintEvent.Kind}", ActivityKind.Producer)?
            .SetTag("escalation.complaint.id", complaintEvent.Complaint.Id)
            .SetTag("escalation.event", complaintEvent.Kind.ToString());

    /// <summary>
    /// The event was pushed already: a renewal of the subscription replayed it before this delivery arrived (that push
    /// has no trace to join), or this is the replay of one pushed before.
    /// </summary>
    public static void Skipped(Activity? push) => push?.SetTag("escalation.push.skipped", true);
}
