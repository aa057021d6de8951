using Escalation.Analytics;
using Escalation.Sla;
using Escalation.Triage;

namespace Escalation.Tests.Domain;

/// <summary>SLA reports from the facts complaints record: grouped, over the period, with the breaches and their answers.</summary>
public sealed class SlaReportTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly Period Week = new(Monday, Monday.AddDays(7));
    private static readonly Guid First = Guid.NewGuid(), Second = Guid.NewGuid();

    private static ComplaintFact Fact(FactKind kind, int hour, Guid id, string? assignee, string team = "care", Priority priority = Priority.P2) =>
        new(kind, Monday.AddHours(hour), id, Topic.Billing, Assignee: assignee, Channel: "twitter", Priority: priority, Team: team);

    private static readonly ComplaintFact[] Facts =
    [
        Fact(FactKind.DeadlineDue, 1, First, "ann") with { Reason = SlaClockKind.FirstResponse, Met = true },
        Fact(FactKind.FirstResponse, 1, First, "ann") with { Seconds = 600 },
        Fact(FactKind.DeadlineDue, 2, Second, "bob", priority: Priority.P1) with { Reason = SlaClockKind.FirstResponse, Met = false },
        Fact(FactKind.Escalated, 2, Second, "bob", priority: Priority.P1) with { Reason = SlaClockKind.FirstResponse, Level = 1 },
        Fact(FactKind.DeadlineDue, 3, First, "ann", team: "billing") with { Reason = SlaClockKind.Resolution, Met = false },
        // Answered the week after: still found, as the reader passes facts up to now.
        Fact(FactKind.Answered, 200, Second, "bob") with { Reason = SlaClockKind.FirstResponse, DueAt = Monday.AddHours(2) },
        // Before the period: left out.
        Fact(FactKind.DeadlineDue, -1, Second, "bob") with { Reason = SlaClockKind.FirstResponse, Met = false },
    ];

    [Fact]
    public void Rows_per_agent_count_deadlines_met_missed_escalations_and_first_response_percentiles()
    {
        var report = SlaReport.Compute(ReportGrouping.Agent, Week, Facts);

        Assert.Equal(
        [
            new SlaReportRow("ann", 2, 1, 1, 0.5, 0, new Percentiles(600, 600)),
            new SlaReportRow("bob", 1, 0, 1, 0, 1, new Percentiles(null, null)),
        ], report.Rows);
    }

    [Theory]
    [InlineData(ReportGrouping.Team, "billing:1,care:2")]
    [InlineData(ReportGrouping.Priority, "P1:1,P2:2")]
    [InlineData(ReportGrouping.Channel, "twitter:3")]
    [InlineData(ReportGrouping.Topic, "billing:3")]
    public void Rows_group_by_what_was_asked(ReportGrouping groupBy, string expected) =>
        Assert.Equal(expected, string.Join(",", SlaReport.Compute(groupBy, Week, Facts).Rows.Select(row => $"{row.Key}:{row.Deadlines}")));

    [Fact]
    public void The_breach_list_has_each_missed_deadline_of_the_period_the_latest_first_with_when_it_was_answered()
    {
        var breaches = SlaReport.Breaches(Week, Facts);

        Assert.Equal(
        [
            new Breach(First, SlaClockKind.Resolution, Monday.AddHours(3), null, "ann", "billing", "twitter", Priority.P2),
            new Breach(Second, SlaClockKind.FirstResponse, Monday.AddHours(2), Monday.AddHours(200), "bob", "care", "twitter", Priority.P1),
        ], breaches);
    }
}
