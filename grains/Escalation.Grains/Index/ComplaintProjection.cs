using System.Text;
using Escalation.Complaints;

namespace Escalation.Grains.Index;

/// <summary>
/// What the index stores of a complaint: its list row and the columns lists are filtered and ordered by. The search
/// column (customer, name and text, folded) is UTF-8. PostgreSQL stores these as a row; the embedded index packs them
/// into an <see cref="IndexRow"/>.
/// </summary>
public sealed record IndexedComplaint(ComplaintSummary Row, int Shard, DateTimeOffset? WakeAt, bool Escalated)
{
    public bool Open => Row.IsOpen;

    /// <summary>
    /// Folded when first read: the embedded index keeps the column it has when the texts did not change, as on most
    /// writes (a deadline raised, an assignment), rather than fold the same text again (docs/benchmarks.md).
    /// </summary>
    public byte[] Search => field ??= Encoding.UTF8.GetBytes(Folding.ForSearch($"{Row.CustomerId}\n{Row.CustomerName}\n{Row.Text}"));

    /// <summary>Whether the warning of the next deadline has gone out (the deadline still running, missed or not).</summary>
    public bool Warned => Row is { IsOpen: true, NextDueAt: not null, NextWarningAt: null };
}

/// <summary>Turns a stored complaint state into its index row; the grain storages call it on every write.</summary>
public sealed class ComplaintProjection(int shards)
{
    public int Shards => shards;

    /// <summary>The deadline shard of a complaint: a stable hash of its id.</summary>
    public int ShardOf(Guid id) => (int)((uint)id.GetHashCode() % (uint)shards);

    /// <summary>The index row of a stored state, or null for a state that is no complaint's (not yet created).</summary>
    public IndexedComplaint? Of(GrainId grainId, object state)
    {
        if (state is not ComplaintState { Origin: not null } complaint)
        {
            return null;
        }

        var id = grainId.GetGuidKey();
        var row = ComplaintSummary.Of(id, complaint).AsRow();
        return new IndexedComplaint(row, ShardOf(id), complaint.WakeAt, row.EscalationLevel > 0 && !row.EscalationAcknowledged && row.IsOpen);
    }
}
