namespace Escalation.Complaints;

/// <summary>A follow-up the customer wrote on an existing complaint.</summary>
public sealed record CustomerMessage(
    string ExternalId,
    string Text,
    DateTimeOffset? CreatedAt = null);
