using Escalation.Api.Auth;
using Escalation.Api.Complaints;
using Escalation.Api.Problems;
using Escalation.Directory;
using Escalation.Improvements;
using Escalation.Triage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Improvements;

internal static class ImprovementsApi
{
    public sealed record CreateRequest(string? Title, Topic? Topic, string? Owner, DateTimeOffset? Deadline, Guid[]? ComplaintIds);

    public sealed record UpdateRequest(ImprovementStatus? Status, string? Outcome);

    public static IEndpointRouteBuilder MapImprovementsApi(this IEndpointRouteBuilder app)
    {
        var improvements = app.MapGroup("/api/improvements").RequireAuthorization(Policies.Agent).WithTags("Improvements");
        improvements.MapGet("/", List).WithSummary("The improvement log: actions taken because of complaints, newest last.");
        improvements.MapPost("/", Create).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Logs an improvement; past its deadline while open it escalates to the owner's supervisors (supervisor, manager, admin).");
        improvements.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.Supervisor).WithSummary("Changes status or outcome.");
        return app;
    }

    private static async Task<Ok<Improvement[]>> List(IClusterClient cluster)
    {
        var ids = await cluster.GetGrain<IImprovementLogGrain>(0).GetIds();
        var improvements = await Task.WhenAll(ids.Select(id => cluster.GetGrain<IImprovementGrain>(id).GetImprovement().AsTask()));
        return TypedResults.Ok(improvements.OfType<Improvement>().ToArray());
    }

    private static async Task<Results<Created<Improvement>, ValidationProblem>> Create(CreateRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Title is not { Length: > 0 and <= 200 })
        {
            errors["title"] = ["title is required, at most 200 characters."];
        }

        if (request.Topic is null)
        {
            errors["topic"] = ["topic is required: productQuality, service, delivery, easeOfUse, billing or other."];
        }

        var owner = request.Owner is null ? null : await cluster.GetGrain<IDirectoryGrain>(0).GetUser(request.Owner);
        if (owner is null)
        {
            errors["owner"] = ["owner must name an existing user."];
        }

        if (request.Deadline is null)
        {
            errors["deadline"] = ["deadline is required."];
        }

        if (errors.Count > 0)
        {
            return ProblemExtensions.Invalid(errors);
        }

        var id = Guid.NewGuid();
        var improvement = await cluster.GetGrain<IImprovementGrain>(id).Create(new ImprovementDraft(
            request.Title!, request.Topic!.Value, owner!.Username, owner.Team, request.Deadline!.Value, request.ComplaintIds ?? [], ConsoleUser.From(http.User).Username));
        return TypedResults.Created($"/api/improvements/{id}", improvement);
    }

    private static async Task<Results<Ok<Improvement>, ValidationProblem, ProblemHttpResult>> Update(Guid id, UpdateRequest request, IClusterClient cluster)
    {
        if (request.Outcome is { Length: > ComplaintsApi.MaxTextLength })
        {
            return ProblemExtensions.Invalid("outcome", $"outcome is at most {ComplaintsApi.MaxTextLength} characters.");
        }

        var grain = cluster.GetGrain<IImprovementGrain>(id);
        if (await grain.GetImprovement() is null)
        {
            return TypedResults.Problem($"There is no improvement {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.Ok(await grain.Update(request.Status, request.Outcome));
    }
}
