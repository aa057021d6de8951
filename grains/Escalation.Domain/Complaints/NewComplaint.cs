using Escalation.Sla;

namespace Escalation.Complaints;

/// <summary>
/// A complaint as a connector delivers it. <see cref="CreatedAt"/> is when the customer wrote (SLA clocks
/// start there, or at receipt when null); <see cref="Priority"/> and <see cref="Language"/>, when given,
/// override triage. <see cref="Attachments"/> are links (http or https) the customer's message came with.
/// </summary>
public sealed record NewComplaint(
    string Channel,
    string ExternalId,
    CustomerRef Customer,
    string Text,
    bool Public,
    string Team,
    string? Url = null,
    DateTimeOffset? CreatedAt = null,
    string? Language = null,
    Priority? Priority = null,
    string? InReplyTo = null,
    IReadOnlyList<Attachment>? Attachments = null);
