using Escalation.Complaints;
using Escalation.Directory;
using Escalation.Escalations;
using Escalation.Grains.Index;
using Escalation.Queues;
using Escalation.Teams;

namespace Escalation.Grains.Teams;

/// <summary>
/// One team: members, who is online, how many open complaints each holds. The loads are counted from the complaint
/// index when the team activates and kept up to date as complaints move; the complaints themselves are only in the
/// index. Who is online comes from the team's presence grain (leases the api instances renew): it tells every change,
/// and an activation that starts afresh (after idle collection or a failed write) asks it. Queued complaints go to
/// agents as they come online or drop below capacity (<see cref="Route"/>), a batch per turn so that new complaints
/// are not held up behind a long queue.
/// </summary>
public sealed class TeamGrain(
    [PersistentState("team", StorageNames.Escalation)] IPersistentState<TeamState> state,
    IComplaintIndex index) : Grain, ITeamGrain
{
    private const int RouteBatch = 20;
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

    public async ValueTask SetOnline(IReadOnlyList<string> members)
    {
        var arrived = members.Except(online).Any();
        online = [.. members];
        if (arrived)
        {
            await Self.Route();
        }
    }

    public ValueTask<NewAssignment> AssignNewComplaint()
    {
        var agent = LeastLoadedFree();
        Move(null, agent);
        return ValueTask.FromResult(new NewAssignment(agent, S.Chain));
    }

    public ValueTask<string?> Reassign(string? assignee)
    {
        var agent = LeastLoadedFree(except: assignee);
        Move(assignee, agent);
        return ValueTask.FromResult(agent);
    }

    public async ValueTask MoveLoad(string? previousHolder, string? newHolder)
    {
        Move(previousHolder, newHolder);
        if (previousHolder is not null && IsFree(previousHolder))
        {
            await Self.Route();
        }
    }

    public ValueTask<TeamRouting> GetRouting() => ValueTask.FromResult(S.Routing);

    public async ValueTask SetRouting(TeamRouting routing)
    {
        S.Routing = routing;
        await state.WriteStateAsync();
        await Self.Route();
    }

    /// <remarks>
    /// A complaint taken meanwhile (assigned by hand, resolved) is skipped; when a batch gave nothing away, routing stops
    /// until the next change, so that a stale page never makes it spin.
    /// </remarks>
    public async ValueTask Route()
    {
        if (LeastLoadedFree() is null)
        {
            return;
        }

        var queued = await index.Page(new ComplaintQuery([Name], Assignee: AssigneeFilter.Nobody, Limit: RouteBatch));
        var given = 0;
        foreach (var row in queued.Rows)
        {
            if (LeastLoadedFree() is not { } agent)
            {
                return;
            }

            given += await GrainFactory.Grain<IComplaintGrain>(row.Id).AssignFromQueue(agent) ? 1 : 0;
        }

        if (given > 0 && queued.Total > queued.Rows.Count)
        {
            await Self.Route();
        }
    }

    private ITeamGrain Self => this.AsReference<ITeamGrain>();

    private bool IsFree(string agent) =>
        online.Contains(agent) && S.Members.GetValueOrDefault(agent) == TeamRole.Agent
        && loads.GetValueOrDefault(agent) < (S.Routing.CapacityOf(agent) ?? int.MaxValue);

    private string? LeastLoadedFree(string? except = null) => S.Members.Keys
        .Where(name => name != except && IsFree(name))
        .OrderBy(name => loads.GetValueOrDefault(name))
        .ThenBy(name => name, StringComparer.Ordinal)
        .FirstOrDefault();

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

    public async ValueTask<IReadOnlyList<string>> Recipients(IReadOnlyList<string> notify, DateTimeOffset now)
    {
        var managers = notify.Contains(NotifyTargets.Managers)
            ? (await GrainFactory.GetGrain<IDirectoryGrain>(0).GetUsers()).Where(user => user.Role == UserRole.Manager).Select(user => user.Username)
            : [];
        return
        [
            .. notify.SelectMany(target => target switch
            {
                NotifyTargets.Supervisors => Supervisors(),
                NotifyTargets.OnDuty => OnDuty(now),
                NotifyTargets.Team => S.Members.Keys,
                NotifyTargets.Managers => managers,
                _ => NotifyTargets.UserOf(target) is { } user ? [user] : [],
            }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal),
        ];
    }

    public ValueTask<EscalationChain?> GetEscalation() => ValueTask.FromResult(S.Chain);

    public async ValueTask SetEscalation(EscalationChain? chain)
    {
        if (chain?.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }

        S.Chain = chain;
        await state.WriteStateAsync();
    }

    public ValueTask<Roster> GetRoster() => ValueTask.FromResult(S.Roster ?? Roster.Empty);

    public async ValueTask SetRoster(Roster roster)
    {
        if (roster.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }

        S.Roster = roster;
        await state.WriteStateAsync();
    }

    private IReadOnlyList<string> Supervisors() =>
        [.. S.Members.Where(member => member.Value == TeamRole.Supervisor).Select(member => member.Key).Order(StringComparer.Ordinal)];

    /// <summary>The team's supervisors on duty by the roster, else all of them.</summary>
    private IReadOnlyList<string> OnDuty(DateTimeOffset now)
    {
        var supervisors = Supervisors();
        var onDuty = (S.Roster ?? Roster.Empty).OnDuty(now).Where(supervisors.Contains).ToList();
        return onDuty.Count > 0 ? onDuty : supervisors;
    }

    public async ValueTask<TeamOverview> GetOverview()
    {
        var queue = await index.Page(new ComplaintQuery([Name], Assignee: AssigneeFilter.Nobody, Limit: TeamOverview.QueueShown));
        return new TeamOverview(
            Name,
            [.. S.Members.OrderBy(member => member.Key, StringComparer.Ordinal)
                .Select(member => new AgentLoad(member.Key, member.Value, online.Contains(member.Key), loads.GetValueOrDefault(member.Key),
                    member.Value == TeamRole.Agent ? S.Routing.CapacityOf(member.Key) : null))],
            [.. queue.Rows.Select(row => row.Id)],
            queue.Total);
    }
}
