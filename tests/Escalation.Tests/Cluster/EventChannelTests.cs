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

        var missed = await NewComplaint();
        var back = await channel.Subscribe(reference, start);
        Assert.False(back.Gap);
        Assert.Contains(back.Missed, e => e.Complaint.Id == missed.Id && e.Kind == ComplaintEventKind.ComplaintCreated);
        await channel.Unsubscribe(reference);

        // Away for longer than the two minutes events are kept.
        await NewComplaint();
        await Advance(TimeSpan.FromMinutes(3));
        var late = await channel.Subscribe(reference, back.Current);
        Assert.True(late.Gap);
        await channel.Unsubscribe(reference);
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
