using Escalation.Api.Analytics;
using Escalation.Api.Auth;
using Escalation.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Audit;

/// <summary>
/// The audit log of administrative changes. An endpoint that makes one records it with one call,
/// <c>await http.Audit("user.deleted", username)</c>, after the change succeeded; details never hold secrets.
/// </summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", List)
            .RequireAuthorization(Policies.Admin)
            .WithTags("Audit")
            .WithSummary("Administrative changes (users, channels, policies, calendars, …) over a period, oldest first (default: the last 30 days; admin).");
        return app;
    }

    /// <summary>Records an administrative change made by the caller, now.</summary>
    public static async Task Audit(this HttpContext http, string action, string target, string? details = null)
    {
        var services = http.RequestServices;
        var at = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await services.GetRequiredService<IClusterClient>().GetGrain<IAuditGrain>(IAuditGrain.KeyOf(at))
            .Record(new AuditEntry(at, ConsoleUser.From(http.User).Username, action, target, details));
    }

    private static async Task<Results<Ok<AuditEntry[]>, ValidationProblem>> List(DateTimeOffset? from, DateTimeOffset? to, IClusterClient cluster, TimeProvider time)
    {
        var (period, problem) = AnalyticsApi.PeriodOf(from, to, time, AnalyticsApi.DefaultPeriod);
        if (problem is not null)
        {
            return problem;
        }

        var days = await Task.WhenAll(period!.Days().Select(day => cluster.GetGrain<IAuditGrain>(IAuditGrain.KeyOf(day)).Entries(period).AsTask()));
        return TypedResults.Ok(days.SelectMany(entries => entries).ToArray());
    }
}
