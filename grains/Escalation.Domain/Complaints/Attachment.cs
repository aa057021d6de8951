namespace Escalation.Complaints;

/// <summary>A link a connector sent with a complaint (an image, a receipt): where it is, and what the connector says it is.</summary>
public sealed record Attachment(string Url, string? Name, string? ContentType, long? Size);
