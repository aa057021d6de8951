using Escalation.Teams;

namespace Escalation.Grains.Teams;

/// <summary>
/// One team: members, their loads, who is online. The team's complaints are listed in the index shards
/// (<see cref="ITeamIndexGrain"/>), so that a team with a million open complaints does not rewrite them all on
/// every change. Presence is not persisted: consoles announce themselves again when they reconnect, so an
/// activation that starts afresh begins with nobody online. While a console is connected the activation is kept, so
/// that presence is not lost to idle collection.
/// </summary>
public sealed class TeamGrain(
    [PersistentState("team", StorageNames.Escalation)] IPersistentState<TeamState> state) : Grain, ITeamGrain
{
    // Connected consoles per member, from every api instance.
    private readonly Dictionary<string, int> consoles = [];
    private IGrainTimer? keepAlive;

    private TeamState S => state.State;

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
        KeepWhileOnline();
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

        KeepWhileOnline();
        return ValueTask.CompletedTask;
    }

    public async ValueTask<string?> AssignNewComplaint(Guid complaintId)
    {
        var agent = S.Members
            .Where(member => member.Value == TeamRole.Agent && consoles.ContainsKey(member.Key))
            .Select(member => member.Key)
            .OrderBy(name => S.Loads.GetValueOrDefault(name))
            .ThenBy(name => name, StringComparer.Ordinal)
            .FirstOrDefault();
        await TrackComplaint(complaintId, agent, open: true);
        return agent;
    }

    public async ValueTask TrackComplaint(Guid complaintId, string? assignee, bool open)
    {
        var before = await GrainFactory.GetGrain<ITeamIndexGrain>(ITeamIndexGrain.KeyOf(this.GetPrimaryKeyString(), complaintId))
            .Track(complaintId, new TrackedComplaint(assignee, open));
        var changed = false;
        if (before is { Open: true, Assignee: { } previous } && (previous != assignee || !open))
        {
            S.Loads[previous] = Math.Max(0, S.Loads.GetValueOrDefault(previous) - 1);
            changed = true;
        }

        if (open && assignee is not null && (before is not { Open: true } || before.Assignee != assignee))
        {
            S.Loads[assignee] = S.Loads.GetValueOrDefault(assignee) + 1;
            changed = true;
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    public ValueTask<IReadOnlyList<string>> GetSupervisors() =>
        ValueTask.FromResult<IReadOnlyList<string>>(
            [.. S.Members.Where(member => member.Value == TeamRole.Supervisor).Select(member => member.Key).Order(StringComparer.Ordinal)]);

    public async ValueTask<IReadOnlyList<Guid>> GetComplaintIds(bool open) => await Gather(open, unassignedOnly: false);

    public async ValueTask<TeamOverview> GetOverview() =>
        new(this.GetPrimaryKeyString(),
            [.. S.Members.OrderBy(member => member.Key, StringComparer.Ordinal)
                .Select(member => new AgentLoad(member.Key, member.Value, consoles.ContainsKey(member.Key), S.Loads.GetValueOrDefault(member.Key)))],
            await Gather(open: true, unassignedOnly: true));

    private async Task<List<Guid>> Gather(bool open, bool unassignedOnly)
    {
        var team = this.GetPrimaryKeyString();
        var shards = await Task.WhenAll(Enumerable.Range(0, ITeamIndexGrain.Shards)
            .Select(shard => GrainFactory.GetGrain<ITeamIndexGrain>(ITeamIndexGrain.KeyOf(team, shard)).GetIds(open, unassignedOnly).AsTask()));
        return [.. shards.SelectMany(ids => ids)];
    }

    private void KeepWhileOnline()
    {
        if (consoles.Count > 0)
        {
            keepAlive ??= this.RegisterGrainTimer(
                () => Task.CompletedTask, new GrainTimerCreationOptions(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)) { KeepAlive = true });
        }
        else
        {
            keepAlive?.Dispose();
            keepAlive = null;
        }
    }
}
