using Escalation.Complaints;
using Escalation.Escalations;
using Escalation.Events;
using Escalation.Teams;

namespace Escalation.Tests.Cluster;

/// <summary>
/// A team's escalation chain through the runtime on the default P1 policy (first response 15 min): each level woken by
/// the deadline shards on the second after the complaint was deactivated, to the recipients the team resolves then.
/// </summary>
public sealed class ChainTests(ClusterFixture fixture) : ClusterTest(fixture)
{
    private const string Night = "sam";

    [Fact]
    public async Task Each_level_fires_on_its_second_after_deactivation_to_whom_the_team_names_at_that_moment()
    {
        await StaffTeam(agentOnline: true);
        await Team.SetMember(Night, TeamRole.Supervisor);
        var start = Clock.GetUtcNow();
        await Team.SetRoster(new Roster("Europe/Tallinn", [], [new RosterOverride(Night, start.AddMinutes(16), start.AddMinutes(30))]));
        await Team.SetEscalation(new EscalationChain(
        [
            new EscalationLevel(TimeSpan.Zero, [NotifyTargets.OnDuty]),
            new EscalationLevel(TimeSpan.FromMinutes(5), [NotifyTargets.OnDuty]),
            new EscalationLevel(TimeSpan.FromMinutes(5), ["user:boss", NotifyTargets.Supervisors]),
        ]));
        var created = await NewComplaint();
        var due = created.CreatedAt.AddMinutes(15);

        // Nobody on shift at the deadline: every supervisor; Sam's override covers the second level alone.
        await Cluster.DeactivateAsync(Complaint(created.Id));
        await Advance(TimeSpan.FromMinutes(15));
        Assert.Equal((due, "sam,sue"), Of(await Level(created.Id, 1)));

        await Cluster.DeactivateAsync(Complaint(created.Id));
        await Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(Events.For(created.Id), e => e.Level == 2);
        await Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((due.AddMinutes(5), Night), Of(await Level(created.Id, 2)));

        await Cluster.DeactivateAsync(Complaint(created.Id));
        await Advance(TimeSpan.FromMinutes(5));
        Assert.Equal((due.AddMinutes(10), "boss,sam,sue"), Of(await Level(created.Id, 3)));

        await Advance(TimeSpan.FromHours(1));
        var escalated = await Timeline(created.Id, TimelineType.Escalated);
        Assert.Equal([1, 2, 3], escalated.Select(entry => entry.Level!.Value));
        Assert.Equal([Night], escalated[1].NotifiedUsers);
        Assert.Equal(3, Events.For(created.Id).Count(e => e.Kind == ComplaintEventKind.ComplaintEscalated));
    }

    [Fact]
    public async Task A_chain_or_roster_the_team_refuses_changes_nothing()
    {
        await StaffTeam(agentOnline: false);
        await Assert.ThrowsAsync<ArgumentException>(async () => await Team.SetEscalation(new EscalationChain([])));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Team.SetRoster(new Roster("Nowhere/Else", [], [])));

        Assert.Null(await Team.GetEscalation());
        Assert.Equal(Roster.Empty, await Team.GetRoster());
        Assert.Equal([Supervisor], await Team.Recipients([NotifyTargets.OnDuty], Clock.GetUtcNow()));
    }

    private Task<ComplaintEvent> Level(Guid id, int level) => Events.WaitFor(id, ComplaintEventKind.ComplaintEscalated, e => e.Level == level);

    private static (DateTimeOffset At, string Recipients) Of(ComplaintEvent escalation) => (escalation.At, string.Join(",", escalation.Recipients!));
}
