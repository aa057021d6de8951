using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace Escalation.Queues;

/// <summary>
/// Where a page ended: the sort key of its last row (next deadline, written at, id). The next page starts after it, so
/// rows added or removed meanwhile never shift a page: a row that did not change is listed once. Opaque to clients
/// (base64url).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ComplaintCursor([property: Id(0)] DateTimeOffset? NextDueAt, [property: Id(1)] DateTimeOffset CreatedAt, [property: Id(2)] Guid Id)
{
    private const int Length = 8 + 8 + 16;

    /// <summary>The sort key of a row: rows without a running deadline sort after every deadline.</summary>
    public static ComplaintCursor Of(Complaints.ComplaintSummary row) => new(row.NextDueAt, row.CreatedAt, row.Id);

    /// <summary>
    /// The next deadline as lists are ordered by it: to the millisecond, as the api shows instants, so that a client
    /// placing a live row among those it holds agrees with the pages (rows of the same millisecond follow their ids).
    /// </summary>
    public long DueKey => NextDueAt is { } due ? Millisecond(due) : long.MaxValue;

    /// <summary>When the customer wrote, to the millisecond (see <see cref="DueKey"/>).</summary>
    public long CreatedKey => Millisecond(CreatedAt);

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes, Due(this));
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], CreatedAt.UtcTicks);
        Id.TryWriteBytes(bytes[16..]);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out ComplaintCursor? cursor)
    {
        cursor = null;
        Span<byte> bytes = stackalloc byte[Length];
        var padded = (text ?? "").Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        if (!Convert.TryFromBase64String(padded, bytes, out var written) || written != Length)
        {
            return false;
        }

        var due = BinaryPrimitives.ReadInt64BigEndian(bytes);
        var created = BinaryPrimitives.ReadInt64BigEndian(bytes[8..]);
        if (!IsTicks(created) || (due != long.MaxValue && !IsTicks(due)))
        {
            return false;
        }

        cursor = new ComplaintCursor(due == long.MaxValue ? null : new DateTimeOffset(due, TimeSpan.Zero), new DateTimeOffset(created, TimeSpan.Zero), new Guid(bytes[16..]));
        return true;
    }

    private static long Due(ComplaintCursor cursor) => cursor.NextDueAt?.UtcTicks ?? long.MaxValue;

    private static long Millisecond(DateTimeOffset at) => at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond);

    private static bool IsTicks(long ticks) => ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks;
}
