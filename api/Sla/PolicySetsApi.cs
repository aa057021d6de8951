using Escalation.Api.Audit;
using Escalation.Api.Auth;
using Escalation.Api.Json;
using Escalation.Api.Problems;
using Escalation.Sla;
using Escalation.Triage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Sla;

/// <summary>Conditional SLA policy sets (admin): the first matching set by order gives a new complaint its terms.</summary>
internal static class PolicySetsApi
{
    public sealed record PolicyConditionsView(
        IReadOnlyList<string> Channels, IReadOnlyList<string> Teams, IReadOnlyList<Topic> Topics, bool? Public, bool? PersistentDissatisfaction);

    public sealed record SlaTargetsView(TimeSpan FirstResponse, TimeSpan NextResponse, TimeSpan Resolution, double WarningAt, TimeSpan EscalationAcknowledge);

    public sealed record PolicySetView(string Name, int Order, PolicyConditionsView When, string Calendar, IReadOnlyDictionary<string, SlaTargetsView> Targets);

    public sealed record PolicySetRequest(int? Order, PolicyConditionsView? When, string? Calendar, Dictionary<string, SlaApi.PolicyRequest?>? Targets);

    public static IEndpointRouteBuilder MapPolicySetsApi(this IEndpointRouteBuilder app)
    {
        var sets = app.MapGroup("/api/sla/policy-sets").RequireAuthorization(Policies.Admin).WithTags("SLA");
        sets.MapGet("/", (IClusterClient cluster) => List(cluster)).WithSummary("The SLA policy sets, in the order they are tried (admin).");
        sets.MapGet("/{name}", Get).WithSummary("One SLA policy set (admin).");
        sets.MapPut("/{name}", Put)
            .WithSummary("Creates or replaces a policy set; complaints received after the change take the matching set with the lowest order (admin).");
        sets.MapDelete("/{name}", Delete).WithSummary("Deletes a policy set; complaints already received keep their terms (admin).");
        return app;
    }

    private static async Task<Ok<PolicySetView[]>> List(IClusterClient cluster) =>
        TypedResults.Ok((await cluster.GetGrain<ISlaPolicyGrain>(0).GetPolicySets()).Select(View).ToArray());

    private static async Task<Results<Ok<PolicySetView>, NotFound>> Get(string name, IClusterClient cluster) =>
        (await cluster.GetGrain<ISlaPolicyGrain>(0).GetPolicySets()).FirstOrDefault(set => set.Name == name) is { } found
            ? TypedResults.Ok(View(found))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<PolicySetView>, Created<PolicySetView>, ValidationProblem>> Put(
        string name, PolicySetRequest request, HttpContext http, IClusterClient cluster)
    {
        var calendar = request.Calendar ?? BusinessCalendar.AlwaysOpenName;
        var errors = new List<string>();
        var targets = new Dictionary<Priority, SlaPolicy>();
        foreach (var (priority, target) in request.Targets ?? [])
        {
            if (!PriorityNames.TryParse(priority, out var parsed))
            {
                errors.Add($"targets: '{(priority.Length > 10 ? priority[..10] : priority)}' is not a priority (P1 to P4).");
            }
            else if (target is not { FirstResponse: { } first, NextResponse: { } next, Resolution: { } resolution, WarningAt: { } warningAt, EscalationAcknowledge: { } acknowledge })
            {
                errors.Add($"{priority}: firstResponse, nextResponse, resolution, warningAt and escalationAcknowledge are required.");
            }
            else
            {
                targets[parsed] = new SlaPolicy(first, next, resolution, warningAt, acknowledge, calendar);
            }
        }

        if (request.Order is null)
        {
            errors.Add("order is required.");
        }

        var when = request.When ?? new PolicyConditionsView([], [], [], null, null);
        var set = new SlaPolicySet(name, request.Order ?? 0, new PolicyConditions(when.Channels ?? [], when.Teams ?? [], when.Topics ?? [], when.Public, when.PersistentDissatisfaction),
            calendar, targets);
        if (errors.Count > 0)
        {
            return ProblemExtensions.Invalid("policySet", [.. errors, .. set.Validate()]);
        }

        bool created;
        try
        {
            created = await cluster.GetGrain<ISlaPolicyGrain>(0).SetPolicySet(set);
        }
        catch (ArgumentException exception)
        {
            return ProblemExtensions.Invalid("policySet", exception.Message);
        }

        await http.Audit("policySet.updated", name, $"order={set.Order}, calendar={calendar}, targets={string.Join(",", targets.Keys.Order())}");
        return created ? TypedResults.Created($"/api/sla/policy-sets/{name}", View(set)) : TypedResults.Ok(View(set));
    }

    private static async Task<Results<NoContent, NotFound>> Delete(string name, HttpContext http, IClusterClient cluster)
    {
        if (!await cluster.GetGrain<ISlaPolicyGrain>(0).DeletePolicySet(name))
        {
            return TypedResults.NotFound();
        }

        await http.Audit("policySet.deleted", name);
        return TypedResults.NoContent();
    }

    private static PolicySetView View(SlaPolicySet set) => new(
        set.Name,
        set.Order,
        new PolicyConditionsView(set.When.Channels, set.When.Teams, set.When.Topics, set.When.Public, set.When.PersistentDissatisfaction),
        set.Calendar,
        set.Targets.OrderBy(target => target.Key).ToDictionary(target => target.Key.ToString(), target =>
            new SlaTargetsView(target.Value.FirstResponse, target.Value.NextResponse, target.Value.Resolution, target.Value.WarningAt, target.Value.EscalationAcknowledge)));
}
