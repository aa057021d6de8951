using System.Globalization;
using System.Net.Http.Headers;

namespace Escalation.Connectors;

/// <summary>A connector's POST, signed with its channel's secret as <see cref="ConnectorSignature"/> describes.</summary>
public static class SignedRequest
{
    public static string ComplaintsPath(string channel) => $"/api/connectors/{Uri.EscapeDataString(channel)}/complaints";

    /// <summary>A JSON POST of <paramref name="body"/> (the exact bytes signed) to <paramref name="path"/>, stamped with <paramref name="at"/>.</summary>
    public static HttpRequestMessage Create(string path, string secret, byte[] body, DateTimeOffset at) =>
        Create(path, secret, body, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    /// <summary>As above with a timestamp header written as given (tests send stale, future and malformed ones).</summary>
    public static HttpRequestMessage Create(string path, string secret, byte[] body, string timestamp, string? signature = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.RelativeOrAbsolute))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(ConnectorSignature.TimestampHeader, timestamp);
        request.Headers.Add(ConnectorSignature.SignatureHeader, signature ?? ConnectorSignature.Sign(secret, timestamp, body));
        return request;
    }
}
