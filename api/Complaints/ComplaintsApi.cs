using Escalation.Api.Problems;
using Escalation.Api.Auth;
using Escalation.Complaints;
using Escalation.Directory;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Complaints;

internal static class ComplaintsApi
{
    public const int MaxTextLength = 10_000;

    public sealed record AssignRequest(string? Agent);

    public sealed record ResponseRequest(string? Text, bool? Public);

    public sealed record NoteRequest(string? Text);

    public sealed record ResolveRequest(string? Note);

    public static IEndpointRouteBuilder MapComplaintsApi(this IEndpointRouteBuilder app)
    {
        var complaints = app.MapGroup("/api/complaints").RequireAuthorization(Policies.Agent).WithTags("Complaints");
        complaints.MapGet("/", ComplaintList.Get).WithSummary(
            "One page of complaint rows (text cut to 280 characters, textTruncated), ordered by the next deadline: the caller's team (managers: every team, "
            + "or ?team=). Filters: status (open by default, or one status name), assignee (me, none or a username), priority, channel, topic, escalated, "
            + "dueBefore, atRisk (due within 15 minutes or past, or warned), q (customer id or name, or text; case and diacritics ignored). limit (100, at most 500) and cursor (from the Link header); "
            + "X-Total-Count gives the rows matching.");
        complaints.MapGet("/{id:guid}", Get).WithSummary("A complaint with its whole timeline.");

        var actions = complaints.MapGroup("/{id:guid}");
        actions.MapPost("/assign", Assign).WithSummary("Assigns the complaint to an agent of its team.");
        actions.MapPost("/responses", Respond).WithSummary("Answers the customer: meets the first-response deadline and any pending customer message.");
        actions.MapPost("/notes", Note).WithSummary("Adds an internal note; it never counts as a response.");
        actions.MapPost("/wait-for-customer", (Guid id, HttpContext http, IClusterClient cluster) =>
            Act(id, http, cluster, (grain, actor) => grain.WaitForCustomer(actor))).WithSummary("Pauses the SLA clocks until the customer answers.");
        actions.MapPost("/resume", (Guid id, HttpContext http, IClusterClient cluster) =>
            Act(id, http, cluster, (grain, actor) => grain.ResumeAfterWait(actor))).WithSummary("Ends a wait for the customer; the clocks go on with the time left.");
        actions.MapPost("/resolve", (Guid id, ResolveRequest? request, HttpContext http, IClusterClient cluster) =>
            Act(id, http, cluster, (grain, actor) => grain.Resolve(request?.Note, actor), _ => Task.FromResult(TooLong("note", request?.Note))))
            .WithSummary("Resolves the complaint; the note is optional, at most 10,000 characters.");
        actions.MapPost("/reopen", (Guid id, HttpContext http, IClusterClient cluster) =>
            Act(id, http, cluster, (grain, actor) => grain.Reopen(actor))).WithSummary("Reopens a resolved complaint with new response and resolution clocks.");
        actions.MapPost("/deliveries/{deliveryId:guid}/retry", (Guid id, Guid deliveryId, HttpContext http, IClusterClient cluster) =>
                Act(id, http, cluster, (grain, _) => grain.RetryDelivery(deliveryId)))
            .WithSummary("Sends a response whose delivery to the channel failed again, with the same deliveryId, for another 24 hours (409 when it has not failed).");
        actions.MapPost("/escalation/acknowledge", (Guid id, HttpContext http, IClusterClient cluster) =>
                Act(id, http, cluster, (grain, actor) => grain.AcknowledgeEscalation(actor)))
            .RequireAuthorization(Policies.Supervisor)
            .WithSummary("Acknowledges the complaint's escalation, which stops it from going on to a manager (supervisor, manager).");
        return app;
    }

    private static async Task<Results<Ok<ComplaintDetails>, ProblemHttpResult, ForbidHttpResult>> Get(Guid id, HttpContext http, IClusterClient cluster)
    {
        var details = await cluster.GetGrain<IComplaintGrain>(id).GetDetails();
        if (details is null)
        {
            return NotFound(id);
        }

        return ConsoleUser.From(http.User).MayActOn(details.Summary.Team) ? TypedResults.Ok(details) : TypedResults.Forbid();
    }

    private static async Task<Results<Ok<ComplaintSummary>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Assign(
        Guid id, AssignRequest request, HttpContext http, IClusterClient cluster) =>
        await Act(id, http, cluster, (grain, actor) => grain.Assign(request.Agent!, actor), async complaint =>
        {
            var agent = request.Agent is { } name ? await cluster.GetGrain<IDirectoryGrain>(0).GetUser(name) : null;
            return agent is { Role: UserRole.Agent or UserRole.Supervisor } && agent.Team == complaint.Team
                ? null
                : ProblemExtensions.Invalid("agent", $"agent must name an agent or supervisor of team '{complaint.Team}'.");
        });

    private static async Task<Results<Created<ComplaintSummary>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Respond(
        Guid id, ResponseRequest request, HttpContext http, IClusterClient cluster) =>
        Created(await Act(id, http, cluster, (grain, actor) => grain.Respond(request.Text!, request.Public ?? true, actor), _ => Task.FromResult(InvalidText(request.Text))));

    private static async Task<Results<Created<ComplaintSummary>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Note(
        Guid id, NoteRequest request, HttpContext http, IClusterClient cluster) =>
        Created(await Act(id, http, cluster, (grain, actor) => grain.AddNote(request.Text!, actor), _ => Task.FromResult(InvalidText(request.Text))));

    /// <summary>
    /// Runs an action on a complaint of the caller's scope, after <paramref name="validate"/> (if any) accepts the request
    /// against it; a status that forbids the action surfaces as 409.
    /// </summary>
    private static async Task<Results<Ok<ComplaintSummary>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Act(
        Guid id,
        HttpContext http,
        IClusterClient cluster,
        Func<IComplaintGrain, string, ValueTask<ComplaintSummary>> action,
        Func<ComplaintSummary, Task<ValidationProblem?>>? validate = null)
    {
        var grain = cluster.GetGrain<IComplaintGrain>(id);
        var user = ConsoleUser.From(http.User);
        if (await grain.GetSummary() is not { } complaint)
        {
            return NotFound(id);
        }

        if (!user.MayActOn(complaint.Team))
        {
            return TypedResults.Forbid();
        }

        if (validate is not null && await validate(complaint) is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(await action(grain, user.Username));
    }

    private static Results<Created<ComplaintSummary>, ValidationProblem, ProblemHttpResult, ForbidHttpResult> Created(
        Results<Ok<ComplaintSummary>, ValidationProblem, ProblemHttpResult, ForbidHttpResult> result) =>
        result.Result switch
        {
            Ok<ComplaintSummary> { Value: { } summary } => TypedResults.Created($"/api/complaints/{summary.Id}", summary),
            ValidationProblem problem => problem,
            ProblemHttpResult notFound => notFound,
            _ => TypedResults.Forbid(),
        };

    /// <summary>The problem with a response's, note's or draft's text, or null when it is fine.</summary>
    internal static ValidationProblem? InvalidText(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength
            ? ProblemExtensions.Invalid("text", $"text is required, at most {MaxTextLength} characters.")
            : null;

    /// <summary>The problem with an optional text longer than the limit, or null.</summary>
    internal static ValidationProblem? TooLong(string field, string? text) =>
        text is { Length: > MaxTextLength } ? ProblemExtensions.Invalid(field, $"{field} is at most {MaxTextLength} characters.") : null;

    internal static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem($"There is no complaint {id}.", statusCode: StatusCodes.Status404NotFound);
}
