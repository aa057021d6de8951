namespace Escalation.Sla;

/// <summary>
/// An alert a clock raised: level 0 is the warning, 1 the supervisor, 2 the manager. <see cref="DueAt"/> is the
/// deadline warned of or missed; for level 2, the missed acknowledgement deadline.
/// </summary>
public sealed record SlaAlert(SlaClockKind Reason, int Level, DateTimeOffset DueAt);
