using Escalation.Api.Auth;
using Escalation.Api.Complaints;
using Escalation.Complaints;
using Escalation.Guidance;
using Escalation.Triage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Triage;

internal static class GuidanceApi
{
    public sealed record CheckRequest(string? Text, Guid? ComplaintId);

    public static IEndpointRouteBuilder MapGuidanceApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/responses/check", Check)
            .RequireAuthorization(Policies.Agent)
            .WithTags("Guidance")
            .WithSummary("Flags what a draft answer does against the playbook (deflection, redirect, noApology, noNextStep) and offers templates for the complaint's topic.");
        return app;
    }

    private static async Task<Results<Ok<DraftCheck>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Check(
        CheckRequest request, HttpContext http, IClusterClient cluster)
    {
        if (ComplaintsApi.InvalidText(request.Text) is { } invalid)
        {
            return invalid;
        }

        Topic? topic = null;
        if (request.ComplaintId is { } id)
        {
            if (await cluster.GetGrain<IComplaintGrain>(id).GetSummary() is not { } complaint)
            {
                return ComplaintsApi.NotFound(id);
            }

            if (!ConsoleUser.From(http.User).MayActOn(complaint.Team))
            {
                return TypedResults.Forbid();
            }

            topic = complaint.Topic;
        }

        return TypedResults.Ok(await cluster.GetGrain<IGuidanceGrain>(0).Check(request.Text!, topic));
    }
}
