using Escalation.Sla;
using Escalation.Triage;

namespace Escalation.Analytics;

public sealed record SlaCompliance(double? FirstResponse, double? Resolution);

public sealed record Percentiles(double? P50, double? P90);

public sealed record EscalationCounts(int Level1, int Level2);

/// <summary>Complaints of a topic in the period and in the one just before (green where it fell, red where it rose).</summary>
public sealed record TopicCount(Topic Topic, int Count, int PreviousCount, int Change);

/// <summary>
/// The figures of a team (or all teams) over a period. A ratio or percentile with nothing to measure is null.
/// <see cref="Responded"/> and <see cref="Resolved"/> count first responses and resolutions in the period.
/// </summary>
public sealed record AnalyticsReport(
    string? Team,
    DateTimeOffset From,
    DateTimeOffset To,
    int Complaints,
    double? PublicShare,
    SlaCompliance SlaCompliance,
    Percentiles FirstResponseSeconds,
    Percentiles ResolutionSeconds,
    EscalationCounts Escalations,
    IReadOnlyList<TopicCount> Topics,
    int PersistentDissatisfaction,
    NpsSummary Nps,
    int Responded,
    int Resolved)
{
    /// <summary>The report from the facts of the period and of the period before it (one list), and the NPS summary.</summary>
    public static AnalyticsReport Compute(string? team, Period period, IReadOnlyCollection<ComplaintFact> facts, NpsSummary nps)
    {
        var current = facts.Where(f => period.Contains(f.At)).ToList();
        var created = current.Where(f => f.Kind == FactKind.Created).ToList();
        var before = facts.Where(f => period.Previous.Contains(f.At) && f.Kind == FactKind.Created).ToList();
        var firstResponses = Seconds(current, FactKind.FirstResponse);
        var resolutions = Seconds(current, FactKind.Resolved);
        return new AnalyticsReport(
            team,
            period.From,
            period.To,
            created.Count,
            Share(created.Select(f => f.Public == true)),
            new SlaCompliance(Compliance(current, SlaClockKind.FirstResponse), Compliance(current, SlaClockKind.Resolution)),
            Percentiles(firstResponses),
            Percentiles(resolutions),
            new EscalationCounts(current.Count(f => f.Kind == FactKind.Escalated && f.Level == 1), current.Count(f => f.Kind == FactKind.Escalated && f.Level == 2)),
            [.. Enum.GetValues<Topic>().Select(topic =>
            {
                int now = created.Count(f => f.Topic == topic), then = before.Count(f => f.Topic == topic);
                return new TopicCount(topic, now, then, now - then);
            })],
            created.Select(f => f.PersistentCustomer).OfType<string>().Distinct().Count(),
            nps,
            firstResponses.Count,
            resolutions.Count);
    }

    private static List<double> Seconds(IEnumerable<ComplaintFact> facts, FactKind kind) =>
        [.. facts.Where(f => f.Kind == kind && f.Seconds is not null).Select(f => f.Seconds!.Value).Order()];

    /// <summary>Met deadlines of the kind that fell due in the period, over all of them.</summary>
    private static double? Compliance(IEnumerable<ComplaintFact> facts, SlaClockKind kind) =>
        Share(facts.Where(f => f.Kind == FactKind.DeadlineDue && f.Reason == kind).Select(f => f.Met == true));

    internal static double? Share(IEnumerable<bool> outcomes)
    {
        var list = outcomes.ToList();
        return list.Count == 0 ? null : Math.Round((double)list.Count(ok => ok) / list.Count, 4);
    }

    /// <summary>Nearest-rank percentiles of sorted values.</summary>
    internal static Percentiles Percentiles(List<double> sorted) =>
        sorted.Count == 0 ? new Percentiles(null, null) : new Percentiles(Rank(sorted, 0.5), Rank(sorted, 0.9));

    private static double Rank(List<double> sorted, double fraction) => sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
}
