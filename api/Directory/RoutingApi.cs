using System.Globalization;
using Escalation.Api.Audit;
using Escalation.Api.Auth;
using Escalation.Api.Problems;
using Escalation.Directory;
using Escalation.Teams;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Directory;

/// <summary>A team's capacities: how many open complaints each agent holds at most (admin; a supervisor for their own team).</summary>
internal static class RoutingApi
{
    public sealed record RoutingRequest(int? Capacity, Dictionary<string, int?>? Agents);

    public static IEndpointRouteBuilder MapRoutingApi(this IEndpointRouteBuilder app)
    {
        var routing = app.MapGroup("/api/teams/{team}/routing").RequireAuthorization(Policies.Supervisor).WithTags("Teams");
        routing.MapGet("/", Get).WithSummary("The team's capacities: a default for every agent and per-agent overrides; null is unlimited (admin; a supervisor for their own team).");
        routing.MapPut("/", Put).WithSummary("Sets the team's capacities; agents now below theirs take the most urgent queued complaints (admin; a supervisor for their own team).");
        return app;
    }

    private static async Task<Results<Ok<TeamRouting>, ForbidHttpResult, ProblemHttpResult>> Get(string team, HttpContext http, IClusterClient cluster)
    {
        if (!TeamScope.MayConfigure(http, team))
        {
            return TypedResults.Forbid();
        }

        return await TeamScope.Exists(team, cluster) ? TypedResults.Ok(await cluster.GetGrain<ITeamGrain>(team).GetRouting()) : TeamScope.NoTeam(team);
    }

    private static async Task<Results<Ok<TeamRouting>, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> Put(
        string team, RoutingRequest request, HttpContext http, IClusterClient cluster)
    {
        if (!TeamScope.MayConfigure(http, team))
        {
            return TypedResults.Forbid();
        }

        if (!await TeamScope.Exists(team, cluster))
        {
            return TeamScope.NoTeam(team);
        }

        var agents = request.Agents ?? [];
        var errors = new Dictionary<string, string[]>();
        if (!Fits(request.Capacity))
        {
            errors["capacity"] = [$"capacity is null (unlimited) or a whole number from 0 to {TeamRouting.MaxCapacity}."];
        }

        var members = (await cluster.GetGrain<IDirectoryGrain>(0).GetUsers()).Where(user => user.Team == team && user.Role == UserRole.Agent).Select(user => user.Username).ToHashSet();
        foreach (var (agent, capacity) in agents)
        {
            if (!members.Contains(agent) || !Fits(capacity))
            {
                errors[$"agents.{agent}"] = [$"'{agent}' is not an agent of {team}, or its capacity is neither null nor a whole number from 0 to {TeamRouting.MaxCapacity}."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var routing = new TeamRouting(request.Capacity, agents);
        await cluster.GetGrain<ITeamGrain>(team).SetRouting(routing);
        await http.Audit("routing.updated", team, $"capacity={Shown(routing.Capacity)}"
            + string.Concat(agents.OrderBy(agent => agent.Key, StringComparer.Ordinal).Select(agent => $", {agent.Key}={Shown(agent.Value)}")));
        return TypedResults.Ok(routing);
    }

    private static bool Fits(int? capacity) => capacity is null or (>= 0 and <= TeamRouting.MaxCapacity);

    private static string Shown(int? capacity) => capacity?.ToString(CultureInfo.InvariantCulture) ?? "unlimited";
}
