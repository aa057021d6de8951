namespace Escalation.Complaints;

/// <summary>A follow-up the customer wrote on an existing complaint.</summary>
[GenerateSerializer, Immutable]
public sealed record CustomerMessage(
    [property: Id(0)] string ExternalId,
    [property: Id(1)] string Text,
    [property: Id(2)] DateTimeOffset? CreatedAt = null);
