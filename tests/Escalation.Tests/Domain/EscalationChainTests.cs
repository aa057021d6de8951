using Escalation.Analytics;
using Escalation.Complaints;
using Escalation.Escalations;
using Escalation.Sla;

namespace Escalation.Tests.Domain;

/// <summary>A team's escalation chain on a hand-driven clock: each level on its instant, once, doing what it says.</summary>
public sealed class EscalationChainTests
{
    private static readonly DateTimeOffset Due = ComplaintFixture.Start.AddMinutes(15);

    /// <summary>Supervisors at the deadline; on-duty supervisors 5 minutes later, raising the priority; managers 10 minutes after that, reassigning.</summary>
    private static readonly EscalationChain ThreeLevels = new(
    [
        new EscalationLevel(TimeSpan.Zero, [NotifyTargets.Supervisors]),
        new EscalationLevel(TimeSpan.FromMinutes(5), [NotifyTargets.OnDuty], RaisePriority: true),
        new EscalationLevel(TimeSpan.FromMinutes(10), [NotifyTargets.Managers, "user:boss"], Reassign: true),
    ]);

    [Fact]
    public void Each_level_fires_after_the_one_before_on_its_instant_once_with_its_step()
    {
        var fixture = new ComplaintFixture(chain: ThreeLevels, priority: Priority.P3);
        fixture.Advance(TimeSpan.FromMinutes(12));

        var level1 = fixture.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal((1, Due, ThreeLevels.Levels[0]), Single(level1));
        Assert.Equal(Due.AddMinutes(5), fixture.Complaint.NextAlertAt);
        Assert.Empty(fixture.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1)).Alerts);

        var level2 = fixture.Advance(TimeSpan.FromTicks(1));
        Assert.Equal((2, Due.AddMinutes(5), ThreeLevels.Levels[1]), Single(level2));
        Assert.Equal(Priority.P2, fixture.State.Priority);
        Assert.Contains(fixture.State.Timeline, entry => entry is { Type: TimelineType.PriorityChanged, Text: "P3 → P2", Level: 2 });
        Assert.Null(level2.Reassign);

        var level3 = fixture.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal((3, Due.AddMinutes(15), ThreeLevels.Levels[2]), Single(level3));
        Assert.Equal(AssignmentCause.Escalation, level3.Reassign);
        Assert.Equal(Priority.P2, fixture.State.Priority);
        Assert.Equal(3, fixture.State.EscalationLevel);
        Assert.Equal([1, 2, 3], level1.Facts.Concat(level2.Facts).Concat(level3.Facts).Where(f => f.Kind == FactKind.Escalated).Select(f => f.Level!.Value));

        // The chain ran out: nothing more for this deadline.
        Assert.Empty(fixture.Advance(TimeSpan.FromHours(1)).Alerts);
    }

    [Fact]
    public void A_level_one_delay_lets_a_late_answer_stop_the_chain_though_the_deadline_counts_as_missed()
    {
        var late = new EscalationChain([new EscalationLevel(TimeSpan.FromMinutes(10), [NotifyTargets.Supervisors])]);
        var fixture = new ComplaintFixture(chain: late);
        fixture.Advance(TimeSpan.FromMinutes(20));
        var answer = fixture.Act((c, now) => c.Respond("Vabandame hilinemise pärast.", true, "ann", now));

        Assert.Contains(answer.Facts, f => f is { Kind: FactKind.DeadlineDue, Met: false, Reason: SlaClockKind.FirstResponse } && f.At == Due);
        Assert.Contains(answer.Facts, f => f is { Kind: FactKind.Answered, Reason: SlaClockKind.FirstResponse } && f.DueAt == Due);
        Assert.DoesNotContain(fixture.Advance(TimeSpan.FromMinutes(30)).Alerts, a => a.Reason == SlaClockKind.FirstResponse);
    }

    [Fact]
    public void Acknowledging_stops_the_chain()
    {
        var fixture = new ComplaintFixture(chain: ThreeLevels);
        fixture.Advance(TimeSpan.FromMinutes(20));
        fixture.Act((c, now) => c.AcknowledgeEscalation("sue", now));

        Assert.Empty(fixture.Advance(TimeSpan.FromMinutes(30)).Alerts);
        Assert.Equal(2, fixture.State.EscalationLevel);
    }

    [Fact]
    public void A_reassigning_level_moves_the_complaint_to_the_agent_the_host_chose_or_to_the_queue()
    {
        var fixture = new ComplaintFixture(chain: new EscalationChain([new EscalationLevel(TimeSpan.Zero, [], Reassign: true)]));
        var level1 = fixture.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(AssignmentCause.Escalation, level1.Reassign);

        fixture.Complaint.Reassign("bob", AssignmentCause.Escalation, fixture.Now, level1);
        Assert.Null(level1.Reassign);
        Assert.Equal("bob", fixture.State.Assignee);
        Assert.Contains(ComplaintEventKind.ComplaintAssigned, level1.Events);
        Assert.Equal(ComplaintSync.Team, level1.Sync);
        Assert.Contains(fixture.State.Timeline, e => e is { Type: TimelineType.Assigned, Agent: "bob", Cause: AssignmentCause.Escalation, ReasonName: "escalation" });

        var toQueue = new ComplaintChanges();
        fixture.Complaint.Reassign(null, AssignmentCause.Escalation, fixture.Now, toQueue);
        Assert.Null(fixture.State.Assignee);
        Assert.Equal(ComplaintStatus.New, fixture.State.Status);
    }

    [Fact]
    public void An_assignee_who_does_not_answer_within_reassignAfter_loses_the_complaint_once()
    {
        var chain = EscalationChain.Default with { ReassignAfter = TimeSpan.FromMinutes(5) };
        var fixture = new ComplaintFixture(chain: chain);
        Assert.Equal(ComplaintFixture.Start.AddMinutes(5), fixture.Complaint.NextAlertAt);

        Assert.Null(fixture.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1)).Reassign);
        var noReply = fixture.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(AssignmentCause.NoReply, noReply.Reassign);
        Assert.True(noReply.Changed);
        fixture.Complaint.Reassign("bob", AssignmentCause.NoReply, fixture.Now, noReply);
        Assert.Contains(fixture.State.Timeline, e => e is { Type: TimelineType.Assigned, Agent: "bob", ReasonName: "noReply" });

        // Bob has five minutes too; then the complaint goes back to Ann, who already lost it once: she keeps it.
        var fromBob = fixture.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(AssignmentCause.NoReply, fromBob.Reassign);
        fixture.Complaint.Reassign("ann", AssignmentCause.NoReply, fixture.Now, fromBob);
        Assert.Null(fixture.Advance(TimeSpan.FromMinutes(5)).Reassign);
        Assert.Equal(["ann", "bob"], fixture.State.NoReplyFrom);
    }

    [Fact]
    public void An_answer_or_a_wait_for_the_customer_stops_the_no_reply_clock_and_a_new_assignee_starts_it_again()
    {
        var fixture = new ComplaintFixture(chain: EscalationChain.Default with { ReassignAfter = TimeSpan.FromMinutes(5) });
        fixture.Advance(TimeSpan.FromMinutes(1));
        fixture.Act((c, now) => c.Respond("Vaatame kohe üle.", true, "ann", now));
        Assert.Null(fixture.Advance(TimeSpan.FromMinutes(10)).Reassign);

        fixture.Act((c, now) => c.Assign("bob", "sue", now));
        Assert.Equal(fixture.Now.AddMinutes(5), fixture.Complaint.NextAlertAt);
        fixture.Act((c, now) => c.WaitForCustomer("bob", now));
        Assert.Null(fixture.Advance(TimeSpan.FromMinutes(10)).Reassign);
    }

    [Theory]
    [InlineData(0, "levels must have 1 to 5 entries.")]
    [InlineData(6, "levels must have 1 to 5 entries.")]
    public void A_chain_has_one_to_five_levels(int count, string error) =>
        Assert.Contains(error, new EscalationChain([.. Enumerable.Repeat(new EscalationLevel(TimeSpan.Zero, ["team"]), count)]).Validate());

    [Fact]
    public void A_chain_names_valid_targets_and_durations()
    {
        var errors = new EscalationChain(
            [new EscalationLevel(TimeSpan.FromMinutes(-1), ["everyone", "user:", "user:Bad Name"]), new EscalationLevel(null, [])],
            TimeSpan.Zero).Validate();

        Assert.Equal(
        [
            "level 1: after must be between 00:00:00 and 30 days.",
            "level 1: 'everyone' is not a target (supervisors, onDuty, managers, team or user:<username>).",
            "level 1: 'user:' is not a target (supervisors, onDuty, managers, team or user:<username>).",
            "level 1: 'user:Bad Name' is not a target (supervisors, onDuty, managers, team or user:<username>).",
            "level 2: notify someone, reassign or raise the priority.",
            "reassignAfter must be a positive duration of at most 30 days, or null.",
        ], errors);
        Assert.Empty(EscalationChain.Default.Validate());
    }

    private static (int Level, DateTimeOffset DueAt, EscalationLevel? Step) Single(ComplaintChanges changes)
    {
        var alert = Assert.Single(changes.Alerts);
        return (alert.Level, alert.DueAt, alert.Step);
    }
}
