using Escalation.Api.Problems;
using System.Text.Json;
using Escalation.Api.Telemetry;
using Escalation.Complaints;
using Escalation.Connectors;
using Escalation.Directory;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Escalation.Api.Connectors;

internal static class ConnectorsApi
{
    public const string RateLimit = "connector";

    public sealed record IngestResponse(Guid ComplaintId, bool Duplicate, bool Appended);

    public static IEndpointRouteBuilder MapConnectorsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/connectors/{channel}/complaints", Ingest)
            .RequireRateLimiting(RateLimit)
            .WithTags("Connectors")
            .WithSummary("Accepts a signed complaint or follow-up from a connector; idempotent on (channel, externalId).");
        return app;
    }

    private static async Task<Results<Accepted<IngestResponse>, Ok<IngestResponse>, ValidationProblem, ProblemHttpResult>> Ingest(
        string channel,
        HttpRequest request,
        IClusterClient cluster,
        ChannelCache channels,
        TimeProvider time,
        IOptions<ConnectorOptions> options,
        IOptions<JsonOptions> json,
        EscalationMetrics metrics,
        CancellationToken cancellationToken)
    {
        var body = await ReadBody(request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(
                $"The body is larger than {options.Value.MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if ((await channels.Get()).GetValueOrDefault(channel) is not { } record)
        {
            return TypedResults.Problem($"There is no channel '{channel}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var now = time.GetUtcNow();
        var headers = request.Headers;
        if (ConnectorSignature.Check(
                record.Secret, headers[ConnectorSignature.TimestampHeader], headers[ConnectorSignature.SignatureHeader], body, now, options.Value.TimestampTolerance)
            is { } rejection)
        {
            return TypedResults.Problem(rejection, statusCode: StatusCodes.Status401Unauthorized);
        }

        ConnectorBody? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<ConnectorBody>(body, json.Value.SerializerOptions);
        }
        catch (JsonException exception)
        {
            return TypedResults.Problem($"The body is not valid JSON for a complaint: {exception.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        if (parsed is null)
        {
            return TypedResults.Problem("The body must be a JSON object.", statusCode: StatusCodes.Status400BadRequest);
        }

        var (message, errors) = ConnectorRequest.Validate(parsed, record, now);
        if (message is null)
        {
            return ProblemExtensions.Invalid(errors);
        }

        var result = await cluster.GetGrain<IComplaintGrain>(ComplaintIds.Of(channel, message.ExternalId)).Ingest(message);
        metrics.ComplaintIngested(channel, message.Public, result);
        var response = new IngestResponse(result.ComplaintId, result.Duplicate, result.Appended);
        return result.Duplicate
            ? TypedResults.Ok(response)
            : TypedResults.Accepted($"/api/complaints/{result.ComplaintId}", response);
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
