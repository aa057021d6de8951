namespace Escalation.Teams;

/// <summary>
/// One team (key: its name): members and supervisors, who is online, and the open complaints each holds.
/// New complaints go to the least-loaded online agent, else stay in the team queue.
/// </summary>
public interface ITeamGrain : IGrainWithStringKey
{
    ValueTask SetMember(string username, TeamRole role);

    ValueTask RemoveMember(string username);

    /// <summary>Online while a console of the user is connected.</summary>
    ValueTask SetOnline(string username, bool online);

    /// <summary>
    /// Gives a new complaint to the least-loaded online agent and returns that agent, or null when none is
    /// online and the complaint waits in the team queue.
    /// </summary>
    ValueTask<string?> AssignNewComplaint(Guid complaintId);

    /// <summary>Records who holds an open complaint (null: the queue); <paramref name="open"/> false forgets it.</summary>
    ValueTask TrackComplaint(Guid complaintId, string? assignee, bool open);

    ValueTask<IReadOnlyList<string>> GetSupervisors();

    ValueTask<TeamOverview> GetOverview();
}
