namespace Escalation.Directory;

/// <summary>
/// A connector channel: the secret its requests are signed with, the team its complaints go to, and where responses
/// are delivered (null: nowhere, they stay on the timeline).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChannelRecord(
    [property: Id(0)] string Name,
    [property: Id(1)] string Secret,
    [property: Id(2)] string Team,
    [property: Id(3)] string? OutboundUrl = null);
