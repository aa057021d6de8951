using Escalation.Api.Auth;
using Escalation.Complaints;
using Escalation.Customers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Customers;

internal static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/customers/{id}", Get)
            .RequireAuthorization(Policies.Agent)
            .WithTags("Customers")
            .WithSummary("A customer's complaints and whether their dissatisfaction is one-off or persistent (agents, supervisors: a customer with a complaint in their team). The id is URL-encoded.");
        return app;
    }

    /// <remarks>
    /// A customer the caller may not see is answered exactly as one that does not exist (404, same detail), so that
    /// other teams learn nothing of who complained where.
    /// </remarks>
    private static async Task<Results<Ok<CustomerProfile>, ProblemHttpResult>> Get(string id, HttpContext http, IClusterClient cluster)
    {
        // The router decodes every escape but %2F; customer ids such as "mail:a/b" arrive with it still encoded.
        id = id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var profile = await cluster.GetGrain<ICustomerGrain>(id).GetProfile();
        var exists = profile.OpenComplaints.Count + profile.PastComplaints.Count > 0 || profile.LatestNps is not null;
        return exists && await MaySee(ConsoleUser.From(http.User), profile, cluster)
            ? TypedResults.Ok(profile)
            : TypedResults.Problem($"There is no customer '{id}'.", statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<bool> MaySee(ConsoleUser user, CustomerProfile profile, IClusterClient cluster)
    {
        if (user.SeesAllTeams)
        {
            return true;
        }

        var summaries = await Task.WhenAll(profile.OpenComplaints.Concat(profile.PastComplaints).Select(id => cluster.GetGrain<IComplaintGrain>(id).GetSummary().AsTask()));
        return summaries.Any(summary => summary is not null && user.MayActOn(summary.Team));
    }
}
