using Escalation.Complaints;
using Escalation.Connectors;
using Escalation.Directory;
using Escalation.Sla;

namespace Escalation.Api.Connectors;

/// <summary>Checks the body a connector posts. Everything comes from the public internet: each field is checked.</summary>
internal static class ConnectorRequest
{
    public const int MaxTextLength = Complaints.ComplaintsApi.MaxTextLength;
    public const int MaxIdLength = 200;
    public const int MaxUrlLength = 2048;
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);
    public const int MaxAttachments = 10;
    public static readonly string[] Languages = ["et", "en", "unknown"];

    /// <summary>The message, or the errors by field.</summary>
    public static (NewComplaint? Message, Dictionary<string, string[]> Errors) Validate(ConnectorBody body, ChannelRecord channel, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        RequireId(errors, "externalId", body.ExternalId, required: true);
        RequireId(errors, "customer.id", body.Customer?.Id, required: true);
        RequireId(errors, "customer.name", body.Customer?.Name, required: false);
        RequireId(errors, "inReplyTo", body.InReplyTo, required: false);
        var email = Contacts.Email(body.Customer?.Email);
        if (body.Customer?.Email is not null && email is null)
        {
            errors["customer.email"] = [$"customer.email must be an e-mail address of at most {Contacts.MaxEmailLength} characters."];
        }

        var phone = Contacts.Phone(body.Customer?.Phone);
        if (body.Customer?.Phone is not null && phone is null)
        {
            errors["customer.phone"] = ["customer.phone must be a phone number: 6 to 15 digits, an optional leading +, spaces, dashes, dots or brackets."];
        }

        if (string.IsNullOrWhiteSpace(body.Text))
        {
            errors["text"] = ["text is required."];
        }
        else if (body.Text.Length > MaxTextLength)
        {
            errors["text"] = [$"text is at most {MaxTextLength} characters; this one has {body.Text.Length}."];
        }
        else if (body.Text.Contains('\0', StringComparison.Ordinal))
        {
            errors["text"] = ["text must not contain NUL characters."];
        }

        if (body.Url is not null && !IsWebAddress(body.Url))
        {
            errors["url"] = [$"url must be an absolute http or https address of at most {MaxUrlLength} characters."];
        }

        var attachments = Attachments(errors, body.Attachments);

        if (body.CreatedAt > now + FutureTolerance)
        {
            errors["createdAt"] = ["createdAt is more than 5 minutes in the future."];
        }

        if (body.Language is not null && !Languages.Contains(body.Language))
        {
            errors["language"] = ["language must be et, en or unknown."];
        }

        Priority? priority = null;
        if (body.Priority is not null)
        {
            if (PriorityNames.TryParse(body.Priority, out var parsed))
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
            channel.Name, body.ExternalId!, new CustomerRef(body.Customer!.Id!, body.Customer.Name, email, phone), body.Text!, body.Public ?? false, channel.Team, body.Url, body.CreatedAt, body.Language, priority,
            body.InReplyTo, attachments), errors);
    }

    /// <summary>At most <see cref="MaxAttachments"/> links, each with an http(s) url; the descriptions as short as ids.</summary>
    private static List<Attachment>? Attachments(Dictionary<string, string[]> errors, IReadOnlyList<ConnectorAttachment?>? given)
    {
        if (given is null)
        {
            return null;
        }

        if (given.Count > MaxAttachments)
        {
            errors["attachments"] = [$"attachments holds at most {MaxAttachments} links; this one has {given.Count}."];
            return null;
        }

        var kept = new List<Attachment>();
        for (var i = 0; i < given.Count; i++)
        {
            var field = $"attachments[{i}]";
            if (given[i] is not { } attachment || attachment.Url is null || !IsWebAddress(attachment.Url))
            {
                errors[$"{field}.url"] = [$"Each attachment needs a url: an absolute http or https address of at most {MaxUrlLength} characters."];
                continue;
            }

            RequireId(errors, $"{field}.name", attachment.Name, required: false);
            RequireId(errors, $"{field}.contentType", attachment.ContentType, required: false);
            if (attachment.Size < 0)
            {
                errors[$"{field}.size"] = ["size is a number of bytes, not negative."];
            }

            kept.Add(new Attachment(attachment.Url, attachment.Name, attachment.ContentType, attachment.Size));
        }

        return kept;
    }

    private static bool IsWebAddress(string address) =>
        address.Length <= MaxUrlLength && Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static void RequireId(Dictionary<string, string[]> errors, string field, string? value, bool required)
    {
        if (value is null ? required : value.Length == 0 || value.Length > MaxIdLength || value.Any(char.IsControl))
        {
            errors[field] = [$"{field} is {(required ? "required, " : "")}1-{MaxIdLength} characters without control characters."];
        }
    }
}
