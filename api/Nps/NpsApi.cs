using Escalation.Analytics;
using Escalation.Api.Analytics;
using Escalation.Api.Auth;
using Escalation.Api.Connectors;
using Escalation.Api.Problems;
using Escalation.Complaints;
using Escalation.Customers;
using Escalation.Directory;
using Escalation.Nps;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Nps;

internal static class NpsApi
{
    public const int MaxCommentLength = 10_000;

    public sealed record AnswerRequest(string? CustomerId, int? Score, string? Comment, string? Channel);

    public sealed record AnswerResponse(Guid? ComplaintId);

    public sealed record NpsView(string? Team, DateTimeOffset From, DateTimeOffset To, double? Score, int Answers, int Promoters, int Passives, int Detractors);

    /// <summary>A survey answer as a connector posts it; the channel is the one in the path.</summary>
    public sealed record SurveyAnswer(string? CustomerId, int? Score, string? Comment);

    public static IEndpointRouteBuilder MapNpsApi(this IEndpointRouteBuilder app)
    {
        var nps = app.MapGroup("/api/nps").WithTags("NPS");
        nps.MapPost("/", Answer).RequireAuthorization(Policies.Agent)
            .WithSummary("Records a survey answer (0-10) for a channel of the caller's team (managers: any); a detractor (0-6) opens a complaint for the channel's team.");
        nps.MapGet("/", Summarize).RequireAuthorization(Policies.Supervisor).Produces<NpsView>().ProducesScopedProblems()
            .WithSummary("NPS of a team (managers: any or all) over a period (default: the last 30 days): promoters minus detractors, with the counts.");
        app.MapPost("/api/connectors/{channel}/nps", Survey)
            .RequireRateLimiting(ConnectorsApi.RateLimit)
            .WithTags("Connectors")
            .WithSummary("Records a survey answer a connector posts, signed as its complaints are; a detractor (0-6) opens a complaint.");
        return app;
    }

    private static async Task<Results<Accepted<AnswerResponse>, ValidationProblem, ForbidHttpResult>> Answer(
        AnswerRequest request, HttpContext http, IClusterClient cluster, TimeProvider time)
    {
        var errors = Check(request.CustomerId, request.Score, request.Comment);
        var channel = request.Channel is null ? null : await cluster.GetGrain<IDirectoryGrain>(0).GetChannel(request.Channel);
        if (channel is null)
        {
            errors["channel"] = ["channel must name a configured channel; its team receives the answer."];
        }

        if (errors.Count > 0)
        {
            return ProblemExtensions.Invalid(errors);
        }

        return ConsoleUser.From(http.User).MayActOn(channel!.Team)
            ? await Record(cluster, channel, request.CustomerId!, request.Score!.Value, request.Comment, time.GetUtcNow())
            : TypedResults.Forbid();
    }

    private static async Task<Results<Accepted<AnswerResponse>, ValidationProblem, ProblemHttpResult>> Survey(
        string channel, HttpRequest request, IClusterClient cluster, ConnectorGate gate, CancellationToken cancellationToken)
    {
        var (verified, refusal) = await gate.Read<SurveyAnswer>(channel, request, "a survey answer", cancellationToken);
        if (verified is null)
        {
            return refusal!;
        }

        var answer = verified.Body;
        var errors = Check(answer.CustomerId, answer.Score, answer.Comment);
        return errors.Count > 0
            ? ProblemExtensions.Invalid(errors)
            : await Record(cluster, verified.Channel, answer.CustomerId!, answer.Score!.Value, answer.Comment, verified.Now);
    }

    private static Dictionary<string, string[]> Check(string? customerId, int? score, string? comment)
    {
        var errors = new Dictionary<string, string[]>();
        if (customerId is not { Length: > 0 and <= ConnectorRequest.MaxIdLength } || customerId.Any(char.IsControl))
        {
            errors["customerId"] = [$"customerId is required, at most {ConnectorRequest.MaxIdLength} characters without control characters."];
        }

        if (score is not (>= 0 and <= 10))
        {
            errors["score"] = ["score is a whole number from 0 to 10."];
        }

        if (comment is { Length: > MaxCommentLength })
        {
            errors["comment"] = [$"comment is at most {MaxCommentLength} characters."];
        }

        return errors;
    }

    /// <summary>Records the answer for the channel's team; a detractor's opens a complaint there.</summary>
    private static async Task<Accepted<AnswerResponse>> Record(IClusterClient cluster, ChannelRecord channel, string customerId, int score, string? comment, DateTimeOffset at)
    {
        Guid? complaintId = null;
        if (NpsSummary.IsDetractor(score))
        {
            complaintId = Guid.NewGuid();
            var text = string.IsNullOrWhiteSpace(comment) ? $"NPS {score}/10 without a comment." : comment;
            await cluster.GetGrain<IComplaintGrain>(complaintId.Value).Create(new NewComplaint(
                channel.Name, $"nps-{complaintId}", new CustomerRef(customerId, null), text, Public: false, channel.Team));
        }

        var log = INpsGrain.KeyOf(channel.Team, at);
        await cluster.GetGrain<ICustomerGrain>(customerId).RecordNps(score, log);
        await cluster.GetGrain<INpsGrain>(log).Record(new NpsAnswer(customerId, score, comment, channel.Name, at, complaintId));
        return TypedResults.Accepted(complaintId is null ? "/api/nps" : $"/api/complaints/{complaintId}", new AnswerResponse(complaintId));
    }

    private static Task<IResult> Summarize(string? team, DateTimeOffset? from, DateTimeOffset? to, HttpContext http, IClusterClient cluster, TimeProvider time) =>
        AnalyticsApi.Scoped(http, team, from, to, time, AnalyticsApi.DefaultPeriod, async (scope, period) =>
        {
            var answers = await cluster.GetGrain<IAnalyticsReaderGrain>(0).NpsAnswers(scope, period);
            var summary = NpsSummary.Of(answers.Select(answer => answer.Score));
            return TypedResults.Ok(new NpsView(scope, period.From, period.To, summary.Score, summary.Answers, summary.Promoters, summary.Passives, summary.Detractors));
        });
}
