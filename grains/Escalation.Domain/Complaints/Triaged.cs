using Escalation.Sla;
using Escalation.Triage;

namespace Escalation.Complaints;

/// <summary>What triage decided about a new complaint, and the customer's standing it was decided with.</summary>
public sealed record Triaged(
    Priority Priority,
    IReadOnlyList<string> PriorityReasons,
    Verdict<string> Language,
    Verdict<Topic> Topic,
    CustomerStanding Standing);
