using System.Diagnostics;
using Escalation.Complaints;
using Escalation.Events;
using Escalation.Sla;

namespace Escalation.Tests.Cluster;

/// <summary>
/// Deadlines on the default P1 policy: first response 15 min, warning at 80 % (12 min), acknowledgement 10 min,
/// resolution 4 h, round the clock. The fake clock makes every instant exact.
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

        Clock.Advance(TimeSpan.FromMinutes(12));
        var warning = await Events.WaitFor(created.Id, ComplaintEventKind.SlaWarning);
        Assert.Equal((SlaClockKind?)SlaClockKind.FirstResponse, warning.Reason);
        Assert.Equal(start.AddMinutes(12), warning.At);
        Assert.Equal(start.AddMinutes(15), warning.DueAt);
        Assert.Equal(0, warning.Complaint.EscalationLevel);
        Assert.Null(warning.Complaint.NextWarningAt);

        Clock.Advance(TimeSpan.FromMinutes(3));
        var level1 = await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Level == 1);
        Assert.Equal(start.AddMinutes(15), level1.At);
        Assert.Equal(start.AddMinutes(15), level1.DueAt);
        Assert.Equal((SlaClockKind?)SlaClockKind.FirstResponse, level1.Reason);
        Assert.Equal(1, level1.Complaint.EscalationLevel);
        var escalated = Assert.Single(await Timeline(created.Id, TimelineType.Escalated));
        Assert.Equal([Supervisor], escalated.NotifiedUsers);

        Clock.Advance(TimeSpan.FromMinutes(10));
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
        Clock.Advance(TimeSpan.FromMinutes(12));
        await Events.WaitFor(created.Id, ComplaintEventKind.SlaWarning);
        Clock.Advance(TimeSpan.FromMinutes(3));
        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Level == 1);
        Clock.Advance(TimeSpan.FromMinutes(10));
        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Level == 2);

        // Reactivations and reminder ticks re-run the deadline check; nothing is due twice.
        for (var i = 0; i < 3; i++)
        {
            await Cluster.DeactivateAsync(Complaint(created.Id));
            Clock.Advance(TimeSpan.FromSeconds(5));
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
    public async Task An_acknowledged_escalation_does_not_reach_a_manager()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        Clock.Advance(TimeSpan.FromMinutes(15));
        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Level == 1);

        var acknowledged = await Complaint(created.Id).AcknowledgeEscalation(Supervisor);
        Assert.True(acknowledged.EscalationAcknowledged);
        await Assert.ThrowsAsync<TransitionNotAllowedException>(async () => await Complaint(created.Id).AcknowledgeEscalation(Supervisor));

        Clock.Advance(TimeSpan.FromMinutes(30));
        await Complaint(created.Id).AddNote("After the acknowledgement deadline", Supervisor);
        Assert.DoesNotContain(await Timeline(created.Id, TimelineType.Escalated), e => e.Level == 2);
        Assert.Single(await Timeline(created.Id, TimelineType.EscalationAcknowledged));
    }

    [Fact]
    public async Task The_overdue_answer_given_before_the_acknowledgement_deadline_stops_level_two()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        Clock.Advance(TimeSpan.FromMinutes(15));
        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Level == 1);
        await Complaint(created.Id).Respond("Vabandame hilinemise pärast! Helistame teile kohe.", true, Agent);

        Clock.Advance(TimeSpan.FromMinutes(30));
        await Complaint(created.Id).AddNote("Later", Agent);
        Assert.Single(await Timeline(created.Id, TimelineType.Escalated));
    }

    [Fact]
    public async Task A_response_before_the_warning_prevents_every_first_response_alert()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        Clock.Advance(TimeSpan.FromMinutes(11));
        var responded = await Complaint(created.Id).Respond("Vabandame! Asendame toote.", true, Agent);
        Assert.Equal(created.ResolutionDueAt, responded.NextDueAt);
        Assert.Equal((SlaClockKind?)SlaClockKind.Resolution, responded.NextDueReason);
        Clock.Advance(TimeSpan.FromMinutes(30));
        await Complaint(created.Id).AddNote("Later", Agent);
        var timeline = (await Details(created.Id)).Timeline;
        Assert.DoesNotContain(timeline, e => e.Type is TimelineType.SlaWarning or TimelineType.Escalated);
    }

    [Fact]
    public async Task Missing_first_response_and_later_resolution_escalates_once_for_each()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        Clock.Advance(TimeSpan.FromMinutes(15));
        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Reason == SlaClockKind.FirstResponse);
        await Complaint(created.Id).Respond("Vabandame, tegeleme sellega.", true, Agent);

        Clock.Advance(TimeSpan.FromHours(4) - TimeSpan.FromMinutes(15));
        var resolution = await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Reason == SlaClockKind.Resolution);
        Assert.Equal(created.CreatedAt.AddHours(4), resolution.DueAt);
        Assert.Equal(1, resolution.Level);
        var escalations = await Timeline(created.Id, TimelineType.Escalated);
        Assert.Equal([SlaClockKind.FirstResponse, SlaClockKind.Resolution], escalations.Select(e => e.Reason!.Value));
    }

    [Fact]
    public async Task Waiting_for_the_customer_pauses_the_clocks_and_resuming_continues_with_the_time_left()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        var start = created.CreatedAt;
        await Complaint(created.Id).Respond("Kas saaksite saata foto?", true, Agent);

        Clock.Advance(TimeSpan.FromHours(1));
        var waiting = await Complaint(created.Id).WaitForCustomer(Agent);
        Assert.True(waiting.SlaPaused);
        Assert.Null(waiting.FirstResponseDueAt);
        Assert.Null(waiting.ResolutionDueAt);

        // Five hours waiting: well past the resolution deadline, which must not fire while paused.
        Clock.Advance(TimeSpan.FromHours(5));
        await Complaint(created.Id).AddNote("Still waiting", Agent);
        Assert.Empty(await Timeline(created.Id, TimelineType.Escalated));
        Assert.Empty(await Timeline(created.Id, TimelineType.SlaWarning));

        var resumed = await Complaint(created.Id).ResumeAfterWait(Agent);
        Assert.False(resumed.SlaPaused);
        Assert.Equal(start.AddHours(4 + 5), resumed.ResolutionDueAt);

        Clock.Advance(TimeSpan.FromHours(3) - TimeSpan.FromMinutes(48));
        var warning = await Events.WaitFor(created.Id, ComplaintEventKind.SlaWarning, e => e.Reason == SlaClockKind.Resolution);
        Assert.Equal(start.AddHours(4 + 5) - TimeSpan.FromMinutes(48), warning.At);
        Clock.Advance(TimeSpan.FromMinutes(48));
        var escalated = await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Reason == SlaClockKind.Resolution);
        Assert.Equal(start.AddHours(9), escalated.At);
    }

    [Fact]
    public async Task Reopening_starts_a_next_response_clock_and_a_new_resolution_clock()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        await Complaint(created.Id).Respond("Vabandame! Asendame toote.", true, Agent);
        await Complaint(created.Id).Resolve("Replaced", Agent);
        Clock.Advance(TimeSpan.FromDays(1));

        var reopened = await Complaint(created.Id).Reopen(Supervisor);
        var now = Clock.GetUtcNow();
        Assert.Equal(now.AddMinutes(30), reopened.NextResponseDueAt);
        Assert.Equal(now.AddHours(4), reopened.ResolutionDueAt);
        Clock.Advance(TimeSpan.FromMinutes(30));
        var escalated = await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated);
        Assert.Equal((SlaClockKind?)SlaClockKind.NextResponse, escalated.Reason);
        Assert.Equal(now.AddMinutes(30), escalated.DueAt);
    }

    [Fact]
    public async Task A_deadline_that_passes_while_the_grain_is_deactivated_fires_when_the_reminder_wakes_it()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        await Cluster.DeactivateAsync(Complaint(created.Id));

        // No activation holds a timer now; only the reminder can notice the deadline.
        Clock.Advance(TimeSpan.FromMinutes(16));
        var escalated = await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Level == 1);
        Assert.Equal(created.CreatedAt.AddMinutes(15), escalated.DueAt);
        Assert.Equal(created.CreatedAt.AddMinutes(16), escalated.At);

        // The warning it overslept is not sent late on top of the escalation.
        Assert.Empty(await Timeline(created.Id, TimelineType.SlaWarning));
    }

    [Fact]
    public async Task A_deactivated_grain_is_woken_ahead_of_its_deadline_so_the_alert_fires_on_the_second()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        await Cluster.DeactivateAsync(Complaint(created.Id));

        // The reminder wakes the grain two minutes before the warning (at 10 min); the grain's own timer then fires at 12.
        Clock.Advance(TimeSpan.FromMinutes(10.5));
        var grainId = Complaint(created.Id).GetGrainId();
        var woken = Stopwatch.StartNew();
        while (!Cluster.TryGetGrainContext(grainId, out _))
        {
            // Activation is no event we could await; give up after ten seconds.
            Assert.True(woken.Elapsed < TimeSpan.FromSeconds(10), "the reminder did not wake the grain ahead of the warning");
            await Task.Delay(10);
        }

        Assert.Empty(await Timeline(created.Id, TimelineType.SlaWarning));
        Clock.Advance(TimeSpan.FromMinutes(1.5));
        var warning = await Events.WaitFor(created.Id, ComplaintEventKind.SlaWarning);
        Assert.Equal(created.CreatedAt.AddMinutes(12), warning.At);
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
