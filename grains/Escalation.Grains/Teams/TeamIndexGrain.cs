using Escalation.Teams;

namespace Escalation.Grains.Teams;

public sealed class TeamIndexGrain([PersistentState("teamIndex", StorageNames.Escalation)] IPersistentState<TeamIndexState> state)
    : Grain, ITeamIndexGrain
{
    /// <summary>Per shard; with 256 shards a team lists its latest 1,024 resolved or closed complaints.</summary>
    public const int ClosedKept = 4;

    private TeamIndexState S => state.State;

    public async ValueTask<TrackedComplaint?> Track(Guid complaintId, TrackedComplaint now)
    {
        TrackedComplaint? before = S.Open.TryGetValue(complaintId, out var holder) ? new(holder, true)
            : S.RecentlyClosed.Contains(complaintId) ? new(null, false)
            : null;
        if (before is { Open: true } && before.Assignee == now.Assignee && now.Open)
        {
            return before;
        }

        S.Open.Remove(complaintId);
        S.RecentlyClosed.Remove(complaintId);
        if (now.Open)
        {
            S.Open[complaintId] = now.Assignee;
        }
        else
        {
            S.RecentlyClosed.Add(complaintId);
            if (S.RecentlyClosed.Count > ClosedKept)
            {
                S.RecentlyClosed.RemoveAt(0);
            }
        }

        await state.WriteStateAsync();
        return before;
    }

    public ValueTask<IReadOnlyList<Guid>> GetIds(bool open, bool unassignedOnly) =>
        ValueTask.FromResult<IReadOnlyList<Guid>>(open
            ? [.. S.Open.Where(entry => !unassignedOnly || entry.Value is null).Select(entry => entry.Key)]
            : [.. S.RecentlyClosed]);
}
