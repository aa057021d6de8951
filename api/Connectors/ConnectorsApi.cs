using Escalation.Api.Problems;
using Escalation.Api.Telemetry;
using Escalation.Complaints;
using Escalation.Connectors;
using Microsoft.AspNetCore.Http.HttpResults;

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
        ConnectorGate gate,
        EscalationMetrics metrics,
        CancellationToken cancellationToken)
    {
        var (verified, refusal) = await gate.Read<ConnectorBody>(channel, request, "a complaint", cancellationToken);
        if (verified is null)
        {
            return refusal!;
        }

        var (message, errors) = ConnectorRequest.Validate(verified.Body, verified.Channel, verified.Now);
        if (message is null)
        {
            return ProblemExtensions.Invalid(errors);
        }

        var result = await cluster.Grain<IComplaintGrain>(ComplaintIds.Of(channel, message.ExternalId)).Ingest(message);
        metrics.ComplaintIngested(channel, message.Public, result);
        var response = new IngestResponse(result.ComplaintId, result.Duplicate, result.Appended);
        return result.Duplicate
            ? TypedResults.Ok(response)
            : TypedResults.Accepted($"/api/complaints/{result.ComplaintId}", response);
    }
}
