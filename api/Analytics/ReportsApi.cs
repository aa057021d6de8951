using System.Globalization;
using System.Text;
using Escalation.Analytics;
using Escalation.Api.Auth;
using Escalation.Api.Json;
using Escalation.Api.Problems;

namespace Escalation.Api.Analytics;

/// <summary>
/// SLA reports (supervisor for their team, manager, admin): compliance grouped by agent, team, channel, priority or topic,
/// and the breach list; from the facts complaints record as things happen, like the analytics.
/// </summary>
internal static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").RequireAuthorization(Policies.Supervisor).WithTags("Analytics");
        reports.MapGet("/sla", GetSla).Produces<SlaReport>(StatusCodes.Status200OK, "application/json", "text/csv").ProducesScopedProblems()
            .WithSummary("Deadlines that fell due in the period, met and missed, escalations and first-response p50/p90, grouped by agent (the assignee when it fell due), team, channel, priority or topic (default: the last 30 days; format=csv for CSV).");
        reports.MapGet("/breaches", GetBreaches).Produces<IReadOnlyList<Breach>>().ProducesScopedProblems().WithSummary("The deadlines missed in the period, the latest first, with when each was answered (null: never).");
        return app;
    }

    private static Task<IResult> GetSla(
        string? team, DateTimeOffset? from, DateTimeOffset? to, string? groupBy, string? format, HttpContext http, IClusterClient cluster, TimeProvider time) =>
        AnalyticsApi.Scoped(http, team, from, to, time, AnalyticsApi.DefaultPeriod, async (scope, period) =>
        {
            if (!TryGrouping(groupBy, out var grouping))
            {
                return ProblemExtensions.Invalid("groupBy", "groupBy is agent, team, channel, priority or topic.");
            }

            if (format is not (null or "json" or "csv"))
            {
                return ProblemExtensions.Invalid("format", "format is json or csv.");
            }

            var report = await cluster.GetGrain<IAnalyticsReaderGrain>(0).SlaReport(scope, period, grouping);
            return format == "csv" ? TypedResults.Text(Csv(report), "text/csv; charset=utf-8") : TypedResults.Ok(report);
        });

    private static Task<IResult> GetBreaches(string? team, DateTimeOffset? from, DateTimeOffset? to, HttpContext http, IClusterClient cluster, TimeProvider time) =>
        AnalyticsApi.Scoped(http, team, from, to, time, AnalyticsApi.DefaultPeriod, async (scope, period) =>
            TypedResults.Ok(await cluster.GetGrain<IAnalyticsReaderGrain>(0).Breaches(scope, period, time.GetUtcNow())));

    /// <summary>A grouping by its camelCase name; none given is by agent.</summary>
    private static bool TryGrouping(string? name, out ReportGrouping grouping)
    {
        var matches = Enum.GetValues<ReportGrouping>().Where(value => JsonSetup.ToCamelCase(value.ToString()) == (name ?? "agent")).ToList();
        grouping = matches.FirstOrDefault();
        return matches.Count == 1;
    }

    private static string Csv(SlaReport report)
    {
        var csv = new StringBuilder($"{JsonSetup.ToCamelCase(report.GroupBy.ToString())},deadlines,met,missed,compliance,escalations,firstResponseP50,firstResponseP90\r\n");
        foreach (var row in report.Rows)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{Digest.Quote(row.Key)},{row.Deadlines},{row.Met},{row.Missed},{row.Compliance},{row.Escalations},{row.FirstResponseSeconds.P50},{row.FirstResponseSeconds.P90}\r\n");
        }

        return csv.ToString();
    }
}
