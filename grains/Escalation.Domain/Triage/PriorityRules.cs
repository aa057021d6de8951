using Escalation.Complaints;
using Escalation.Sla;

namespace Escalation.Triage;

/// <summary>
/// A new complaint's priority with its reasons. A priority the connector sends stands as it is; otherwise P3,
/// one step up for a public post (its reach is about a hundredfold), one for a strong complaint (anger, a threat to
/// leave, legal words) and one for a customer who is persistently dissatisfied; P1 at most.
/// </summary>
public static class PriorityRules
{
    public const Priority Default = Priority.P3;

    public static (Priority Priority, List<string> Reasons) Decide(NewComplaint complaint, IReadOnlyList<string> strength, CustomerStanding standing)
    {
        if (complaint.Priority is { } given)
        {
            return (given, [$"set by the {complaint.Channel} connector"]);
        }

        var priority = Default;
        var reasons = new List<string> { $"default {Default}" };
        if (complaint.Public)
        {
            priority = Raise(priority);
            reasons.Add("public post");
        }

        if (strength.Count > 0)
        {
            priority = Raise(priority);
            reasons.AddRange(strength);
        }

        if (standing.PersistentDissatisfaction)
        {
            priority = Raise(priority);
            reasons.Add($"persistent dissatisfaction: {standing.ComplaintsInWindow} complaints in a short time");
        }

        return (priority, reasons);
    }

    private static Priority Raise(Priority priority) => priority == Priority.P1 ? Priority.P1 : priority - 1;
}
