using System.Text.Json;

namespace Escalation.Connectors;

/// <summary>
/// The JSON body a connector posts to <c>/api/connectors/{channel}/complaints</c> (camelCase). Every member is
/// optional here, so that the api can name each one that is missing or wrong; <see cref="ExternalId"/>,
/// <see cref="Customer"/> id and <see cref="Text"/> are required by the contract.
/// </summary>
public sealed record ConnectorBody(
    string? ExternalId,
    ConnectorCustomer? Customer,
    string? Text,
    bool? Public = null,
    string? Url = null,
    DateTimeOffset? CreatedAt = null,
    string? Language = null,
    string? Priority = null,
    string? InReplyTo = null,
    IReadOnlyList<ConnectorAttachment?>? Attachments = null)
{
    /// <summary>The contract's JSON: camelCase names, as the api reads them.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}

/// <summary>A link the message came with: <see cref="Url"/> (http or https) is required, the rest describes it.</summary>
public sealed record ConnectorAttachment(string? Url, string? Name = null, string? ContentType = null, long? Size = null);

/// <summary>
/// Who wrote: <see cref="Id"/> is the customer's id everywhere (e.g. <c>fb:9876</c>); <see cref="Email"/> and
/// <see cref="Phone"/>, when the platform knows them, let a supervisor merge the customer's ids across channels.
/// </summary>
public sealed record ConnectorCustomer(string? Id, string? Name = null, string? Email = null, string? Phone = null);
