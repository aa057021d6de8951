namespace Escalation.Audit;

/// <summary>An administrative change: when, who, what (<c>user.updated</c>, <c>channel.put</c>, …), to which, and how.</summary>
[GenerateSerializer, Immutable]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] string Target,
    [property: Id(4)] string? Details);
