using Escalation.Api.Audit;
using Escalation.Api.Problems;
using Escalation.Api.Auth;
using Escalation.Sla;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Sla;

internal static class SlaApi
{
    public sealed record PolicyView(
        Priority Priority, TimeSpan FirstResponse, TimeSpan NextResponse, TimeSpan Resolution, double WarningAt, TimeSpan EscalationAcknowledge, string Calendar);

    public sealed record PolicyRequest(
        TimeSpan? FirstResponse, TimeSpan? NextResponse, TimeSpan? Resolution, double? WarningAt, TimeSpan? EscalationAcknowledge, string? Calendar);

    public static IEndpointRouteBuilder MapSlaApi(this IEndpointRouteBuilder app)
    {
        var policies = app.MapGroup("/api/sla/policies").RequireAuthorization(Policies.Agent).WithTags("SLA");
        policies.MapGet("/", GetPolicies).WithSummary("The SLA policy of each priority.");
        policies.MapPut("/{priority}", PutPolicy).RequireAuthorization(Policies.Admin)
            .WithSummary("Sets a priority's policy; it applies to complaints received after the change (admin).");

        var calendars = app.MapGroup("/api/calendars").RequireAuthorization(Policies.Agent).WithTags("SLA");
        calendars.MapGet("/", GetCalendars).WithSummary("The business calendars, the built-in 24x7 first.");
        calendars.MapPut("/{name}", PutCalendar).RequireAuthorization(Policies.Admin).WithSummary("Creates or replaces a business calendar (admin).");
        return app;
    }

    private static async Task<Ok<PolicyView[]>> GetPolicies(IClusterClient cluster) =>
        TypedResults.Ok((await cluster.GetGrain<ISlaPolicyGrain>(0).GetPolicies()).Select(entry => View(entry.Key, entry.Value)).ToArray());

    private static async Task<Results<Ok<PolicyView>, ValidationProblem>> PutPolicy(string priority, PolicyRequest request, HttpContext http, IClusterClient cluster)
    {
        if (!PriorityNames.TryParse(priority, out var parsed))
        {
            return ProblemExtensions.Invalid("priority", "priority is P1, P2, P3 or P4.");
        }

        if (request is not { FirstResponse: { } first, NextResponse: { } next, Resolution: { } resolution, WarningAt: { } warningAt, EscalationAcknowledge: { } acknowledge })
        {
            return ProblemExtensions.Invalid("policy", "firstResponse, nextResponse, resolution, warningAt and escalationAcknowledge are required.");
        }

        var policy = new SlaPolicy(first, next, resolution, warningAt, acknowledge, request.Calendar ?? BusinessCalendar.AlwaysOpenName);
        try
        {
            await cluster.GetGrain<ISlaPolicyGrain>(0).SetPolicy(parsed, policy);
        }
        catch (ArgumentException exception)
        {
            return ProblemExtensions.Invalid("policy", exception.Message);
        }

        var view = View(parsed, policy);
        await http.Audit("policy.updated", priority.ToUpperInvariant(), view.ToString());
        return TypedResults.Ok(view);
    }

    private static async Task<Ok<CalendarView[]>> GetCalendars(IClusterClient cluster) =>
        TypedResults.Ok((await cluster.GetGrain<ISlaPolicyGrain>(0).GetCalendars()).Select(CalendarView.From).ToArray());

    private static async Task<Results<Ok<CalendarView>, ValidationProblem>> PutCalendar(string name, CalendarView.Request request, HttpContext http, IClusterClient cluster)
    {
        if (!Names.IsValid(name))
        {
            return ProblemExtensions.Invalid("name", $"A calendar name is {Names.Rule}.");
        }

        var (calendar, errors) = CalendarView.Parse(name, request);
        if (calendar is null)
        {
            return ProblemExtensions.Invalid("calendar", [.. errors]);
        }

        try
        {
            await cluster.GetGrain<ISlaPolicyGrain>(0).SetCalendar(calendar);
        }
        catch (ArgumentException exception)
        {
            return ProblemExtensions.Invalid("calendar", exception.Message);
        }

        await http.Audit("calendar.updated", name, $"timeZone={request.TimeZone}");
        return TypedResults.Ok(CalendarView.From(calendar));
    }

    private static PolicyView View(Priority priority, SlaPolicy policy) =>
        new(priority, policy.FirstResponse, policy.NextResponse, policy.Resolution, policy.WarningAt, policy.EscalationAcknowledge, policy.Calendar);
}
