namespace Escalation.Teams;

/// <summary>
/// One team (key: its name): members and supervisors, who is online, and the open complaints each holds.
/// New complaints go to the least-loaded online agent, else stay in the team queue.
/// </summary>
public interface ITeamGrain : IGrainWithStringKey
{
    ValueTask SetMember(string username, TeamRole role);

    ValueTask RemoveMember(string username);

    /// <summary>A console of the member connected: the member is online while at least one is connected.</summary>
    ValueTask ConsoleConnected(string username);

    ValueTask ConsoleDisconnected(string username);

    /// <summary>
    /// Gives a new complaint to the least-loaded online agent and returns that agent, or null when none is
    /// online and the complaint waits in the team queue.
    /// </summary>
    ValueTask<string?> AssignNewComplaint(Guid complaintId);

    /// <summary>Records who holds an open complaint (null: the queue); <paramref name="open"/> false forgets it.</summary>
    ValueTask TrackComplaint(Guid complaintId, string? assignee, bool open);

    ValueTask<IReadOnlyList<string>> GetSupervisors();

    /// <summary>The team's open complaints, or its most recently resolved or closed ones (from the index shards).</summary>
    ValueTask<IReadOnlyList<Guid>> GetComplaintIds(bool open);

    ValueTask<TeamOverview> GetOverview();
}
