using Escalation.Escalations;

namespace Escalation.Sla;

/// <summary>
/// An alert a clock raised: level 0 is the warning, 1 to 5 the levels of the escalation chain (<see cref="Step"/>).
/// <see cref="DueAt"/> is the deadline warned of or missed; from level 2, the missed acknowledgement deadline.
/// <see cref="Recipients"/>: the usernames an escalation reached, as the host resolved them.
/// </summary>
public sealed record SlaAlert(SlaClockKind Reason, int Level, DateTimeOffset DueAt, EscalationLevel? Step = null, IReadOnlyList<string>? Recipients = null);
