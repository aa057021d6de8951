namespace Escalation.Analytics;

/// <summary>What an SLA report groups deadlines by.</summary>
public enum ReportGrouping
{
    Agent,
    Team,
    Channel,
    Priority,
    Topic,
}

/// <summary>
/// One group of an SLA report: the deadlines that fell due in the period and how many were met, the escalations fired,
/// and the first responses' wall-clock seconds from createdAt.
/// </summary>
public sealed record SlaReportRow(string Key, int Deadlines, int Met, int Missed, double? Compliance, int Escalations, Percentiles FirstResponseSeconds);

/// <summary>A deadline missed in the period: when it fell due and when (if ever) it was answered or became moot.</summary>
public sealed record Breach(
    Guid ComplaintId, Sla.SlaClockKind Reason, DateTimeOffset DueAt, DateTimeOffset? AnsweredAt, string? Assignee, string Team, string Channel, Sla.Priority? Priority);

/// <summary>SLA compliance per agent, team, channel, priority or topic over a period, from the facts of the teams' days.</summary>
public sealed record SlaReport(ReportGrouping GroupBy, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SlaReportRow> Rows)
{
    /// <summary>The key of the row of facts nobody held (agent) or that came before facts carried it.</summary>
    public const string None = "(none)";

    /// <summary>The report over <paramref name="period"/> from facts tagged with their team; facts outside it are left out.</summary>
    public static SlaReport Compute(ReportGrouping groupBy, Period period, IEnumerable<ComplaintFact> facts)
    {
        var rows = facts.Where(fact => period.Contains(fact.At) && fact.Kind is FactKind.DeadlineDue or FactKind.Escalated or FactKind.FirstResponse)
            .GroupBy(fact => KeyOf(groupBy, fact), StringComparer.Ordinal)
            .Select(group =>
            {
                var due = group.Where(fact => fact.Kind == FactKind.DeadlineDue).ToList();
                var met = due.Count(fact => fact.Met == true);
                return new SlaReportRow(
                    group.Key,
                    due.Count,
                    met,
                    due.Count - met,
                    AnalyticsReport.Share(due.Select(fact => fact.Met == true)),
                    group.Count(fact => fact.Kind == FactKind.Escalated),
                    AnalyticsReport.Percentiles([.. group.Where(fact => fact.Kind == FactKind.FirstResponse && fact.Seconds is not null).Select(fact => fact.Seconds!.Value).Order()]));
            })
            .OrderBy(row => row.Key, StringComparer.Ordinal);
        return new SlaReport(groupBy, period.From, period.To, [.. rows]);
    }

    /// <summary>
    /// The deadlines missed in <paramref name="period"/>, the latest first, each with its answer from
    /// <paramref name="facts"/> (which must reach from the period's start to now for the answers to be found).
    /// </summary>
    public static IReadOnlyList<Breach> Breaches(Period period, IReadOnlyCollection<ComplaintFact> facts)
    {
        var answers = facts.Where(fact => fact.Kind == FactKind.Answered && fact.DueAt is not null)
            .GroupBy(fact => (fact.ComplaintId, fact.Reason, fact.DueAt!.Value))
            .ToDictionary(group => group.Key, group => group.Min(fact => fact.At));
        return
        [
            .. facts.Where(fact => fact is { Kind: FactKind.DeadlineDue, Met: false, Reason: not null } && period.Contains(fact.At))
                .OrderByDescending(fact => fact.At).ThenBy(fact => fact.ComplaintId)
                .Select(fact => new Breach(fact.ComplaintId, fact.Reason!.Value, fact.At,
                    answers.TryGetValue((fact.ComplaintId, fact.Reason, fact.At), out var answered) ? answered : null,
                    fact.Assignee, fact.Team ?? None, fact.Channel ?? None, fact.Priority)),
        ];
    }

    private static string KeyOf(ReportGrouping groupBy, ComplaintFact fact) => groupBy switch
    {
        ReportGrouping.Agent => fact.Assignee,
        ReportGrouping.Team => fact.Team,
        ReportGrouping.Channel => fact.Channel,
        ReportGrouping.Priority => fact.Priority?.ToString(),
        _ => fact.Topic is { } topic ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(topic.ToString()) : null,
    } ?? None;
}
