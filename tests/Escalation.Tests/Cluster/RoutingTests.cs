using Escalation.Complaints;
using Escalation.Sla;
using Escalation.Teams;

namespace Escalation.Tests.Cluster;

public sealed class RoutingTests(ClusterFixture fixture) : ClusterTest(fixture)
{
    [Fact]
    public async Task Queued_complaints_go_to_an_agent_who_comes_online_the_most_urgent_first_up_to_capacity()
    {
        await StaffTeam(agentOnline: false);
        await Team.SetRouting(new TeamRouting(4, new Dictionary<string, int?>()));
        var queued = new List<ComplaintSummary>();
        foreach (var priority in new[] { Priority.P4, Priority.P3, Priority.P1, Priority.P2, Priority.P4, Priority.P1 })
        {
            queued.Add(await NewComplaint(priority));
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.All(queued, complaint => Assert.Null(complaint.Assignee));
        var urgent = queued.OrderBy(complaint => complaint.NextDueAt).ToList();

        await Online(Agent);
        foreach (var complaint in urgent[..4])
        {
            await Events.WaitFor(complaint.Id, ComplaintEventKind.ComplaintAssigned, e => e.Complaint.Assignee == Agent);
        }

        var overview = await Team.GetOverview();
        var agent = overview.Members.Single(member => member.Username == Agent);
        Assert.Equal((4, 4), (agent.OpenComplaints, agent.Capacity));
        Assert.Equal(urgent[4..].Select(complaint => complaint.Id), overview.Queue);

        // Below capacity again: the next most urgent follows.
        await Complaint(urgent[0].Id).Resolve(null, Agent);
        await Events.WaitFor(urgent[4].Id, ComplaintEventKind.ComplaintAssigned, e => e.Complaint.Assignee == Agent);
        Assert.Equal([urgent[5].Id], (await Team.GetOverview()).Queue);
        Assert.Equal("system", (await Timeline(urgent[4].Id, TimelineType.Assigned)).Single().Actor);
    }

    [Fact]
    public async Task A_new_complaint_passes_over_an_agent_at_capacity_and_an_override_raises_it()
    {
        await StaffTeam(agentOnline: true);
        await Team.SetRouting(new TeamRouting(1, new Dictionary<string, int?>()));
        Assert.Equal(Agent, (await NewComplaint()).Assignee);
        var waiting = await NewComplaint();
        Assert.Null(waiting.Assignee);

        await Team.SetRouting(new TeamRouting(1, new Dictionary<string, int?> { [Agent] = null }));
        await Events.WaitFor(waiting.Id, ComplaintEventKind.ComplaintAssigned, e => e.Complaint.Assignee == Agent);
        Assert.Null((await Team.GetOverview()).Members.Single(member => member.Username == Agent).Capacity);
    }
}
