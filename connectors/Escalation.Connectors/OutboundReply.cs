using System.Text.Json;

namespace Escalation.Connectors;

/// <summary>
/// A response Escalation posts to a channel's <c>outboundUrl</c>, signed as <see cref="SignedRequest"/> signs a
/// connector's requests (the same headers and the channel's secret). <see cref="DeliveryId"/> is the same on every
/// attempt: the connector posts the reply once per delivery id. <see cref="InReplyTo"/> is the external id of the
/// customer's latest message it answers.
/// </summary>
public sealed record OutboundReply(
    Guid DeliveryId,
    Guid ComplaintId,
    string InReplyTo,
    string CustomerId,
    string Text,
    bool Public,
    string Author,
    DateTimeOffset At)
{
    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, ConnectorBody.Json);
}

/// <summary>What a connector may answer a delivered reply with (both optional): the reply's id and address on its platform.</summary>
public sealed record OutboundReceipt(string? ExternalReplyId, string? Url);
