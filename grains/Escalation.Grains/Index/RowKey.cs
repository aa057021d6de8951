using Escalation.Complaints;
using Escalation.Queues;

namespace Escalation.Grains.Index;

/// <summary>A row's place in list order, as numbers: the next deadline (none: last), when written (both to the millisecond), id.</summary>
internal readonly record struct RowKey(long Due, long Created, Guid Id) : IComparable<RowKey>
{
    public static RowKey Of(ComplaintSummary row) => Of(ComplaintCursor.Of(row));

    public static RowKey Of(ComplaintCursor cursor) => new(cursor.DueKey, cursor.CreatedKey, cursor.Id);


    public int CompareTo(RowKey other) =>
        Due != other.Due ? Due.CompareTo(other.Due)
        : Created != other.Created ? Created.CompareTo(other.Created)
        : Id.CompareTo(other.Id);
}
