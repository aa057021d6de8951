using Escalation.Complaints;
using Escalation.Sla;

namespace Escalation.Tests.Cluster;

/// <summary>
/// Deadlines through the runtime, on the default P1 policy: first response 15 min, warning at 80 % (12 min),
/// acknowledgement 10 min, resolution 4 h, round the clock. The fake clock drives the grain timers and reminders, so
/// every instant is exact. The rules themselves (which alert when) are tested on the domain's aggregate.
/// </summary>
public sealed class EscalationTests(ClusterFixture fixture) : ClusterTest(fixture)
{
    [Fact]
    public async Task An_unanswered_complaint_warns_then_escalates_to_the_supervisor_then_to_a_manager()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        var start = created.CreatedAt;
        Assert.Equal(start.AddMinutes(15), created.FirstResponseDueAt);
        Assert.Equal(start.AddHours(4), created.ResolutionDueAt);
        Assert.Equal(start.AddMinutes(15), created.NextDueAt);
        Assert.Equal((SlaClockKind?)SlaClockKind.FirstResponse, created.NextDueReason);
        Assert.Equal(start.AddMinutes(12), created.NextWarningAt);

        await Advance(TimeSpan.FromMinutes(12));
        var warning = await Events.WaitFor(created.Id, ComplaintEventKind.SlaWarning);
        Assert.Equal((SlaClockKind?)SlaClockKind.FirstResponse, warning.Reason);
        Assert.Equal(start.AddMinutes(12), warning.At);
        Assert.Equal(start.AddMinutes(15), warning.DueAt);
        Assert.Equal(0, warning.Complaint.EscalationLevel);
        Assert.Null(warning.Complaint.NextWarningAt);

        await Advance(TimeSpan.FromMinutes(3));
        var level1 = await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Level == 1);
        Assert.Equal(start.AddMinutes(15), level1.At);
        Assert.Equal(start.AddMinutes(15), level1.DueAt);
        Assert.Equal((SlaClockKind?)SlaClockKind.FirstResponse, level1.Reason);
        Assert.Equal(1, level1.Complaint.EscalationLevel);
        var escalated = Assert.Single(await Timeline(created.Id, TimelineType.Escalated));
        Assert.Equal([Supervisor], escalated.NotifiedUsers);

        await Advance(TimeSpan.FromMinutes(10));
        var level2 = await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Level == 2);
        Assert.Equal(start.AddMinutes(25), level2.At);
        Assert.Equal(start.AddMinutes(25), level2.DueAt);
        Assert.Equal(2, level2.Complaint.EscalationLevel);
    }

    [Fact]
    public async Task Each_alert_fires_once_however_often_the_grain_is_woken()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        await Advance(TimeSpan.FromMinutes(12));
        await Events.WaitFor(created.Id, ComplaintEventKind.SlaWarning);
        await Advance(TimeSpan.FromMinutes(3));
        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Level == 1);
        await Advance(TimeSpan.FromMinutes(10));
        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Level == 2);

        // Reactivations and repeated wake-ups re-run the deadline check; nothing is due twice.
        for (var i = 0; i < 3; i++)
        {
            await Cluster.DeactivateAsync(Complaint(created.Id));
            await Advance(TimeSpan.FromSeconds(5));
            await Complaint(created.Id).AddNote($"Wake-up {i}", Supervisor);
        }

        var timeline = (await Details(created.Id)).Timeline;
        Assert.Single(timeline, e => e.Type == TimelineType.SlaWarning && e.Reason == SlaClockKind.FirstResponse);
        Assert.Single(timeline, e => e.Type == TimelineType.Escalated && e.Level == 1 && e.Reason == SlaClockKind.FirstResponse);
        Assert.Single(timeline, e => e.Type == TimelineType.Escalated && e.Level == 2 && e.Reason == SlaClockKind.FirstResponse);
        Assert.Single(Events.For(created.Id), e => e.Kind == ComplaintEventKind.ComplaintEscalated && e.Level == 1);
        Assert.Single(Events.For(created.Id), e => e.Kind == ComplaintEventKind.ComplaintEscalated && e.Level == 2);
    }

    [Fact]
    public async Task A_deadline_that_passes_while_the_complaint_is_deactivated_fires_when_its_shard_wakes_it()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        await Cluster.DeactivateAsync(Complaint(created.Id));

        // No activation holds anything now; only the deadline shard can notice the deadline.
        await Advance(TimeSpan.FromMinutes(16));
        var escalated = await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Level == 1);
        Assert.Equal(created.CreatedAt.AddMinutes(15), escalated.DueAt);
        Assert.Equal(created.CreatedAt.AddMinutes(16), escalated.At);

        // The warning it overslept is not sent late on top of the escalation.
        Assert.Empty(await Timeline(created.Id, TimelineType.SlaWarning));
    }

    [Fact]
    public async Task A_deactivated_complaint_is_woken_by_its_deadline_shard_on_the_second()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        await Cluster.DeactivateAsync(Complaint(created.Id));

        // Nothing wakes the complaint early: it holds no timer and no reminder.
        await Advance(TimeSpan.FromMinutes(12) - TimeSpan.FromSeconds(1));
        Assert.False(Cluster.TryGetGrainContext(Complaint(created.Id).GetGrainId(), out _));

        await Advance(TimeSpan.FromSeconds(1));
        var warning = await Events.WaitFor(created.Id, ComplaintEventKind.SlaWarning);
        Assert.Equal(created.CreatedAt.AddMinutes(12), warning.At);
    }

    [Fact]
    public async Task A_complaint_woken_with_its_next_wake_up_more_than_a_second_away_lets_its_activation_go()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        await Advance(TimeSpan.FromMinutes(12));
        await Events.WaitFor(created.Id, ComplaintEventKind.SlaWarning);

        // Its deadline is 3 minutes away (no longer than an idle activation lives), the manager's alert after it 10.
        await ActivationGone(Complaint(created.Id));
        await Advance(TimeSpan.FromMinutes(3));
        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Level == 1);
        await ActivationGone(Complaint(created.Id));
        await Advance(TimeSpan.FromMinutes(10));
        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Level == 2);
    }

    [Fact]
    public async Task A_deadline_due_a_moment_after_the_warning_fires_on_its_instant_without_another_read_of_the_index()
    {
        // The warning half a millisecond before the deadline, both between whole milliseconds: the shards read the index
        // every second on the whole millisecond (the clock only ever moves by whole ones elsewhere), so no read falls
        // between the two and only the shard holding what the warning returned can fire the deadline.
        var policies = Client.GetGrain<ISlaPolicyGrain>(0);
        await policies.SetPolicy(Priority.P2, SlaPolicy.Defaults[Priority.P2] with { FirstResponse = TimeSpan.FromTicks(1_000_037_000), WarningAt = 0.999995 });
        try
        {
            await StaffTeam(agentOnline: true);
            var created = await NewComplaint(Priority.P2);
            await Advance(TimeSpan.FromSeconds(100));
            var warningAt = created.CreatedAt + TimeSpan.FromTicks(1_000_032_000);
            Clock.Advance(warningAt - Clock.GetUtcNow());
            var warning = await Events.WaitFor(created.Id, ComplaintEventKind.SlaWarning);
            Assert.Equal(created.FirstResponseDueAt, warning.DueAt);

            Clock.Advance(created.FirstResponseDueAt!.Value - Clock.GetUtcNow());
            var escalated = await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Level == 1);
            Assert.Equal(created.FirstResponseDueAt, escalated.At);
        }
        finally
        {
            await policies.SetPolicy(Priority.P2, SlaPolicy.Defaults[Priority.P2]);
        }
    }

    [Fact]
    public async Task A_deadline_moved_by_a_wait_for_the_customer_wakes_the_deactivated_complaint_at_its_new_instant_only()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        var start = created.CreatedAt;
        await Advance(TimeSpan.FromMinutes(5));
        await Complaint(created.Id).WaitForCustomer(Supervisor);
        await Cluster.DeactivateAsync(Complaint(created.Id));

        // The first response's old warning (12 min) and deadline (15 min) pass while it waits: nothing wakes it.
        await Advance(TimeSpan.FromMinutes(15));
        Assert.False(Cluster.TryGetGrainContext(Complaint(created.Id).GetGrainId(), out _));

        // Resumed at 20 min with 10 of its 15 minutes left: the warning moves to 27 min, the deadline to 30.
        var resumed = await Complaint(created.Id).ResumeAfterWait(Supervisor);
        Assert.Equal(start.AddMinutes(30), resumed.FirstResponseDueAt);
        await Cluster.DeactivateAsync(Complaint(created.Id));
        await Advance(TimeSpan.FromMinutes(7) - TimeSpan.FromSeconds(1));
        Assert.False(Cluster.TryGetGrainContext(Complaint(created.Id).GetGrainId(), out _));

        await Advance(TimeSpan.FromSeconds(1));
        var warning = await Events.WaitFor(created.Id, ComplaintEventKind.SlaWarning);
        Assert.Equal(start.AddMinutes(27), warning.At);
        Assert.Equal(start.AddMinutes(30), warning.DueAt);

        await Cluster.DeactivateAsync(Complaint(created.Id));
        await Advance(TimeSpan.FromMinutes(3));
        var escalated = await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Level == 1);
        Assert.Equal(start.AddMinutes(30), escalated.At);
        Assert.Single(await Timeline(created.Id, TimelineType.SlaWarning));
    }

    [Fact]
    public async Task Business_hours_deadlines_skip_the_weekend()
    {
        var office = new BusinessCalendar(
            "care-office",
            "Europe/Tallinn",
            [[], .. Enumerable.Repeat(new[] { new WorkPeriod(TimeSpan.FromHours(9), TimeSpan.FromHours(17)) }, 5), []],
            []);
        var policies = Client.GetGrain<ISlaPolicyGrain>(0);
        await policies.SetCalendar(office);
        await policies.SetPolicy(Priority.P4, SlaPolicy.Defaults[Priority.P4] with { Calendar = office.Name });
        try
        {
            await StaffTeam(agentOnline: true);

            // Written on Friday at 16:00 Tallinn (14:00 UTC): one working hour that day, the other seven on Monday.
            var friday = new DateTimeOffset(2026, 11, 20, 14, 0, 0, TimeSpan.Zero);
            var created = await NewComplaint(Priority.P4, createdAt: friday);
            Assert.Equal(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero), created.FirstResponseDueAt);
        }
        finally
        {
            // The policies are shared by every test of the cluster.
            await policies.SetPolicy(Priority.P4, SlaPolicy.Defaults[Priority.P4]);
        }
    }

    [Fact]
    public async Task Invalid_policies_and_calendars_are_refused_with_the_reasons()
    {
        var policies = Client.GetGrain<ISlaPolicyGrain>(0);
        var refused = await Assert.ThrowsAsync<ArgumentException>(async () =>
            await policies.SetPolicy(Priority.P2, SlaPolicy.Defaults[Priority.P2] with { WarningAt = 1.5, Calendar = "nowhere" }));
        Assert.Contains("warningAt", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Unknown calendar 'nowhere'", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(async () => await policies.SetCalendar(BusinessCalendar.AlwaysOpen));
        Assert.Equal(SlaPolicy.Defaults[Priority.P2], (await policies.GetPolicies())[Priority.P2]);
    }
}
