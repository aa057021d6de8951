using Escalation.Api.Auth;
using Escalation.Directory;
using Escalation.Teams;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Directory;

internal static class TeamsApi
{
    public static IEndpointRouteBuilder MapTeamsApi(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/teams").RequireAuthorization(Policies.Supervisor).WithTags("Teams");
        teams.MapGet("/", async (HttpContext http, IClusterClient cluster) =>
        {
            var user = ConsoleUser.From(http.User);
            return TypedResults.Ok((await cluster.GetGrain<IDirectoryGrain>(0).GetTeams()).Where(user.MayActOn).ToArray());
        }).WithSummary("The teams the caller oversees (supervisor: their own; manager, admin: all).");
        teams.MapGet("/{team}", GetTeam).WithSummary("A team at a glance: members, who is online, their open complaints, and the queue.");
        return app;
    }

    private static async Task<Results<Ok<TeamOverview>, ForbidHttpResult, ProblemHttpResult>> GetTeam(string team, HttpContext http, IClusterClient cluster)
    {
        if (!ConsoleUser.From(http.User).MayActOn(team))
        {
            return TypedResults.Forbid();
        }

        return (await cluster.GetGrain<IDirectoryGrain>(0).GetTeams()).Contains(team)
            ? TypedResults.Ok(await cluster.GetGrain<ITeamGrain>(team).GetOverview())
            : TypedResults.Problem($"There is no team '{team}'.", statusCode: StatusCodes.Status404NotFound);
    }
}
