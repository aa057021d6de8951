using Escalation.Sla;

namespace Escalation.Complaints;

/// <summary>
/// A complaint as a connector delivers it. <see cref="CreatedAt"/> is when the customer wrote (SLA clocks
/// start there, or at receipt when null); <see cref="Priority"/> and <see cref="Language"/>, when given,
/// override triage.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record NewComplaint(
    [property: Id(0)] string Channel,
    [property: Id(1)] string ExternalId,
    [property: Id(2)] CustomerRef Customer,
    [property: Id(3)] string Text,
    [property: Id(4)] bool Public,
    [property: Id(5)] string Team,
    [property: Id(6)] string? Url = null,
    [property: Id(7)] DateTimeOffset? CreatedAt = null,
    [property: Id(8)] string? Language = null,
    [property: Id(9)] Priority? Priority = null,
    [property: Id(10)] string? InReplyTo = null);
