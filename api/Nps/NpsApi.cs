using Escalation.Analytics;
using Escalation.Api.Analytics;
using Escalation.Api.Auth;
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

    public static IEndpointRouteBuilder MapNpsApi(this IEndpointRouteBuilder app)
    {
        var nps = app.MapGroup("/api/nps").WithTags("NPS");
        nps.MapPost("/", Answer).RequireAuthorization(Policies.Agent)
            .WithSummary("Records a survey answer (0-10); a detractor (0-6) opens a complaint for the channel's team.");
        nps.MapGet("/", Summarize).RequireAuthorization(Policies.Supervisor)
            .WithSummary("NPS of a team (managers: any or all) over a period (default: the last 30 days): promoters minus detractors, with the counts.");
        return app;
    }

    private static async Task<Results<Accepted<AnswerResponse>, ValidationProblem>> Answer(AnswerRequest request, IClusterClient cluster, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.CustomerId is not { Length: > 0 and <= 200 })
        {
            errors["customerId"] = ["customerId is required, at most 200 characters."];
        }

        if (request.Score is not (>= 0 and <= 10))
        {
            errors["score"] = ["score is a whole number from 0 to 10."];
        }

        if (request.Comment is { Length: > MaxCommentLength })
        {
            errors["comment"] = [$"comment is at most {MaxCommentLength} characters."];
        }

        var channel = request.Channel is null ? null : await cluster.GetGrain<IDirectoryGrain>(0).GetChannel(request.Channel);
        if (channel is null)
        {
            errors["channel"] = ["channel must name a configured channel; its team receives the answer."];
        }

        if (errors.Count > 0)
        {
            return ProblemExtensions.Invalid(errors);
        }

        var score = request.Score!.Value;
        Guid? complaintId = null;
        if (NpsSummary.IsDetractor(score))
        {
            complaintId = Guid.NewGuid();
            var text = string.IsNullOrWhiteSpace(request.Comment) ? $"NPS {score}/10 without a comment." : request.Comment;
            await cluster.GetGrain<IComplaintGrain>(complaintId.Value).Create(new NewComplaint(
                channel!.Name, $"nps-{complaintId}", new CustomerRef(request.CustomerId!, null), text, Public: false, channel.Team));
        }

        await cluster.GetGrain<ICustomerGrain>(request.CustomerId!).RecordNps(score);
        await cluster.GetGrain<INpsGrain>(channel!.Team).Record(
            new NpsAnswer(request.CustomerId!, score, request.Comment, channel.Name, time.GetUtcNow(), complaintId));
        return TypedResults.Accepted(complaintId is null ? "/api/nps" : $"/api/complaints/{complaintId}", new AnswerResponse(complaintId));
    }

    private static async Task<Results<Ok<NpsView>, ValidationProblem, ForbidHttpResult>> Summarize(
        string? team, DateTimeOffset? from, DateTimeOffset? to, HttpContext http, IClusterClient cluster, TimeProvider time)
    {
        var (allowed, scoped) = AnalyticsApi.Scope(http, team);
        if (!allowed)
        {
            return TypedResults.Forbid();
        }

        var (period, problem) = AnalyticsApi.PeriodOf(from, to, time, AnalyticsApi.DefaultPeriod);
        if (problem is not null)
        {
            return problem;
        }

        var answers = await cluster.GetGrain<IAnalyticsReaderGrain>(0).NpsAnswers(scoped, period!);
        var summary = NpsSummary.Of(answers.Select(answer => answer.Score));
        return TypedResults.Ok(new NpsView(scoped, period!.From, period.To, summary.Score, summary.Answers, summary.Promoters, summary.Passives, summary.Detractors));
    }
}
