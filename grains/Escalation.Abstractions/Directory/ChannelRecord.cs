namespace Escalation.Directory;

/// <summary>A connector channel: the secret its requests are signed with and the team its complaints go to.</summary>
[GenerateSerializer, Immutable]
public sealed record ChannelRecord(
    [property: Id(0)] string Name,
    [property: Id(1)] string Secret,
    [property: Id(2)] string Team);
