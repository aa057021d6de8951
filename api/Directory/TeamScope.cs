using Escalation.Api.Auth;
using Escalation.Directory;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Directory;

/// <summary>Who may change a team's settings (capacities, escalation chain, roster), and the team's existence.</summary>
internal static class TeamScope
{
    /// <summary>An admin, or the team's own supervisor.</summary>
    public static bool MayConfigure(HttpContext http, string team)
    {
        var user = ConsoleUser.From(http.User);
        return user.Role == UserRole.Admin || (user.Role == UserRole.Supervisor && user.Team == team);
    }

    /// <summary>Those who may change the settings, and managers, who see every team.</summary>
    public static bool MayRead(HttpContext http, string team) => MayConfigure(http, team) || ConsoleUser.From(http.User).Role == UserRole.Manager;

    public static async Task<bool> Exists(string team, IClusterClient cluster) => (await cluster.GetGrain<IDirectoryGrain>(0).GetTeams()).Contains(team);

    public static ProblemHttpResult NoTeam(string team) => TypedResults.Problem($"There is no team '{team}'.", statusCode: StatusCodes.Status404NotFound);
}
