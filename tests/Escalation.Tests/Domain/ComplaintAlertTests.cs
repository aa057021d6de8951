using Escalation.Analytics;
using Escalation.Complaints;
using Escalation.Sla;

namespace Escalation.Tests.Domain;

/// <summary>When a complaint warns and escalates, without a cluster: each alert on its instant, once.</summary>
public sealed class ComplaintAlertTests
{
    /// <summary>The alerts without the level of the chain they fired (<see cref="EscalationChainTests"/> covers those).</summary>
    private static IEnumerable<SlaAlert> Bare(ComplaintChanges changes) => changes.Alerts.Select(alert => alert with { Step = null });

    [Fact]
    public void An_unanswered_complaint_warns_then_escalates_to_level_one_then_level_two_each_once()
    {
        var fixture = new ComplaintFixture();
        var due = ComplaintFixture.Start.AddMinutes(15);
        Assert.Equal(ComplaintFixture.Start.AddMinutes(12), fixture.Complaint.NextAlertAt);

        Assert.Empty(fixture.Advance(TimeSpan.FromMinutes(12) - TimeSpan.FromTicks(1)).Alerts);
        Assert.Equal([new SlaAlert(SlaClockKind.FirstResponse, 0, due)], Bare(fixture.Advance(TimeSpan.FromTicks(1))));
        Assert.Empty(fixture.Tick().Alerts);
        Assert.Equal(due, fixture.Complaint.NextAlertAt);

        var level1 = fixture.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal([new SlaAlert(SlaClockKind.FirstResponse, 1, due)], Bare(level1));
        Assert.Contains(level1.Facts, f => f is { Kind: FactKind.DeadlineDue, Met: false, Reason: SlaClockKind.FirstResponse });
        Assert.Contains(level1.Facts, f => f is { Kind: FactKind.Escalated, Level: 1 });
        Assert.Equal(1, fixture.State.EscalationLevel);
        Assert.Empty(fixture.Tick().Alerts);

        Assert.Equal([new SlaAlert(SlaClockKind.FirstResponse, 2, due.AddMinutes(10))], Bare(fixture.Advance(TimeSpan.FromMinutes(10))));
        Assert.Equal(2, fixture.State.EscalationLevel);
        Assert.Empty(fixture.Advance(TimeSpan.FromMinutes(30)).Alerts);
    }

    [Fact]
    public void A_warning_overtaken_by_its_deadline_is_not_sent_on_its_own()
    {
        var fixture = new ComplaintFixture();

        // The host was down across the warning and the deadline.
        var changes = fixture.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal([new SlaAlert(SlaClockKind.FirstResponse, 1, ComplaintFixture.Start.AddMinutes(15))], Bare(changes));
        Assert.DoesNotContain(TimelineType.SlaWarning, fixture.Timeline);
    }

    [Fact]
    public void A_response_before_the_warning_prevents_every_first_response_alert()
    {
        var fixture = new ComplaintFixture();
        fixture.Advance(TimeSpan.FromMinutes(5));
        fixture.Act((c, now) => c.Respond("Vabandame!", true, "ann", now));

        Assert.Empty(fixture.Advance(TimeSpan.FromMinutes(30)).Alerts);
        Assert.Equal(ComplaintFixture.Start.AddMinutes(192), fixture.Complaint.NextAlertAt);
    }

    [Fact]
    public void An_acknowledged_escalation_does_not_reach_level_two_and_acknowledging_twice_is_refused()
    {
        var fixture = new ComplaintFixture();
        fixture.Advance(TimeSpan.FromMinutes(15));
        fixture.Act((c, now) => c.AcknowledgeEscalation("sue", now));

        Assert.Empty(fixture.Advance(TimeSpan.FromMinutes(20)).Alerts);
        Assert.Throws<TransitionNotAllowedException>(() => fixture.Act((c, now) => c.AcknowledgeEscalation("sue", now)));
    }

    [Fact]
    public void The_overdue_answer_given_before_the_acknowledgement_deadline_stops_level_two()
    {
        var fixture = new ComplaintFixture();
        fixture.Advance(TimeSpan.FromMinutes(16));
        var answer = fixture.Act((c, now) => c.Respond("Vabandame hilinemise pärast.", true, "ann", now));

        // Already missed: no second DeadlineDue fact for the same deadline.
        Assert.DoesNotContain(answer.Facts, f => f.Kind == FactKind.DeadlineDue);
        Assert.DoesNotContain(fixture.Advance(TimeSpan.FromMinutes(20)).Alerts, a => a.Reason == SlaClockKind.FirstResponse);
    }

    [Fact]
    public void Missing_the_first_response_and_later_the_resolution_escalates_once_for_each()
    {
        var fixture = new ComplaintFixture();
        fixture.Advance(TimeSpan.FromMinutes(15));
        fixture.Act((c, now) => c.AcknowledgeEscalation("sue", now));
        fixture.Act((c, now) => c.Respond("Vabandame!", true, "ann", now));

        var due = ComplaintFixture.Start.AddHours(4);

        Assert.Equal([new SlaAlert(SlaClockKind.Resolution, 0, due)], Bare(fixture.Advance(TimeSpan.FromHours(3))));
        Assert.Equal([new SlaAlert(SlaClockKind.Resolution, 1, due)], Bare(fixture.Advance(TimeSpan.FromMinutes(45))));
    }

    [Fact]
    public void Waiting_for_the_customer_pauses_the_clocks_and_resuming_continues_with_the_time_left()
    {
        var fixture = new ComplaintFixture();
        fixture.Advance(TimeSpan.FromMinutes(5));
        fixture.Act((c, now) => c.Respond("Kas saate saata foto?", true, "ann", now));
        fixture.Act((c, now) => c.WaitForCustomer("ann", now));
        Assert.Null(fixture.Clock(SlaClockKind.Resolution).DueAt);
        Assert.Null(fixture.Complaint.NextAlertAt);

        Assert.Empty(fixture.Advance(TimeSpan.FromHours(10)).Alerts);
        fixture.Act((c, now) => c.Resume("ann", now));

        // 5 minutes of the 4 hours were used before the wait.
        Assert.Equal(fixture.Now + TimeSpan.FromMinutes(235), fixture.Clock(SlaClockKind.Resolution).DueAt);
        Assert.Equal(ComplaintStatus.Responded, fixture.State.Status);
    }

    [Fact]
    public void A_missed_deadline_stays_missed_while_waiting_for_the_customer()
    {
        var fixture = new ComplaintFixture();
        fixture.Advance(TimeSpan.FromMinutes(15));
        fixture.Act((c, now) => c.WaitForCustomer("ann", now));

        Assert.Equal(ComplaintFixture.Start.AddMinutes(25), fixture.Complaint.NextAlertAt);
        Assert.Equal(2, Assert.Single(fixture.Advance(TimeSpan.FromMinutes(10)).Alerts).Level);
    }

    [Fact]
    public void Business_hours_start_counting_at_the_next_opening()
    {
        var office = new BusinessCalendar("office", "Europe/Tallinn",
            [.. Enumerable.Range(0, 7).Select(day => day is 0 or 6 ? Array.Empty<WorkPeriod>() : [new WorkPeriod(TimeSpan.FromHours(9), TimeSpan.FromHours(17))])], []);

        // 07:30 UTC on a Monday is 09:30 in Tallinn: open; 16:00 UTC is 18:00, closed until Tuesday 09:00 (07:00 UTC).
        var evening = new ComplaintFixture(writtenAt: ComplaintFixture.Start.AddHours(-16), calendar: office);

        Assert.Equal(ComplaintFixture.Start.AddMinutes(-30 + 15), evening.Clock(SlaClockKind.FirstResponse).DueAt);
    }
}
