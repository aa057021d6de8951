using Escalation.Complaints;
using Escalation.Customers;
using Escalation.Grains.Logs;
using Escalation.Sla;
using Escalation.Teams;

namespace Escalation.Tests.Cluster;

public sealed class CustomerAndTeamTests(ClusterFixture fixture) : ClusterTest(fixture)
{
    [Fact]
    public async Task A_third_complaint_within_thirty_days_is_persistent_dissatisfaction_and_raises_priority()
    {
        await StaffTeam(agentOnline: true);
        var customer = "fb:" + Guid.NewGuid().ToString("N")[..8];

        var first = await NewComplaint(priority: null, customer: customer);
        Assert.Equal(Priority.P3, first.Priority);
        await Advance(TimeSpan.FromDays(10));
        var second = await NewComplaint(priority: null, customer: customer);
        Assert.Equal(Priority.P3, second.Priority);
        Assert.False((await Client.GetGrain<ICustomerGrain>(customer).GetProfile()).PersistentDissatisfaction);

        await Advance(TimeSpan.FromDays(10));
        var third = await NewComplaint(priority: null, customer: customer, isPublic: true);
        Assert.Equal(Priority.P1, third.Priority);
        Assert.Equal(["default P3", "public post", "persistent dissatisfaction: 3 complaints in a short time"], third.PriorityReasons);

        await Complaint(first.Id).Resolve(null, Agent);
        var profile = await Client.GetGrain<ICustomerGrain>(customer).GetProfile();
        Assert.True(profile.PersistentDissatisfaction);
        Assert.Equal(3, profile.ComplaintsLast90Days);
        Assert.Equal([second.Id, third.Id], profile.OpenComplaints);
        Assert.Equal([first.Id], profile.PastComplaints);
        Assert.Equal("Mari Maasikas", profile.Name);

        // A month later the streak is over; after ninety days the complaints leave the count.
        await Advance(TimeSpan.FromDays(31));
        Assert.False((await Client.GetGrain<ICustomerGrain>(customer).GetProfile()).PersistentDissatisfaction);
        await Advance(TimeSpan.FromDays(60));
        Assert.Equal(0, (await Client.GetGrain<ICustomerGrain>(customer).GetProfile()).ComplaintsLast90Days);
    }

    [Fact]
    public async Task A_long_history_is_kept_in_sealed_pages_and_a_reopened_complaint_reads_as_open()
    {
        var key = "fb:" + Guid.NewGuid().ToString("N")[..8];
        var customer = Client.GetGrain<ICustomerGrain>(key);
        List<Guid> ids = [.. Enumerable.Range(0, PagedLog<Guid>.PageSize + 3).Select(_ => Guid.NewGuid())];
        foreach (var id in ids)
        {
            await customer.RecordComplaint(id, new CustomerRef(key, "Mari Maasikas"), Clock.GetUtcNow());
            await customer.SetComplaintOpen(id, false);
        }

        await Cluster.DeactivateAsync(customer);
        Assert.Equal(ids[..PagedLog<Guid>.PageSize], await Client.GetGrain<ILogPageGrain<Guid>>(LogPage.KeyOf(key, 0)).Entries());
        var profile = await customer.GetProfile();
        Assert.Empty(profile.OpenComplaints);
        Assert.Equal(ids, profile.PastComplaints);

        await customer.SetComplaintOpen(ids[0], true);
        profile = await customer.GetProfile();
        Assert.Equal([ids[0]], profile.OpenComplaints);
        Assert.Equal(ids[1..], profile.PastComplaints);

        // Resolved again, and that change retried: still once in the history.
        await customer.SetComplaintOpen(ids[0], false);
        await customer.SetComplaintOpen(ids[0], false);
        Assert.Equal(ids, (await customer.GetProfile()).PastComplaints);
    }

    [Fact]
    public async Task A_one_off_complaint_keeps_its_priority()
    {
        await StaffTeam(agentOnline: true);
        var complaint = await NewComplaint(priority: null);
        Assert.Equal(Priority.P3, complaint.Priority);
        Assert.Equal(["default P3"], complaint.PriorityReasons);
        var given = await NewComplaint(Priority.P2);
        Assert.Equal(["set by the facebook connector"], given.PriorityReasons);
    }

    [Fact]
    public async Task New_complaints_go_to_the_least_loaded_online_agent()
    {
        await StaffTeam(agentOnline: true);
        await Team.SetMember("bob", TeamRole.Agent);
        await Online(Agent, "bob");
        await Team.SetMember("carl", TeamRole.Agent);

        var assignees = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            assignees.Add((await NewComplaint()).Assignee);
        }

        Assert.Equal(["ann", "bob", "ann", "bob"], assignees);

        var third = await NewComplaint();
        await Complaint(third.Id).Resolve(null, "ann");
        Assert.Equal("ann", (await NewComplaint()).Assignee);
        await Online(Agent, "bob", "carl");
        Assert.Equal("carl", (await NewComplaint()).Assignee);

        var overview = await Team.GetOverview();
        Assert.Equal([("ann", 3), ("bob", 2), ("carl", 1), ("sue", 0)], overview.Members.Select(m => (m.Username, m.OpenComplaints)));
        Assert.Empty(overview.Queue);
    }

    [Fact]
    public async Task With_no_agent_online_a_complaint_waits_in_the_team_queue_until_assigned()
    {
        await StaffTeam(agentOnline: false);
        var queued = await NewComplaint();
        Assert.Equal(ComplaintStatus.New, queued.Status);
        Assert.Null(queued.Assignee);
        Assert.Equal([queued.Id], (await Team.GetOverview()).Queue);

        var assigned = await Complaint(queued.Id).Assign(Agent, Supervisor);
        Assert.Equal(ComplaintStatus.Assigned, assigned.Status);
        var overview = await Team.GetOverview();
        Assert.Empty(overview.Queue);
        Assert.Equal(1, overview.Members.Single(m => m.Username == Agent).OpenComplaints);
        Assert.Equal([Supervisor], await Team.Recipients(["supervisors"], DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public async Task Grain_references_made_from_the_learned_types_are_the_ones_Orleans_makes()
    {
        var customer = "fb:" + Guid.NewGuid().ToString("N")[..8];
        var complaint = (await NewComplaint(priority: null, customer: customer)).Id;

        // Twice each: a reference is learned from the first one Orleans makes (unless the silo's grains already did).
        for (var i = 0; i < 2; i++)
        {
            AssertSameReference(Client.GetGrain<ICustomerGrain>(customer), Client.Grain<ICustomerGrain>(customer));
            AssertSameReference(Client.GetGrain<IComplaintGrain>(complaint), Client.Grain<IComplaintGrain>(complaint));
            AssertSameReference(Client.GetGrain<ITeamGrain>(TeamName), Client.Grain<ITeamGrain>(TeamName));
        }

        Assert.Equal([complaint], (await Client.Grain<ICustomerGrain>(customer).GetProfile()).OpenComplaints);
        Assert.Equal(complaint, (await Client.Grain<IComplaintGrain>(complaint).GetSummary())?.Id);
    }

    private static void AssertSameReference<T>(T expected, T made)
        where T : IAddressable
    {
        Assert.Equal(expected.GetGrainId(), made.GetGrainId());
        Assert.Equal(((GrainReference)(object)expected).InterfaceType, ((GrainReference)(object)made).InterfaceType);
    }
}
