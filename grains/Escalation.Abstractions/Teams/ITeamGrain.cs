using Escalation.Escalations;
using Orleans.Concurrency;

namespace Escalation.Teams;

/// <summary>
/// One team (key: its name): members and supervisors, who is online, and the open complaints each holds.
/// New complaints go to the least-loaded online agent below capacity, else stay in the team queue; when an agent comes
/// online or drops below capacity, the most urgent queued complaints go to them.
/// </summary>
public interface ITeamGrain : IGrainWithStringKey
{
    ValueTask SetMember(string username, TeamRole role);

    ValueTask RemoveMember(string username);

    /// <summary>Who of the team is online now, as <see cref="ITeamPresenceGrain"/> tells it on every change.</summary>
    ValueTask SetOnline(IReadOnlyList<string> members);

    /// <summary>
    /// Gives a new complaint to the least-loaded online agent below capacity and returns that agent, or null when there
    /// is none and the complaint waits in the team queue; with the team's escalation chain for the complaint to keep.
    /// </summary>
    ValueTask<NewAssignment> AssignNewComplaint();

    /// <summary>
    /// Moves a complaint from <paramref name="assignee"/> to the least-loaded other online agent below capacity, and
    /// returns that agent, or null: the team queue. Interleaves, for the same reason as <see cref="MoveLoad"/>.
    /// </summary>
    [AlwaysInterleave]
    ValueTask<string?> Reassign(string? assignee);

    /// <summary>
    /// An open complaint moved from one holder to another (null: the queue, or not open). Interleaves: a complaint the
    /// team is giving to an agent tells it so while the team waits for it.
    /// </summary>
    [AlwaysInterleave]
    ValueTask MoveLoad(string? previousHolder, string? newHolder);

    /// <summary>
    /// The usernames a level of the escalation chain tells at <paramref name="now"/> (<see cref="NotifyTargets"/>):
    /// <c>onDuty</c> resolves by the roster then, falling back to all the team's supervisors. Interleaves, for the same
    /// reason as <see cref="MoveLoad"/> (a complaint escalating asks it).
    /// </summary>
    [AlwaysInterleave]
    ValueTask<IReadOnlyList<string>> Recipients(IReadOnlyList<string> notify, DateTimeOffset now);

    ValueTask<EscalationChain?> GetEscalation();

    /// <summary>Sets the chain new complaints of the team keep (null: the default).</summary>
    /// <exception cref="ArgumentException">The chain is invalid.</exception>
    ValueTask SetEscalation(EscalationChain? chain);

    ValueTask<Roster> GetRoster();

    /// <exception cref="ArgumentException">The roster is invalid.</exception>
    ValueTask SetRoster(Roster roster);

    ValueTask<TeamRouting> GetRouting();

    /// <summary>Sets the capacities; agents now below theirs take queued complaints.</summary>
    ValueTask SetRouting(TeamRouting routing);

    /// <summary>Gives queued complaints, the most urgent first, to online agents below capacity, the least loaded first.</summary>
    [OneWay]
    ValueTask Route();

    ValueTask<TeamOverview> GetOverview();
}
