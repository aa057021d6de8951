using Escalation.Teams;

namespace Escalation.Grains.Teams;

/// <summary>
/// One team. Presence is not persisted: consoles announce it again when they reconnect, so an activation
/// that starts afresh begins with nobody online.
/// </summary>
public sealed class TeamGrain(
    [PersistentState("team", StorageNames.Escalation)] IPersistentState<TeamState> state) : Grain, ITeamGrain
{
    private readonly HashSet<string> onlineMembers = [];

    // Derived from the open complaints on activation and kept in step, so that picking an agent does not
    // count every open complaint of the team.
    private Dictionary<string, int> loads = [];

    private TeamState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        loads = S.OpenComplaints.Values.OfType<string>().CountBy(agent => agent).ToDictionary();
        return Task.CompletedTask;
    }

    public async ValueTask SetMember(string username, TeamRole role)
    {
        if (S.Members.TryGetValue(username, out var current) && current == role)
        {
            return;
        }

        S.Members[username] = role;
        await state.WriteStateAsync();
    }

    public async ValueTask RemoveMember(string username)
    {
        if (S.Members.Remove(username))
        {
            onlineMembers.Remove(username);
            await state.WriteStateAsync();
        }
    }

    public ValueTask SetOnline(string username, bool online)
    {
        if (online && S.Members.ContainsKey(username))
        {
            onlineMembers.Add(username);
        }
        else
        {
            onlineMembers.Remove(username);
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask<string?> AssignNewComplaint(Guid complaintId)
    {
        var agent = S.Members
            .Where(member => member.Value == TeamRole.Agent && onlineMembers.Contains(member.Key))
            .Select(member => member.Key)
            .OrderBy(name => loads.GetValueOrDefault(name))
            .ThenBy(name => name, StringComparer.Ordinal)
            .FirstOrDefault();
        await TrackComplaint(complaintId, agent, open: true);
        return agent;
    }

    public async ValueTask TrackComplaint(Guid complaintId, string? assignee, bool open)
    {
        var changed = open
            ? !S.OpenComplaints.TryGetValue(complaintId, out var current) || current != assignee
            : S.OpenComplaints.ContainsKey(complaintId);
        if (!changed)
        {
            return;
        }

        if (S.OpenComplaints.Remove(complaintId, out var previous) && previous is not null)
        {
            loads[previous]--;
        }

        if (open)
        {
            S.OpenComplaints[complaintId] = assignee;
            if (assignee is not null)
            {
                loads[assignee] = loads.GetValueOrDefault(assignee) + 1;
            }
        }

        await state.WriteStateAsync();
    }

    public ValueTask<IReadOnlyList<string>> GetSupervisors() =>
        ValueTask.FromResult<IReadOnlyList<string>>(
            [.. S.Members.Where(member => member.Value == TeamRole.Supervisor).Select(member => member.Key).Order(StringComparer.Ordinal)]);

    public ValueTask<TeamOverview> GetOverview() =>
        ValueTask.FromResult(new TeamOverview(
            this.GetPrimaryKeyString(),
            [.. S.Members.OrderBy(member => member.Key, StringComparer.Ordinal)
                .Select(member => new AgentLoad(member.Key, member.Value, onlineMembers.Contains(member.Key), loads.GetValueOrDefault(member.Key)))],
            [.. S.OpenComplaints.Where(entry => entry.Value is null).Select(entry => entry.Key)]));
}
