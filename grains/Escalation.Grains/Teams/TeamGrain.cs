using Escalation.Teams;

namespace Escalation.Grains.Teams;

/// <summary>
/// One team. Presence is not persisted: consoles announce themselves again when they reconnect, so an
/// activation that starts afresh begins with nobody online.
/// </summary>
public sealed class TeamGrain(
    [PersistentState("team", StorageNames.Escalation)] IPersistentState<TeamState> state) : Grain, ITeamGrain
{
    public const int HistoryKept = 1000;

    // Connected consoles per member, from every api instance.
    private readonly Dictionary<string, int> consoles = [];

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
            await state.WriteStateAsync();
        }
    }

    public ValueTask ConsoleConnected(string username)
    {
        consoles[username] = consoles.GetValueOrDefault(username) + 1;
        return ValueTask.CompletedTask;
    }

    public ValueTask ConsoleDisconnected(string username)
    {
        if (consoles.GetValueOrDefault(username) <= 1)
        {
            consoles.Remove(username);
        }
        else
        {
            consoles[username]--;
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask<string?> AssignNewComplaint(Guid complaintId)
    {
        var agent = S.Members
            .Where(member => member.Value == TeamRole.Agent && consoles.ContainsKey(member.Key))
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

        S.RecentlyClosed.Remove(complaintId);
        if (open)
        {
            S.OpenComplaints[complaintId] = assignee;
            if (assignee is not null)
            {
                loads[assignee] = loads.GetValueOrDefault(assignee) + 1;
            }
        }
        else
        {
            S.RecentlyClosed.Add(complaintId);
            if (S.RecentlyClosed.Count > HistoryKept)
            {
                S.RecentlyClosed.RemoveAt(0);
            }
        }

        await state.WriteStateAsync();
    }

    public ValueTask<IReadOnlyList<string>> GetSupervisors() =>
        ValueTask.FromResult<IReadOnlyList<string>>(
            [.. S.Members.Where(member => member.Value == TeamRole.Supervisor).Select(member => member.Key).Order(StringComparer.Ordinal)]);

    public ValueTask<IReadOnlyList<Guid>> GetComplaintIds(bool open) =>
        ValueTask.FromResult<IReadOnlyList<Guid>>(open ? [.. S.OpenComplaints.Keys] : [.. S.RecentlyClosed]);

    public ValueTask<TeamOverview> GetOverview() =>
        ValueTask.FromResult(new TeamOverview(
            this.GetPrimaryKeyString(),
            [.. S.Members.OrderBy(member => member.Key, StringComparer.Ordinal)
                .Select(member => new AgentLoad(member.Key, member.Value, consoles.ContainsKey(member.Key), loads.GetValueOrDefault(member.Key)))],
            [.. S.OpenComplaints.Where(entry => entry.Value is null).Select(entry => entry.Key)]));
}
