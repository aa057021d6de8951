using Escalation.Complaints;
using Escalation.Grains.Logs;

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

        await Advance(TimeSpan.FromDays(7));
        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintUpdated, e => e.Complaint.Status == ComplaintStatus.Closed);
        Assert.Equal(ComplaintStatus.Closed, (await Details(created.Id)).Summary.Status);
    }

    [Fact]
    public async Task A_closed_complaints_texts_are_erased_by_its_own_wake_up_when_the_retention_period_ends()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        var complaint = Complaint(created.Id);
        await complaint.Respond("Helistame teile homme.", true, Agent);
        await complaint.Resolve("Called back", Agent);
        await Advance(TimeSpan.FromDays(7));
        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintUpdated, e => e.Complaint.Status == ComplaintStatus.Closed);
        await Cluster.DeactivateAsync(complaint); // idle for a month: the deadline index wakes it
        await Advance(ClusterFixture.KeepClosedTexts);

        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintUpdated, e => e.Complaint.Text == Erasure.Mark);
        var details = await Details(created.Id);
        Assert.Equal(ComplaintStatus.Closed, details.Summary.Status);
        Assert.Equal(Erasure.Mark, details.Summary.CustomerName);
        Assert.Equal([Erasure.Mark, Erasure.Mark], details.Timeline.Where(entry => entry.Text is not null).Select(entry => entry.Text));
        Assert.Equal(TimelineType.Erased, details.Timeline[^1].Type);
    }

    [Fact]
    public async Task A_complaint_whose_stored_state_is_large_and_hard_to_compress_reads_back_whole_after_deactivation()
    {
        await StaffTeam(agentOnline: false);
        var created = await NewComplaint();
        var complaint = Complaint(created.Id);

        // Three notes of 10,000 CJK characters each, drawn at random: about 90 KB of state that deflates to well over 8 KB.
        var random = new Random(7);
        List<string> notes = [.. Enumerable.Range(0, 3).Select(_ => new string([.. Enumerable.Range(0, 10_000).Select(_ => (char)random.Next(0x4E00, 0x9FFF))]))];
        foreach (var note in notes)
        {
            await complaint.AddNote(note, Supervisor);
        }

        await Cluster.DeactivateAsync(complaint);
        var timeline = (await Details(created.Id)).Timeline;
        Assert.Equal(notes, timeline.Where(entry => entry.Type == TimelineType.Note).Select(entry => entry.Text));
    }

    [Fact]
    public async Task A_long_timeline_is_kept_in_sealed_pages_read_back_whole_and_erased_whole()
    {
        await StaffTeam(agentOnline: false);
        var created = await NewComplaint();
        var complaint = Complaint(created.Id);
        List<string> notes = [.. Enumerable.Range(0, 450).Select(i => $"Note {i} about Mari")];
        foreach (var note in notes)
        {
            await complaint.AddNote(note, Supervisor);
        }

        await Cluster.DeactivateAsync(complaint);
        var timeline = (await Details(created.Id)).Timeline;
        Assert.Equal(TimelineType.Created, timeline[0].Type);
        Assert.Equal(notes, timeline.Where(entry => entry.Type == TimelineType.Note).Select(entry => entry.Text));
        var sealedPage = Client.GetGrain<ILogPageGrain<TimelineEntry>>(LogPage.KeyOf(created.Id.ToString("N"), 0));
        Assert.Equal(timeline.Take(200), await sealedPage.Entries());

        await complaint.ErasePersonalData("admin", "erased:0c1f");
        var erased = (await Details(created.Id)).Timeline;
        Assert.Equal(timeline.Count + 1, erased.Count);
        Assert.Equal(notes.Count, erased.Count(entry => entry.Text == Erasure.Mark));
        var page = await sealedPage.Entries();
        Assert.All(page, entry => Assert.NotEqual(notes[0], entry.Text));
        Assert.Equal((TimelineType.Created, "erased:0c1f"), (page[0].Type, page[0].Actor));
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
        await Advance(TimeSpan.FromMinutes(2));
        await complaint.Respond("Vabandame, uurime asja ja helistame teile täna.", false, Agent);
        await Advance(TimeSpan.FromMinutes(1));
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

    [Fact]
    public async Task A_refused_transition_reaches_the_caller_with_its_reason_and_changes_nothing()
    {
        await StaffTeam(agentOnline: true);
        var id = (await NewComplaint()).Id;
        var complaint = Complaint(id);
        await complaint.Resolve(null, Agent);
        var resolved = await Details(id);
        var refused = await Assert.ThrowsAsync<TransitionNotAllowedException>(async () => await complaint.Respond("Hello", true, Agent));
        Assert.Equal("Cannot respond to a complaint that is resolved.", refused.Message);

        // Closed by its timer after the quiet period: a follow-up is refused too (the caller opens a new complaint).
        await Advance(TimeSpan.FromDays(7));
        await Events.WaitFor(id, ComplaintEventKind.ComplaintUpdated, e => e.Complaint.Status == ComplaintStatus.Closed);
        var closed = await Details(id);
        await Assert.ThrowsAsync<TransitionNotAllowedException>(async () => await complaint.AddCustomerMessage(new CustomerMessage("fb-follow-up", "Still broken")));
        Assert.Equal(resolved.Timeline.Count + 1, closed.Timeline.Count);
        Assert.Equivalent(closed.Summary, (await Details(id)).Summary, strict: true);
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
}
