using Escalation.Complaints;
using Escalation.Sla;

namespace Escalation.Connectors;

/// <summary>A message as a connector posted it, validated by the api, with the team its channel feeds.</summary>
[GenerateSerializer, Immutable]
public sealed record ConnectorMessage(
    [property: Id(0)] string Channel,
    [property: Id(1)] string ExternalId,
    [property: Id(2)] CustomerRef Customer,
    [property: Id(3)] string Text,
    [property: Id(4)] bool Public,
    [property: Id(5)] string? Url,
    [property: Id(6)] DateTimeOffset? CreatedAt,
    [property: Id(7)] string? Language,
    [property: Id(8)] Priority? Priority,
    [property: Id(9)] string? InReplyTo,
    [property: Id(10)] string Team)
{
    /// <summary>The key of a message's grain: channel names cannot contain the separator.</summary>
    public static string KeyOf(string channel, string externalId) => $"{channel}:{externalId}";
}
