using Escalation.Queues;

namespace Escalation.Grains.Index;

/// <summary>A complaint's wake-up: the instant it has something to do (an alert, closing, a delivery to retry).</summary>
public readonly record struct DueWake(Guid Id, DateTimeOffset At);

/// <summary>
/// The complaint index: one row per complaint, kept by the grain storage in the same write as the complaint's state
/// (<see cref="ComplaintProjection"/>), so that lists and deadlines never wake complaint grains and never disagree with
/// what was stored. The embedded default keeps it in memory, the durable profile in PostgreSQL.
/// </summary>
public interface IComplaintIndex
{
    /// <summary>A page of complaint rows in the contract's order.</summary>
    Task<ComplaintPage> Page(ComplaintQuery query);

    /// <summary>The wake-ups of a deadline shard due by <paramref name="until"/>, earliest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<DueWake>> Due(int shard, DateTimeOffset until, int max);

    /// <summary>How many open complaints each member of the team holds.</summary>
    Task<IReadOnlyDictionary<string, int>> Loads(string team);
}
