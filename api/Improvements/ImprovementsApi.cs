using Escalation.Api.Auth;
using Escalation.Api.Complaints;
using Escalation.Api.Problems;
using Escalation.Complaints;
using Escalation.Directory;
using Escalation.Improvements;
using Escalation.Triage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Improvements;

internal static class ImprovementsApi
{
    public sealed record CreateRequest(string? Title, Topic? Topic, string? Owner, DateTimeOffset? Deadline, Guid[]? ComplaintIds);

    public sealed record UpdateRequest(ImprovementStatus? Status, string? Outcome);

    public const int MaxComplaintIds = 100;

    public static IEndpointRouteBuilder MapImprovementsApi(this IEndpointRouteBuilder app)
    {
        var improvements = app.MapGroup("/api/improvements").RequireAuthorization(Policies.Agent).WithTags("Improvements");
        improvements.MapGet("/", List).WithSummary("The improvement log: actions taken because of complaints, newest last.");
        improvements.MapPost("/", Create).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Logs an improvement owned by the caller's team (managers, admins: any); past its deadline while open it escalates to the owner's supervisors.");
        improvements.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Changes status or outcome of an improvement owned by the caller's team (managers, admins: any).");
        return app;
    }

    private static async Task<Ok<Improvement[]>> List(IClusterClient cluster)
    {
        var ids = await cluster.GetGrain<IImprovementLogGrain>(0).GetIds();
        var improvements = await Task.WhenAll(ids.Select(id => cluster.GetGrain<IImprovementGrain>(id).GetImprovement().AsTask()));
        return TypedResults.Ok(improvements.OfType<Improvement>().ToArray());
    }

    private static async Task<Results<Created<Improvement>, ValidationProblem, ForbidHttpResult>> Create(CreateRequest request, HttpContext http, IClusterClient cluster)
    {
        var user = ConsoleUser.From(http.User);
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

        if (await UnseenComplaints(request.ComplaintIds ?? [], user, cluster) is { } unseen)
        {
            errors["complaintIds"] = [unseen];
        }

        if (errors.Count > 0)
        {
            return ProblemExtensions.Invalid(errors);
        }

        if (!Owns(user, owner!.Team))
        {
            return TypedResults.Forbid();
        }

        var id = Guid.NewGuid();
        var improvement = await cluster.GetGrain<IImprovementGrain>(id).Create(new ImprovementDraft(
            request.Title!, request.Topic!.Value, owner!.Username, owner.Team, request.Deadline!.Value, request.ComplaintIds?.Distinct().ToArray() ?? [], user.Username));
        return TypedResults.Created($"/api/improvements/{id}", improvement);
    }

    private static async Task<Results<Ok<Improvement>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Update(
        Guid id, UpdateRequest request, HttpContext http, IClusterClient cluster)
    {
        if (ComplaintsApi.TooLong("outcome", request.Outcome) is { } tooLong)
        {
            return tooLong;
        }

        var grain = cluster.GetGrain<IImprovementGrain>(id);
        if (await grain.GetImprovement() is not { } improvement)
        {
            return TypedResults.Problem($"There is no improvement {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        if (!Owns(ConsoleUser.From(http.User), improvement.OwnerTeam))
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok(await grain.Update(request.Status, request.Outcome));
    }

    /// <summary>Supervisors look after their own team's improvements; managers and admins after all.</summary>
    private static bool Owns(ConsoleUser user, string? ownerTeam) => user.SeesAllTeams || (ownerTeam is not null && user.MayActOn(ownerTeam));

    /// <summary>Why the linked complaints cannot be linked (too many, or some the caller may not see), or null.</summary>
    private static async Task<string?> UnseenComplaints(Guid[] ids, ConsoleUser user, IClusterClient cluster)
    {
        if (ids.Length > MaxComplaintIds)
        {
            return $"complaintIds holds at most {MaxComplaintIds} complaints.";
        }

        var complaints = await Task.WhenAll(ids.Distinct().Select(async id => (Id: id, Summary: await cluster.GetGrain<IComplaintGrain>(id).GetSummary())));
        var unseen = complaints.Where(complaint => complaint.Summary is not { } summary || !user.MayActOn(summary.Team)).Select(complaint => complaint.Id).ToList();
        return unseen.Count == 0 ? null : $"complaintIds must name complaints you may see; these are not: {string.Join(", ", unseen)}.";
    }
}
