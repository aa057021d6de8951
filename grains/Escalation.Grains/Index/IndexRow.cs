using System.Buffers;
using System.Text;
using Escalation.Complaints;
using Escalation.Sla;
using Escalation.Triage;

namespace Escalation.Grains.Index;

/// <summary>A place in list order; the sorted sets of the embedded index hold rows, and bare places bound their views.</summary>
internal class RowPlace(RowKey key)
{
    public RowKey Key => key;

    public static IComparer<RowPlace> ListOrder { get; } = Comparer<RowPlace>.Create((a, b) => a.Key.CompareTo(b.Key));
}

/// <summary>
/// A complaint's row as the embedded index holds it, compact, since a million open complaints each keep one: the texts
/// in one UTF-8 array (external id, customer, links, the preview, then the folded search column), instants without
/// nullable wrappers, and shared objects for the few distinct channels, teams, languages, assignees, policies and lists
/// of reasons. <see cref="Summary"/> builds the contract's row again, only for the rows of the page served. Instants keep
/// their offsets: a deadline counted from the customer's own time carries its offset.
/// </summary>
internal sealed class IndexRow : RowPlace
{
    private const long NoWake = long.MinValue;
    private static readonly DateTimeOffset None = DateTimeOffset.MinValue;

    private readonly byte[] texts;
    private readonly int searchStart;
    private readonly IReadOnlyList<string> priorityReasons;
    private readonly IReadOnlyList<Attachment> attachments;
    private readonly string language, slaPolicy;
    private readonly DateTimeOffset createdAt, receivedAt, firstResponseDueAt, nextResponseDueAt, resolutionDueAt, nextDueAt, nextWarningAt;
    private readonly SlaClockKind? nextDueReason;
    private readonly int escalationLevel;
    private readonly bool isPublic, slaPaused, escalationAcknowledged, textTruncated;

    /// <param name="previous">The complaint's row before this write, if any: its texts are kept when they did not change.</param>
    public IndexRow(IndexedComplaint indexed, IndexRow? previous, Func<string, string> share, Func<IReadOnlyList<string>, IReadOnlyList<string>> shareReasons)
        : base(RowKey.Of(indexed.Row))
    {
        var row = indexed.Row;
        (texts, searchStart) = Pack([row.ExternalId, row.CustomerId, row.CustomerName, row.Url, row.InReplyTo, row.Text], indexed, previous);
        Channel = share(row.Channel);
        Team = share(row.Team);
        Assignee = row.Assignee is { } assignee ? share(assignee) : null;
        language = share(row.Language);
        slaPolicy = share(row.SlaPolicy);
        priorityReasons = shareReasons(row.PriorityReasons);
        attachments = row.Attachments.Count == 0 ? [] : row.Attachments;
        Priority = row.Priority;
        Topic = row.Topic;
        Status = row.Status;
        Shard = indexed.Shard;
        WakeAt = indexed.WakeAt?.UtcTicks ?? NoWake;
        Escalated = indexed.Escalated;
        Warned = indexed.Warned;
        createdAt = row.CreatedAt;
        receivedAt = row.ReceivedAt;
        firstResponseDueAt = row.FirstResponseDueAt ?? None;
        nextResponseDueAt = row.NextResponseDueAt ?? None;
        resolutionDueAt = row.ResolutionDueAt ?? None;
        nextDueAt = row.NextDueAt ?? None;
        nextWarningAt = row.NextWarningAt ?? None;
        nextDueReason = row.NextDueReason;
        escalationLevel = row.EscalationLevel;
        isPublic = row.Public;
        slaPaused = row.SlaPaused;
        escalationAcknowledged = row.EscalationAcknowledged;
        textTruncated = row.TextTruncated;
    }

    public Guid Id => Key.Id;

    public string Channel { get; }

    public string Team { get; }

    public string? Assignee { get; }

    public Priority Priority { get; }

    public Topic Topic { get; }

    public ComplaintStatus Status { get; }

    public bool Open => Status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed);

    /// <summary>See <see cref="IndexedComplaint.Warned"/>.</summary>
    public bool Warned { get; }

    /// <summary>See <see cref="IndexedComplaint.Escalated"/>.</summary>
    public bool Escalated { get; }

    public int Shard { get; }

    /// <summary>When the complaint's deadline shard wakes it, in UTC ticks; <see cref="HasWake"/> false for never.</summary>
    public long WakeAt { get; }

    public bool HasWake => WakeAt != NoWake;

    /// <summary>The folded customer, name and text, UTF-8.</summary>
    public ReadOnlySpan<byte> Search => texts.AsSpan(searchStart);

    public bool DueBefore(DateTimeOffset at) => nextDueAt != None && nextDueAt < at;

    /// <summary>A shard's wake-ups in time order (then by id).</summary>
    public static IComparer<IndexRow> WakeOrder { get; } =
        Comparer<IndexRow>.Create((a, b) => a.WakeAt != b.WakeAt ? a.WakeAt.CompareTo(b.WakeAt) : a.Id.CompareTo(b.Id));

    public ComplaintSummary Summary()
    {
        var reader = new PackedTexts(texts);
        string externalId = reader.Next()!, customerId = reader.Next()!;
        string? customerName = reader.Next(), url = reader.Next(), inReplyTo = reader.Next();
        var text = reader.Next()!;
        return new ComplaintSummary(
            Id, Channel, externalId, customerId, customerName, text, isPublic, url, Priority, priorityReasons, language, Topic, Status,
            Assignee, Team, createdAt, receivedAt, At(firstResponseDueAt), At(nextResponseDueAt),
            At(resolutionDueAt), slaPaused, escalationLevel, escalationAcknowledged, inReplyTo, At(nextDueAt), nextDueReason,
            At(nextWarningAt), [], attachments, slaPolicy, textTruncated);
    }

    private static DateTimeOffset? At(DateTimeOffset at) => at == None ? null : at;

    /// <summary>
    /// The texts, each as its length plus one (0: null) in 7-bit groups and its UTF-8 bytes, then the search column; the
    /// previous row's, when its texts are the same (the search column is folded from them).
    /// </summary>
    private static (byte[] Texts, int SearchStart) Pack(ReadOnlySpan<string?> values, IndexedComplaint indexed, IndexRow? previous)
    {
        Span<int> lengths = stackalloc int[values.Length];
        var size = 0;
        for (var i = 0; i < values.Length; i++)
        {
            lengths[i] = values[i] is { } value ? Encoding.UTF8.GetByteCount(value) : 0;
            size += lengths[i] + LengthSize((uint)lengths[i] + 1);
        }

        var packed = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var at = 0;
            for (var i = 0; i < values.Length; i++)
            {
                for (var prefix = values[i] is null ? 0u : (uint)lengths[i] + 1; ; prefix >>= 7)
                {
                    packed[at++] = (byte)(prefix < 0x80 ? prefix : (prefix & 0x7F) | 0x80);
                    if (prefix < 0x80)
                    {
                        break;
                    }
                }

                at += values[i] is { } value ? Encoding.UTF8.GetBytes(value, packed.AsSpan(at)) : 0;
            }

            if (previous is not null && previous.searchStart == size && packed.AsSpan(0, size).SequenceEqual(previous.texts.AsSpan(0, size)))
            {
                return (previous.texts, size);
            }

            var bytes = new byte[size + indexed.Search.Length];
            packed.AsSpan(0, size).CopyTo(bytes);
            indexed.Search.CopyTo(bytes, size);
            return (bytes, size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(packed);
        }
    }

    private static int LengthSize(uint prefix) => prefix < 1u << 7 ? 1 : prefix < 1u << 14 ? 2 : prefix < 1u << 21 ? 3 : prefix < 1u << 28 ? 4 : 5;

    private ref struct PackedTexts(byte[] texts)
    {
        private int at;

        public string? Next()
        {
            var prefix = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = texts[at++];
                prefix |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            if (prefix == 0)
            {
                return null;
            }

            var text = Encoding.UTF8.GetString(texts, at, prefix - 1);
            at += prefix - 1;
            return text;
        }
    }
}
