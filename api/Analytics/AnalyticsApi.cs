using Escalation.Analytics;
using Escalation.Api.Auth;
using Escalation.Api.Json;
using Escalation.Api.Problems;
using Escalation.Triage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Analytics;

internal static class AnalyticsApi
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);
    public static readonly TimeSpan LongestPeriod = TimeSpan.FromDays(400);

    public sealed record GoalRequest(double? ReductionPercent, DateTimeOffset? Start, DateTimeOffset? Deadline);

    public sealed record GoalView(Topic Topic, double ReductionPercent, DateTimeOffset Start, DateTimeOffset Deadline, int Baseline, int Current, double? AchievedPercent);

    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api").RequireAuthorization(Policies.Supervisor).WithTags("Analytics");
        analytics.MapGet("/analytics", Get).Produces<AnalyticsReport>().ProducesScopedProblems()
            .WithSummary("SLA compliance, response and resolution times, escalations, topics against the previous period, public share, persistent dissatisfaction and NPS, for a team or all (default: the last 30 days).");
        analytics.MapGet("/digest", GetDigest).Produces<string>(contentType: "text/html").ProducesScopedProblems()
            .WithSummary("The weekly digest for management (default: the last 7 days): figures and NPS comments by topic with their frequent words; format=html (default) or csv.");
        analytics.MapGet("/goals", GetGoals).WithSummary("Goals per topic (\"cut delivery complaints by 20% in three months\") with their progress.");
        analytics.MapPut("/goals/{topic}", PutGoal).RequireAuthorization(Policies.Manager).WithSummary("Sets the goal of a topic (manager, admin).");
        return app;
    }

    /// <summary>Documents the refusals of <see cref="Scoped"/>.</summary>
    public static RouteHandlerBuilder ProducesScopedProblems(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>The period asked for, or why it cannot be had.</summary>
    public static (Period? Period, ValidationProblem? Problem) PeriodOf(DateTimeOffset? from, DateTimeOffset? to, TimeProvider time, TimeSpan length)
    {
        foreach (var (name, bound) in new[] { ("from", from), ("to", to) })
        {
            if (bound is { } given && !TimeBounds.Contains(given))
            {
                return (null, ProblemExtensions.Invalid(name, TimeBounds.Rule));
            }
        }

        var end = to ?? time.GetUtcNow();
        var start = from ?? end - length;
        return start >= end || end - start > LongestPeriod
            ? (null, ProblemExtensions.Invalid("from", $"from must be before to, at most {LongestPeriod.TotalDays:0} days apart."))
            : (new Period(start, end), null);
    }

    /// <summary>
    /// Answers a request for figures of a team (or all) over a period: 403 for a team the caller may not see, 400 for a
    /// period that cannot be had, else what <paramref name="answer"/> makes of the team and period.
    /// </summary>
    public static async Task<IResult> Scoped(
        HttpContext http, string? team, DateTimeOffset? from, DateTimeOffset? to, TimeProvider time, TimeSpan length, Func<string?, Period, Task<IResult>> answer)
    {
        var (allowed, scoped) = Scope(http, team);
        if (!allowed)
        {
            return TypedResults.Forbid();
        }

        var (period, problem) = PeriodOf(from, to, time, length);
        return problem ?? await answer(scoped, period!);
    }

    /// <summary>The team the caller may see: their own (supervisors), or the one asked for or all (managers).</summary>
    public static (bool Allowed, string? Team) Scope(HttpContext http, string? team)
    {
        var user = ConsoleUser.From(http.User);
        var scoped = team ?? (user.SeesAllTeams ? null : user.Team);
        return (scoped is null ? user.SeesAllTeams : user.MayActOn(scoped), scoped);
    }

    private static Task<IResult> Get(string? team, DateTimeOffset? from, DateTimeOffset? to, HttpContext http, IClusterClient cluster, TimeProvider time) =>
        Scoped(http, team, from, to, time, DefaultPeriod, async (scope, period) =>
            TypedResults.Ok(await cluster.GetGrain<IAnalyticsReaderGrain>(0).Report(scope, period)));

    private static Task<IResult> GetDigest(
        string? team, DateTimeOffset? from, DateTimeOffset? to, string? format, HttpContext http, IClusterClient cluster, TimeProvider time) =>
        Scoped(http, team, from, to, time, TimeSpan.FromDays(7), async (scope, period) =>
        {
            if (format is not (null or "html" or "csv"))
            {
                return ProblemExtensions.Invalid("format", "format is html or csv.");
            }

            var (report, answers) = await cluster.GetGrain<IAnalyticsReaderGrain>(0).ReportWithAnswers(scope, period);
            var digest = Digest.Of(report, answers);
            return format == "csv"
                ? TypedResults.Text(digest.ToCsv(), "text/csv; charset=utf-8")
                : TypedResults.Text(digest.ToHtml(), "text/html; charset=utf-8");
        });

    private static async Task<Ok<GoalView[]>> GetGoals(HttpContext http, IClusterClient cluster, TimeProvider time)
    {
        var (_, team) = Scope(http, null);
        var now = time.GetUtcNow();
        var goals = await cluster.GetGrain<IGoalsGrain>(0).GetGoals();
        if (goals.Count == 0)
        {
            return TypedResults.Ok(Array.Empty<GoalView>());
        }

        var current = await cluster.GetGrain<IAnalyticsReaderGrain>(0).Report(team, new Period(now - DefaultPeriod, now));
        var views = new List<GoalView>();
        foreach (var goal in goals)
        {
            // Progress: complaints of the topic in the last 30 days against the 30 days before the goal started.
            var baseline = await cluster.GetGrain<IAnalyticsReaderGrain>(0).Report(team, new Period(goal.Start - DefaultPeriod, goal.Start));
            int before = Count(baseline, goal.Topic), after = Count(current, goal.Topic);
            views.Add(new GoalView(goal.Topic, goal.ReductionPercent, goal.Start, goal.Deadline, before, after,
                before == 0 ? null : Math.Round(100.0 * (before - after) / before, 1)));
        }

        return TypedResults.Ok(views.ToArray());
    }

    private static async Task<Results<Ok<Goal>, ValidationProblem>> PutGoal(string topic, GoalRequest request, IClusterClient cluster, TimeProvider time)
    {
        if (!Enum.TryParse<Topic>(topic, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            return ProblemExtensions.Invalid("topic", "topic is productQuality, service, delivery, easeOfUse, billing or other.");
        }

        if (request.ReductionPercent is not (> 0 and <= 100) || request.Deadline is null)
        {
            return ProblemExtensions.Invalid("goal", "reductionPercent (above 0, at most 100) and deadline are required.");
        }

        var goal = new Goal(parsed, request.ReductionPercent.Value, request.Start ?? time.GetUtcNow(), request.Deadline.Value);
        await cluster.GetGrain<IGoalsGrain>(0).SetGoal(goal);
        return TypedResults.Ok(goal);
    }

    private static int Count(AnalyticsReport report, Topic topic) => report.Topics.First(t => t.Topic == topic).Count;
}
