namespace Escalation.Teams;

/// <summary>Where a complaint stands in its team's index: who holds it (null: the queue) and whether it is open.</summary>
[GenerateSerializer, Immutable]
public sealed record TrackedComplaint([property: Id(0)] string? Assignee, [property: Id(1)] bool Open);

/// <summary>
/// One shard of a team's complaint index (key: <c>{team}/{shard}</c>, a complaint's shard from its id), so that
/// recording a complaint rewrites a small slice, not the whole team's list.
/// </summary>
public interface ITeamIndexGrain : IGrainWithStringKey
{
    public const int Shards = 256;

    /// <summary>Records where the complaint stands now; returns where it stood before (null when new to the index).</summary>
    ValueTask<TrackedComplaint?> Track(Guid complaintId, TrackedComplaint now);

    /// <summary>Open complaints (or the recently closed ones) of this shard; <paramref name="unassignedOnly"/> for the queue.</summary>
    ValueTask<IReadOnlyList<Guid>> GetIds(bool open, bool unassignedOnly);

    public static string KeyOf(string team, Guid complaintId) => KeyOf(team, (int)((uint)complaintId.GetHashCode() % Shards));

    public static string KeyOf(string team, int shard) => $"{team}/{shard}";
}
