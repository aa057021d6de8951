using Escalation.Complaints;
using Escalation.Directory;
using Escalation.Sla;

namespace Escalation.Api.Connectors;

/// <summary>The body a connector posts. Everything comes from the public internet: each field is checked.</summary>
internal sealed record ConnectorRequest(
    string? ExternalId,
    ConnectorRequest.CustomerPart? Customer,
    string? Text,
    bool? Public,
    string? Url,
    DateTimeOffset? CreatedAt,
    string? Language,
    string? Priority,
    string? InReplyTo)
{
    public const int MaxTextLength = Complaints.ComplaintsApi.MaxTextLength;
    public const int MaxIdLength = 200;
    public const int MaxUrlLength = 2048;
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);
    public static readonly string[] Languages = ["et", "en", "unknown"];

    public sealed record CustomerPart(string? Id, string? Name);

    /// <summary>The message, or the errors by field.</summary>
    public (NewComplaint? Message, Dictionary<string, string[]> Errors) Validate(ChannelRecord channel, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        RequireId(errors, "externalId", ExternalId, required: true);
        RequireId(errors, "customer.id", Customer?.Id, required: true);
        RequireId(errors, "customer.name", Customer?.Name, required: false);
        RequireId(errors, "inReplyTo", InReplyTo, required: false);
        if (string.IsNullOrWhiteSpace(Text))
        {
            errors["text"] = ["text is required."];
        }
        else if (Text.Length > MaxTextLength)
        {
            errors["text"] = [$"text is at most {MaxTextLength} characters; this one has {Text.Length}."];
        }
        else if (Text.Contains('\0', StringComparison.Ordinal))
        {
            errors["text"] = ["text must not contain NUL characters."];
        }

        if (Url is not null && (Url.Length > MaxUrlLength || !Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors["url"] = [$"url must be an absolute http or https address of at most {MaxUrlLength} characters."];
        }

        if (CreatedAt > now + FutureTolerance)
        {
            errors["createdAt"] = ["createdAt is more than 5 minutes in the future."];
        }

        if (Language is not null && !Languages.Contains(Language))
        {
            errors["language"] = ["language must be et, en or unknown."];
        }

        Priority? priority = null;
        if (Priority is not null)
        {
            if (PriorityNames.TryParse(Priority, out var parsed))
            {
                priority = parsed;
            }
            else
            {
                errors["priority"] = ["priority must be P1, P2, P3 or P4."];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new NewComplaint(
            channel.Name, ExternalId!, new CustomerRef(Customer!.Id!, Customer.Name), Text!, Public ?? false, channel.Team, Url, CreatedAt, Language, priority,
            InReplyTo), errors);
    }

    private static void RequireId(Dictionary<string, string[]> errors, string field, string? value, bool required)
    {
        if (value is null ? required : value.Length == 0 || value.Length > MaxIdLength || value.Any(char.IsControl))
        {
            errors[field] = [$"{field} is {(required ? "required, " : "")}1-{MaxIdLength} characters without control characters."];
        }
    }
}
