using Escalation.Complaints;
using Escalation.Events;

namespace Escalation.Tests.Cluster;

public sealed class ComplaintLifecycleTests(ClusterFixture fixture) : ClusterTest(fixture)
{
    [Fact]
    public async Task A_complaint_goes_through_its_whole_lifecycle_and_closes_after_the_quiet_period()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        Assert.Equal(ComplaintStatus.Assigned, created.Status);
        Assert.Equal(Agent, created.Assignee);
        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintCreated);
        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintAssigned);

        var complaint = Complaint(created.Id);
        Assert.Equal(ComplaintStatus.Responded, (await complaint.Respond("Vabandame! Vahetame toote välja.", true, Agent)).Status);
        Assert.Equal(ComplaintStatus.WaitingForCustomer, (await complaint.WaitForCustomer(Agent)).Status);
        Assert.Equal(ComplaintStatus.Responded, (await complaint.ResumeAfterWait(Agent)).Status);
        var resolved = await complaint.Resolve("Replaced the fridge", Agent);
        Assert.Equal(ComplaintStatus.Resolved, resolved.Status);
        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintResolved);

        var reopened = await complaint.Reopen(Supervisor);
        Assert.Equal(ComplaintStatus.Assigned, reopened.Status);
        Assert.NotNull(reopened.NextResponseDueAt);
        await complaint.Resolve(null, Agent);

        Clock.Advance(TimeSpan.FromDays(7));
        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintUpdated, e => e.Complaint.Status == ComplaintStatus.Closed);
        Assert.Equal(ComplaintStatus.Closed, (await Details(created.Id)).Summary.Status);
    }

    [Fact]
    public async Task The_timeline_records_when_who_and_what_for_every_step()
    {
        await StaffTeam(agentOnline: false);
        var created = await NewComplaint();
        Assert.Equal(ComplaintStatus.New, created.Status);
        var complaint = Complaint(created.Id);
        var createdAt = Clock.GetUtcNow();

        await complaint.AddNote("Checked the order: it left the warehouse on Monday.", Supervisor);
        Clock.Advance(TimeSpan.FromMinutes(2));
        await complaint.Respond("Vabandame, uurime asja ja helistame teile täna.", false, Agent);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await complaint.Resolve("Called the customer", Agent);

        var timeline = (await Details(created.Id)).Timeline;
        Assert.Equal(
            [TimelineType.Created, TimelineType.Note, TimelineType.Assigned, TimelineType.Responded, TimelineType.Resolved],
            timeline.Select(entry => entry.Type));
        Assert.Equal([createdAt, createdAt, createdAt.AddMinutes(2), createdAt.AddMinutes(2), createdAt.AddMinutes(3)], timeline.Select(e => e.At));
        Assert.Equal([created.CustomerId, Supervisor, Agent, Agent, Agent], timeline.Select(entry => entry.Actor));
        Assert.Equal("Checked the order: it left the warehouse on Monday.", timeline[1].Text);
        Assert.Equal(Agent, timeline[2].Agent);
        Assert.False(timeline[3].Public);
        Assert.Equal("Called the customer", timeline[4].Text);
    }

    public static TheoryData<string, string> Disallowed => new()
    {
        { "new", "wait" },
        { "new", "resume" },
        { "new", "reopen" },
        { "new", "acknowledge" },
        { "assigned", "resume" },
        { "waiting", "wait" },
        { "resolved", "respond" },
        { "resolved", "resolve" },
        { "resolved", "assign" },
        { "resolved", "wait" },
        { "closed", "reopen" },
        { "closed", "customerMessage" },
        { "closed", "assign" },
    };

    [Theory]
    [MemberData(nameof(Disallowed))]
    public async Task A_disallowed_transition_is_refused_and_changes_nothing(string status, string action)
    {
        await StaffTeam(agentOnline: status != "new");
        var id = (await NewComplaint()).Id;
        var complaint = Complaint(id);
        switch (status)
        {
            case "waiting":
                await complaint.WaitForCustomer(Agent);
                break;
            case "resolved":
                await complaint.Resolve(null, Agent);
                break;
            case "closed":
                await complaint.Resolve(null, Agent);
                Clock.Advance(TimeSpan.FromDays(7));
                await Events.WaitFor(id, ComplaintEventKind.ComplaintUpdated, e => e.Complaint.Status == ComplaintStatus.Closed);
                break;
        }

        var before = await Details(id);
        var refused = await Assert.ThrowsAsync<TransitionNotAllowedException>(async () => await (action switch
        {
            "wait" => complaint.WaitForCustomer(Agent),
            "resume" => complaint.ResumeAfterWait(Agent),
            "reopen" => complaint.Reopen(Agent),
            "acknowledge" => complaint.AcknowledgeEscalation(Supervisor),
            "respond" => complaint.Respond("Hello", true, Agent),
            "resolve" => complaint.Resolve(null, Agent),
            "assign" => complaint.Assign(Agent, Supervisor),
            "customerMessage" => complaint.AddCustomerMessage(new CustomerMessage("fb-follow-up", "Still broken")),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        }));

        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
        var after = await Details(id);
        Assert.Equivalent(before.Summary, after.Summary, strict: true);
        Assert.Equal(before.Timeline.Count, after.Timeline.Count);
    }

    [Fact]
    public async Task An_action_on_an_unknown_complaint_is_not_found()
    {
        var complaint = Complaint(Guid.NewGuid());
        Assert.Null(await complaint.GetDetails());
        await Assert.ThrowsAsync<ComplaintNotFoundException>(async () => await complaint.Resolve(null, Agent));
    }

    [Fact]
    public async Task Creating_the_same_complaint_twice_returns_the_first_one()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        var again = await Complaint(created.Id).Create(new NewComplaint(
            "x", "other", new CustomerRef("x:1", null), "Different text", true, TeamName));
        Assert.True(again.Duplicate);
        Assert.Equivalent(created, again.Complaint, strict: true);
        Assert.Single(await Timeline(created.Id, TimelineType.Created));
    }

    [Fact]
    public async Task A_note_never_counts_as_a_response_but_a_response_does()
    {
        await StaffTeam(agentOnline: false);
        var created = await NewComplaint();
        var complaint = Complaint(created.Id);
        await complaint.AddNote("Internal: check the stock", Supervisor);
        Clock.Advance(TimeSpan.FromMinutes(15));
        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Level == 1);

        var other = await NewComplaint();
        var responded = await Complaint(other.Id).Respond("Vabandame! Saadame uue toote homme.", false, Agent);
        Assert.Equal(Agent, responded.Assignee);
        Assert.Equal(ComplaintStatus.Responded, responded.Status);
        Clock.Advance(TimeSpan.FromMinutes(16));
        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintEscalated, e => e.Level == 2);
        Assert.DoesNotContain(Events.For(other.Id), e => e.Kind is ComplaintEventKind.SlaWarning or ComplaintEventKind.ComplaintEscalated);
        Assert.Empty(await Timeline(other.Id, TimelineType.Escalated));
    }

    [Fact]
    public async Task A_follow_up_from_the_customer_starts_the_next_response_clock_and_reopens_a_resolved_complaint()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        var complaint = Complaint(created.Id);
        await complaint.Respond("Vabandame, uurime.", true, Agent);
        await complaint.WaitForCustomer(Agent);

        var resumed = await complaint.AddCustomerMessage(new CustomerMessage("fb-2", "Here are the photos"));
        Assert.Equal(ComplaintStatus.Responded, resumed.Status);
        Assert.Equal(Clock.GetUtcNow().AddMinutes(30), resumed.NextResponseDueAt);

        Assert.Null((await complaint.Respond("Thank you, a new one is on its way.", true, Agent)).NextResponseDueAt);
        await complaint.Resolve(null, Agent);
        var reopened = await complaint.AddCustomerMessage(new CustomerMessage("fb-3", "It has not arrived"));
        Assert.Equal(ComplaintStatus.Assigned, reopened.Status);
        Assert.Equal(Clock.GetUtcNow().AddMinutes(30), reopened.NextResponseDueAt);
        Assert.Equal(Clock.GetUtcNow().AddHours(4), reopened.ResolutionDueAt);
        Assert.Equal(
            [TimelineType.CustomerMessage, TimelineType.Resumed, TimelineType.CustomerMessage, TimelineType.Reopened],
            (await Details(created.Id)).Timeline.Select(e => e.Type).Where(t => t is TimelineType.CustomerMessage or TimelineType.Resumed or TimelineType.Reopened));
    }
}
