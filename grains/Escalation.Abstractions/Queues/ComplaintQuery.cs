using Escalation.Complaints;
using Escalation.Sla;
using Escalation.Triage;

namespace Escalation.Queues;

/// <summary>
/// A page of complaints to list: the teams (null: every team), the status (null: every open one), the filters of the
/// contract, how many rows at most, and where the previous page ended (<see cref="ComplaintCursor"/>). Rows come in the
/// contract's order: the next deadline first (those without one last), then when they were written, then by id.
/// <see cref="AtRiskBefore"/> keeps the rows at risk: their next deadline falls before it (or has passed), or its
/// warning has gone out.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ComplaintQuery(
    [property: Id(0)] IReadOnlyList<string>? Teams,
    [property: Id(1)] ComplaintStatus? Status = null,
    [property: Id(2)] AssigneeFilter? Assignee = null,
    [property: Id(3)] Priority? Priority = null,
    [property: Id(4)] string? Channel = null,
    [property: Id(5)] Topic? Topic = null,
    [property: Id(6)] bool? Escalated = null,
    [property: Id(7)] DateTimeOffset? DueBefore = null,
    [property: Id(8)] string? Search = null,
    [property: Id(9)] int Limit = ComplaintQuery.DefaultLimit,
    [property: Id(10)] ComplaintCursor? After = null,
    [property: Id(11)] DateTimeOffset? AtRiskBefore = null)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;
}

/// <summary>Whose complaints: nobody's (<see cref="Nobody"/>: the queue) or one user's.</summary>
[GenerateSerializer, Immutable]
public sealed record AssigneeFilter([property: Id(0)] string? Username)
{
    public static AssigneeFilter Nobody { get; } = new((string?)null);

    public bool Matches(string? assignee) => assignee == Username;
}

/// <summary>One page: its rows, how many rows match in all, and where the next page starts (null: this was the last).</summary>
[GenerateSerializer, Immutable]
public sealed record ComplaintPage(
    [property: Id(0)] IReadOnlyList<ComplaintSummary> Rows,
    [property: Id(1)] int Total,
    [property: Id(2)] ComplaintCursor? Next);
