using Escalation.Grains.Index;
using Escalation.Queues;
using Escalation.Teams;

namespace Escalation.Grains.Teams;

/// <summary>
/// One team: members, who is online, how many open complaints each holds. The loads are counted from the complaint
/// index when the team activates and kept up to date as complaints move; the complaints themselves are only in the
/// index. Who is online comes from the team's presence grain (leases the api instances renew): it tells every change,
/// and an activation that starts afresh (after idle collection or a failed write) asks it.
/// </summary>
public sealed class TeamGrain(
    [PersistentState("team", StorageNames.Escalation)] IPersistentState<TeamState> state,
    IComplaintIndex index) : Grain, ITeamGrain
{
    private HashSet<string> online = [];
    private Dictionary<string, int> loads = [];

    private TeamState S => state.State;

    private string Name => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        loads = new(await index.Loads(Name));
        online = [.. await GrainFactory.GetGrain<ITeamPresenceGrain>(Name).GetOnline()];
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

    public ValueTask SetOnline(IReadOnlyList<string> members)
    {
        online = [.. members];
        return ValueTask.CompletedTask;
    }

    public ValueTask<string?> AssignNewComplaint()
    {
        var agent = S.Members
            .Where(member => member.Value == TeamRole.Agent && online.Contains(member.Key))
            .Select(member => member.Key)
            .OrderBy(name => loads.GetValueOrDefault(name))
            .ThenBy(name => name, StringComparer.Ordinal)
            .FirstOrDefault();
        Move(null, agent);
        return ValueTask.FromResult(agent);
    }

    public ValueTask MoveLoad(string? previousHolder, string? newHolder)
    {
        Move(previousHolder, newHolder);
        return ValueTask.CompletedTask;
    }

    private void Move(string? from, string? to)
    {
        if (from is not null)
        {
            loads[from] = Math.Max(0, loads.GetValueOrDefault(from) - 1);
        }

        if (to is not null)
        {
            loads[to] = loads.GetValueOrDefault(to) + 1;
        }
    }

    public ValueTask<IReadOnlyList<string>> GetSupervisors() =>
        ValueTask.FromResult<IReadOnlyList<string>>(
            [.. S.Members.Where(member => member.Value == TeamRole.Supervisor).Select(member => member.Key).Order(StringComparer.Ordinal)]);

    public async ValueTask<TeamOverview> GetOverview()
    {
        var queue = await index.Page(new ComplaintQuery([Name], Assignee: AssigneeFilter.Nobody, Limit: TeamOverview.QueueShown));
        return new TeamOverview(
            Name,
            [.. S.Members.OrderBy(member => member.Key, StringComparer.Ordinal)
                .Select(member => new AgentLoad(member.Key, member.Value, online.Contains(member.Key), loads.GetValueOrDefault(member.Key)))],
            [.. queue.Rows.Select(row => row.Id)],
            queue.Total);
    }
}
