using Escalation.Complaints;
using Escalation.Queues;

namespace Escalation.Grains.Index;

/// <summary>A row's place in list order, as numbers: the next deadline (none: last), when written, id.</summary>
internal readonly record struct RowKey(long Due, long Created, Guid Id) : IComparable<RowKey>
{
    public static RowKey Of(ComplaintSummary row) => new(row.NextDueAt?.UtcTicks ?? long.MaxValue, row.CreatedAt.UtcTicks, row.Id);

    public static RowKey Of(ComplaintCursor cursor) => new(cursor.NextDueAt?.UtcTicks ?? long.MaxValue, cursor.CreatedAt.UtcTicks, cursor.Id);


    public int CompareTo(RowKey other) =>
        Due != other.Due ? Due.CompareTo(other.Due)
        : Created != other.Created ? Created.CompareTo(other.Created)
        : Id.CompareTo(other.Id);
}
