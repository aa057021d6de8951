namespace Escalation.Teams;

/// <summary>
/// One team (key: its name): members and supervisors, who is online, and the open complaints each holds.
/// New complaints go to the least-loaded online agent, else stay in the team queue.
/// </summary>
public interface ITeamGrain : IGrainWithStringKey
{
    ValueTask SetMember(string username, TeamRole role);

    ValueTask RemoveMember(string username);

    /// <summary>Who of the team is online now, as <see cref="ITeamPresenceGrain"/> tells it on every change.</summary>
    ValueTask SetOnline(IReadOnlyList<string> members);

    /// <summary>
    /// Gives a new complaint to the least-loaded online agent and returns that agent, or null when none is
    /// online and the complaint waits in the team queue.
    /// </summary>
    ValueTask<string?> AssignNewComplaint();

    /// <summary>An open complaint moved from one holder to another (null: the queue, or not open).</summary>
    ValueTask MoveLoad(string? previousHolder, string? newHolder);

    ValueTask<IReadOnlyList<string>> GetSupervisors();

    ValueTask<TeamOverview> GetOverview();
}
