using Escalation.Tests.Shared;
using Orleans.TestingHost;
using Escalation.Complaints;
using Escalation.Sla;
using Escalation.Teams;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Tests.Cluster;

/// <summary>
/// Base of the tests against the shared cluster. Each test works in a team of its own (agent <c>ann</c>,
/// supervisor <c>sue</c>), so assignments and loads never mix between tests.
/// </summary>
[Collection(ClusterCollection.Name)]
public abstract class ClusterTest(ClusterFixture fixture)
{
    protected const string Agent = "ann";
    protected const string Supervisor = "sue";

    protected string TeamName { get; } = "team-" + Guid.NewGuid().ToString("N")[..8];

    protected IClusterClient Client => fixture.Client;

    protected FakeTimeProvider Clock => fixture.Clock;

    protected EventRecorder Events => fixture.Events;

    protected InProcessTestCluster Cluster => fixture.Cluster;

    protected ITeamGrain Team => Client.GetGrain<ITeamGrain>(TeamName);

    /// <summary>Moves the clock on, then has the deadline shards read what fell due (see <see cref="DeadlineShards"/>).</summary>
    protected async Task Advance(TimeSpan by)
    {
        Clock.Advance(by);
        await DeadlineShards.Wake(Client);
    }

    protected IComplaintGrain Complaint(Guid id) => Client.GetGrain<IComplaintGrain>(id);

    /// <summary>Waits for the grain's activation, if it still has one, to go (at most 10 s), and checks that it went.</summary>
    protected async Task ActivationGone(IAddressable grain)
    {
        if (Cluster.TryGetGrainContext(grain.GetGrainId(), out var activation))
        {
            await activation.Deactivated.WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.False(Cluster.TryGetGrainContext(grain.GetGrainId(), out _));
    }

    protected async Task StaffTeam(bool agentOnline)
    {
        await Team.SetMember(Agent, TeamRole.Agent);
        await Team.SetMember(Supervisor, TeamRole.Supervisor);
        if (agentOnline)
        {
            await Online(Agent);
        }
    }

    /// <summary>Counts the members online, as an api instance holding a console of each would (a lease of an hour).</summary>
    protected async Task Online(params string[] members) =>
        await Client.GetGrain<ITeamPresenceGrain>(TeamName).Renew("test-api", members, TimeSpan.FromHours(1));

    /// <summary>Creates a complaint with the connector-given priority (P1 by default: 15 min first response).</summary>
    protected async Task<ComplaintSummary> NewComplaint(
        Priority? priority = Priority.P1, string? customer = null, bool isPublic = false, DateTimeOffset? createdAt = null)
    {
        var id = Guid.NewGuid();
        var result = await Complaint(id).Create(new NewComplaint(
            "facebook",
            "fb-" + id.ToString("N")[..10],
            new CustomerRef(customer ?? "fb:" + id.ToString("N")[..6], "Mari Maasikas"),
            "Jahutuskapp üldse ei tööta",
            isPublic,
            TeamName,
            CreatedAt: createdAt,
            Priority: priority));
        Assert.False(result.Duplicate);
        return result.Complaint;
    }

    protected async Task<ComplaintDetails> Details(Guid id) =>
        await Complaint(id).GetDetails() ?? throw new InvalidOperationException($"Complaint {id} is missing.");

    protected async Task<IReadOnlyList<TimelineEntry>> Timeline(Guid id, TimelineType type) =>
        [.. (await Details(id)).Timeline.Where(entry => entry.Type == type)];
}
