using Escalation.Api.Audit;
using Escalation.Api.Directory;
using Escalation.Api.Problems;
using Escalation.Api.Auth;
using Escalation.Directory;
using Escalation.Escalations;
using Escalation.Teams;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Escalations;

/// <summary>A team's escalation chain and its supervisors' roster (admin; a supervisor for their own team; managers read).</summary>
internal static class EscalationApi
{
    public sealed record EscalationLevelView(TimeSpan? After, IReadOnlyList<string> Notify, bool Reassign, bool RaisePriority);

    public sealed record EscalationChainView(IReadOnlyList<EscalationLevelView> Levels, TimeSpan? ReassignAfter);

    public sealed record EscalationLevelRequest(TimeSpan? After, List<string>? Notify, bool? Reassign, bool? RaisePriority);

    public sealed record EscalationChainRequest(List<EscalationLevelRequest?>? Levels, TimeSpan? ReassignAfter);

    public static IEndpointRouteBuilder MapEscalationApi(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/teams/{team}").RequireAuthorization(Policies.Supervisor).WithTags("Teams");
        teams.MapGet("/escalation", GetChain)
            .WithSummary("The team's escalation chain (the default when it set none: supervisors at the deadline, managers after the policy's acknowledgement time; after null is that time).");
        teams.MapPut("/escalation", PutChain)
            .WithSummary("Sets the team's escalation chain, 1 to 5 levels, for complaints received after the change (admin; a supervisor for their own team).");
        teams.MapGet("/roster", GetRoster).WithSummary("The weekly shifts and dated overrides of the team's supervisors, and who is on duty now.");
        teams.MapPut("/roster", PutRoster).WithSummary("Sets the team's roster (admin; a supervisor for their own team).");
        return app;
    }

    private static async Task<Results<Ok<EscalationChainView>, ForbidHttpResult, ProblemHttpResult>> GetChain(string team, HttpContext http, IClusterClient cluster)
    {
        if (!TeamScope.MayRead(http, team))
        {
            return TypedResults.Forbid();
        }

        return await TeamScope.Exists(team, cluster)
            ? TypedResults.Ok(View(await cluster.GetGrain<ITeamGrain>(team).GetEscalation() ?? EscalationChain.Default))
            : TeamScope.NoTeam(team);
    }

    private static async Task<Results<Ok<EscalationChainView>, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> PutChain(
        string team, EscalationChainRequest request, HttpContext http, IClusterClient cluster)
    {
        if (!TeamScope.MayConfigure(http, team))
        {
            return TypedResults.Forbid();
        }

        if (!await TeamScope.Exists(team, cluster))
        {
            return TeamScope.NoTeam(team);
        }

        var chain = new EscalationChain(
            [.. (request.Levels ?? []).Select(level => new EscalationLevel(level?.After, level?.Notify ?? [], level?.Reassign == true, level?.RaisePriority == true))],
            request.ReassignAfter);
        var errors = chain.Validate().ToList();
        var users = (await cluster.GetGrain<IDirectoryGrain>(0).GetUsers()).Select(user => user.Username).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(chain.Levels.SelectMany(level => level.Notify).Select(NotifyTargets.UserOf).OfType<string>()
            .Where(user => Names.IsValid(user) && !users.Contains(user)).Distinct().Select(user => $"There is no user '{user}'."));
        if (errors.Count > 0)
        {
            return ProblemExtensions.Invalid("escalation", [.. errors]);
        }

        await cluster.GetGrain<ITeamGrain>(team).SetEscalation(chain);
        await http.Audit("escalation.updated", team, string.Join("; ", chain.Levels.Select((level, index) =>
            $"{index + 1}: after {level.After?.ToString() ?? "acknowledge"} → {string.Join(",", level.Notify)}{(level.Reassign ? " reassign" : "")}{(level.RaisePriority ? " raise" : "")}"))
            + $"; reassignAfter {chain.ReassignAfter?.ToString() ?? "never"}");
        return TypedResults.Ok(View(chain));
    }

    private static async Task<Results<Ok<RosterView>, ForbidHttpResult, ProblemHttpResult>> GetRoster(
        string team, HttpContext http, IClusterClient cluster, TimeProvider time)
    {
        if (!TeamScope.MayRead(http, team))
        {
            return TypedResults.Forbid();
        }

        if (!await TeamScope.Exists(team, cluster))
        {
            return TeamScope.NoTeam(team);
        }

        var grain = cluster.GetGrain<ITeamGrain>(team);
        return TypedResults.Ok(RosterView.Of(await grain.GetRoster(), await grain.Recipients([NotifyTargets.OnDuty], time.GetUtcNow())));
    }

    private static async Task<Results<Ok<RosterView>, ForbidHttpResult, ProblemHttpResult, ValidationProblem>> PutRoster(
        string team, RosterView.Request request, HttpContext http, IClusterClient cluster, TimeProvider time)
    {
        if (!TeamScope.MayConfigure(http, team))
        {
            return TypedResults.Forbid();
        }

        if (!await TeamScope.Exists(team, cluster))
        {
            return TeamScope.NoTeam(team);
        }

        var (roster, errors) = RosterView.Parse(request);
        var supervisors = (await cluster.GetGrain<IDirectoryGrain>(0).GetUsers())
            .Where(user => user.Team == team && user.Role == UserRole.Supervisor).Select(user => user.Username).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(roster.Shifts.Select(shift => shift.User).Concat(roster.Overrides.Select(entry => entry.User))
            .Where(user => Names.IsValid(user) && !supervisors.Contains(user)).Distinct().Select(user => $"'{user}' is not a supervisor of {team}."));
        if (errors.Count > 0)
        {
            return ProblemExtensions.Invalid("roster", [.. errors]);
        }

        var grain = cluster.GetGrain<ITeamGrain>(team);
        await grain.SetRoster(roster);
        await http.Audit("roster.updated", team, $"timeZone={roster.TimeZone}, {roster.Shifts.Count} shifts, {roster.Overrides.Count} overrides");
        return TypedResults.Ok(RosterView.Of(roster, await grain.Recipients([NotifyTargets.OnDuty], time.GetUtcNow())));
    }

    private static EscalationChainView View(EscalationChain chain) =>
        new([.. chain.Levels.Select(level => new EscalationLevelView(level.After, level.Notify, level.Reassign, level.RaisePriority))], chain.ReassignAfter);
}
