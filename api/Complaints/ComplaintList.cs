using System.Globalization;
using Escalation.Api.Auth;
using Escalation.Api.Problems;
using Escalation.Complaints;
using Escalation.Queues;
using Escalation.Sla;
using Escalation.Triage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Escalation.Api.Complaints;

/// <summary>
/// <c>GET /api/complaints</c>: one page of rows from the complaint index, with the contract's filters, a <c>Link</c> to
/// the next page and <c>X-Total-Count</c>. Agents and supervisors see their own team; managers and admins every team,
/// or the one they name.
/// </summary>
internal static class ComplaintList
{
    /// <summary>What <c>atRisk=true</c> looks ahead: the next deadline within it (or past), or its warning gone out.</summary>
    public static readonly TimeSpan AtRiskWithin = TimeSpan.FromMinutes(15);

    public static async Task<Results<Ok<IReadOnlyList<ComplaintSummary>>, ValidationProblem, ForbidHttpResult>> Get(
        HttpContext http, IClusterClient cluster, TimeProvider time, string? team = null)
    {
        var user = ConsoleUser.From(http.User);
        if (team is not null && !user.MayActOn(team))
        {
            return TypedResults.Forbid();
        }

        var (query, errors) = Parse(http.Request.Query, user, time.GetUtcNow());
        if (query is null)
        {
            return ProblemExtensions.Invalid(errors);
        }

        query = query with { Teams = team is not null ? [team] : user.SeesAllTeams ? null : user.Team is { } own ? [own] : [] };
        var page = await cluster.GetGrain<IComplaintQueueGrain>(0).Page(query);
        http.Response.Headers["X-Total-Count"] = page.Total.ToString(CultureInfo.InvariantCulture);
        if (page.Next is { } next)
        {
            var parameters = http.Request.Query.Where(p => p.Key != "cursor").ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
            parameters["cursor"] = next.ToString();
            http.Response.Headers.Link = $"<{QueryHelpers.AddQueryString($"{http.Request.PathBase}{http.Request.Path}", parameters)}>; rel=\"next\"";
        }

        return TypedResults.Ok(page.Rows);
    }

    /// <summary>The query the parameters ask for, or the errors by parameter.</summary>
    private static (ComplaintQuery? Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection parameters, ConsoleUser user, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        string? Text(string name) => parameters.TryGetValue(name, out var value) ? value.ToString() : null;
        T? Parsed<T>(string name, Func<string, T?> parse, string rule)
            where T : struct
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            var value = parse(text);
            if (value is null)
            {
                errors[name] = [rule];
            }

            return value;
        }

        var status = Text("status") is null or "open" ? null : Parsed("status", ParseEnum<ComplaintStatus>,
            "status is open, or one of new, assigned, responded, waitingForCustomer, resolved, closed.");
        var priority = Parsed("priority", text => PriorityNames.TryParse(text, out var p) ? p : (Priority?)null, "priority is P1, P2, P3 or P4.");
        var topic = Parsed("topic", ParseEnum<Topic>, "topic is productQuality, service, delivery, easeOfUse, billing or other.");
        var escalated = Parsed("escalated", text => bool.TryParse(text, out var b) ? b : (bool?)null, "escalated is true or false.");
        var dueBefore = Parsed("dueBefore", ParseTime, "dueBefore is an ISO 8601 time between 2000-01-01 and 9999-01-01.");
        var atRisk = Parsed("atRisk", text => bool.TryParse(text, out var b) ? b : (bool?)null, "atRisk is true or false.");
        var limit = Parsed("limit", text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= ComplaintQuery.MaxLimit ? n : (int?)null,
            $"limit is a whole number from 1 to {ComplaintQuery.MaxLimit}.");
        ComplaintCursor? cursor = null;
        if (Text("cursor") is { } token && !ComplaintCursor.TryParse(token, out cursor))
        {
            errors["cursor"] = ["cursor must be one given in a previous page's Link header."];
        }

        var assignee = Text("assignee") switch
        {
            null => null,
            "none" => AssigneeFilter.Nobody,
            "me" => new AssigneeFilter(user.Username),
            var name => new AssigneeFilter(name),
        };
        var search = Text("q");
        if (search is { Length: > 200 })
        {
            errors["q"] = ["q is at most 200 characters."];
        }

        return errors.Count > 0 ? (null, errors) : (new ComplaintQuery(
            Teams: null, status, assignee, priority, Text("channel"), topic, escalated, dueBefore, string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            limit ?? ComplaintQuery.DefaultLimit, cursor, atRisk == true ? now + AtRiskWithin : null), errors);
    }

    private static T? ParseEnum<T>(string text)
        where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value : null;

    private static DateTimeOffset? ParseTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
        && time >= new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) && time <= new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero)
            ? time.ToUniversalTime()
            : null;
}
