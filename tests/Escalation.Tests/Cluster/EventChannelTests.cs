using System.Text.Json;
using Escalation.Complaints;
using Escalation.Events;
using Escalation.Improvements;

namespace Escalation.Tests.Cluster;

/// <summary>A channel replays what a subscriber missed while it keeps it, and says so when it no longer does.</summary>
public sealed class EventChannelTests(ClusterFixture fixture) : ClusterTest(fixture)
{
    [Fact]
    public async Task A_subscriber_back_within_the_replay_window_gets_what_it_missed_and_one_back_later_is_told_of_the_gap()
    {
        await StaffTeam(agentOnline: true);
        var channel = Client.GetGrain<IComplaintEventsGrain>(EventChannels.Of(TeamName));
        var away = new Observer();
        var reference = Client.CreateObjectReference<IComplaintEventObserver>(away);
        var start = (await channel.Subscribe(reference, seen: null)).Current;
        await channel.Unsubscribe(reference);

        // Events reach their channel in the silo's next batch: the fixture's own subscriber has it then.
        var missed = await NewComplaint();
        var pushed = await Events.WaitFor(missed.Id, ComplaintEventKind.ComplaintCreated);
        var back = await channel.Subscribe(reference, start);
        Assert.False(back.Gap);
        // Kept serialized, replayed whole: every field as it was pushed.
        var replayed = Assert.Single(back.Missed, e => e.Complaint.Id == missed.Id && e.Kind == ComplaintEventKind.ComplaintCreated);
        Assert.Equal(JsonSerializer.Serialize(pushed), JsonSerializer.Serialize(replayed));
        await channel.Unsubscribe(reference);

        // Away for longer than the two minutes events are kept.
        var later = await NewComplaint();
        await Events.WaitFor(later.Id, ComplaintEventKind.ComplaintCreated);
        await Advance(TimeSpan.FromMinutes(3));
        var late = await channel.Subscribe(reference, back.Current);
        Assert.True(late.Gap);
        await channel.Unsubscribe(reference);
    }

    [Fact]
    public async Task Changes_made_in_quick_succession_reach_a_subscriber_once_each_and_in_order()
    {
        await StaffTeam(agentOnline: true);
        var created = await NewComplaint();
        var complaint = Complaint(created.Id);
        await complaint.WaitForCustomer(Agent);
        await complaint.ResumeAfterWait(Agent);
        await complaint.Resolve(null, Agent);
        await complaint.Reopen(Supervisor);
        await complaint.Resolve("Done.", Agent);

        var first = await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintResolved);
        await Events.WaitFor(created.Id, ComplaintEventKind.ComplaintResolved, e => e.Position!.Sequence > first.Position!.Sequence);
        var events = Events.For(created.Id);
        Assert.Equal(
            [
                (ComplaintEventKind.ComplaintCreated, ComplaintStatus.Assigned),
                (ComplaintEventKind.ComplaintAssigned, ComplaintStatus.Assigned),
                (ComplaintEventKind.ComplaintUpdated, ComplaintStatus.WaitingForCustomer),
                (ComplaintEventKind.ComplaintUpdated, ComplaintStatus.Assigned),
                (ComplaintEventKind.ComplaintResolved, ComplaintStatus.Resolved),
                (ComplaintEventKind.ComplaintUpdated, ComplaintStatus.Assigned),
                (ComplaintEventKind.ComplaintResolved, ComplaintStatus.Resolved),
            ],
            events.Select(e => (e.Kind, e.Complaint.Status)));
        Assert.Equal(events.Select(e => e.Position!.Sequence).Order(), events.Select(e => e.Position!.Sequence));
    }

    private sealed class Observer : IComplaintEventObserver
    {
        public void OnComplaintEvents(IReadOnlyList<ComplaintEvent> events)
        {
        }

        public void OnImprovementOverdue(ImprovementEvent improvementEvent)
        {
        }
    }
}
