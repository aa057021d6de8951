using System.Text.Json;
using Escalation.Api.Http;
using Escalation.Connectors;
using Escalation.Directory;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Escalation.Api.Connectors;

/// <summary>
/// What every signed connector endpoint checks before it reads what was sent: the body's size (413 whatever the
/// signature), the channel (404), the signature and timestamp (401), then the channel's budget (429), which only
/// authentic requests spend.
/// </summary>
internal sealed class ConnectorGate(
    ChannelCache channels,
    TimeProvider time,
    IOptions<ConnectorOptions> options,
    IOptions<JsonOptions> json,
    [FromKeyedServices(ConnectorsApi.RateLimit)] RateLimitExtensions.KeyedLimit budget)
{
    /// <summary>An authentic request: its channel, its body as <typeparamref name="T"/>, and when it came.</summary>
    public sealed record Verified<T>(ChannelRecord Channel, T Body, DateTimeOffset Now);

    /// <summary>The authentic request with its body as <typeparamref name="T"/> (<paramref name="what"/> names it in a 400), or the refusal.</summary>
    public async Task<(Verified<T>? Request, ProblemHttpResult? Refusal)> Read<T>(string channel, HttpRequest request, string what, CancellationToken cancellationToken)
        where T : class
    {
        var (verified, refusal) = await Verify(channel, request, cancellationToken);
        if (verified is null)
        {
            return (null, refusal);
        }

        var (body, malformed) = Parse<T>(verified.Body, what);
        return body is null ? (null, malformed) : (new Verified<T>(verified.Channel, body, verified.Now), null);
    }

    private async Task<(Verified<byte[]>? Request, ProblemHttpResult? Refusal)> Verify(string channel, HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBodyBytes;
        if (await ReadBody(request, limit, cancellationToken) is not { } body)
        {
            return (null, TypedResults.Problem($"The body is larger than {limit} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge));
        }

        if ((await channels.Get()).GetValueOrDefault(channel) is not { } record)
        {
            return (null, TypedResults.Problem($"There is no channel '{channel}'.", statusCode: StatusCodes.Status404NotFound));
        }

        var now = time.GetUtcNow();
        var headers = request.Headers;
        if (ConnectorSignature.Check(
                record.Secret, headers[ConnectorSignature.TimestampHeader], headers[ConnectorSignature.SignatureHeader], body, now, options.Value.TimestampTolerance)
            is { } rejection)
        {
            return (null, TypedResults.Problem(rejection, statusCode: StatusCodes.Status401Unauthorized));
        }

        return budget.Refuse(record.Name, request.HttpContext.Response) is { } tooMany ? (null, tooMany) : (new Verified<byte[]>(record, body, now), null);
    }

    /// <summary>The body as <typeparamref name="T"/>, or the 400 that says why it is not one.</summary>
    private (T? Value, ProblemHttpResult? Refusal) Parse<T>(byte[] body, string what) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, json.Value.SerializerOptions) is { } value
                ? (value, null)
                : (null, TypedResults.Problem("The body must be a JSON object.", statusCode: StatusCodes.Status400BadRequest));
        }
        catch (JsonException exception)
        {
            return (null, TypedResults.Problem($"The body is not valid JSON for {what}: {exception.Message}", statusCode: StatusCodes.Status400BadRequest));
        }
    }

    /// <summary>The body as received, or null when it exceeds <paramref name="limit"/> (declared or actual).</summary>
    private static async Task<byte[]?> ReadBody(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
