using Escalation.Api.Auth;
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
            .WithSummary("A customer's complaints and whether their dissatisfaction is one-off or persistent. The id is URL-encoded.");
        return app;
    }

    private static async Task<Results<Ok<CustomerProfile>, ProblemHttpResult>> Get(string id, IClusterClient cluster)
    {
        // The router decodes every escape but %2F; customer ids such as "mail:a/b" arrive with it still encoded.
        id = id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var profile = await cluster.GetGrain<ICustomerGrain>(id).GetProfile();
        return profile.OpenComplaints.Count + profile.PastComplaints.Count == 0 && profile.LatestNps is null
            ? TypedResults.Problem($"There is no customer '{id}'.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(profile);
    }
}
