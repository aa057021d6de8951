using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using Escalation.Grains.Index;
using Orleans.Serialization;
using Orleans.Storage;

namespace Escalation.Grains.Storage;

/// <summary>
/// Grain state of the embedded default: in this silo's memory, in Orleans' binary format (so a grain that drops its
/// activation after a failed call reloads what was stored, not what it had changed), with version checks, and the
/// complaint index kept in the same write. One silo; nothing survives a restart.
/// </summary>
/// <remarks>
/// Each record is deflated: an idle complaint is held as this record (and its index row) only, and Orleans' format of
/// a short complaint (about 1.1 KB, most of it fixed-width times and field tags) deflates to about half, for some
/// 10 µs per write (docs/benchmarks.md).
/// </remarks>
public sealed class EmbeddedGrainStorage(Serializer serializer, InMemoryComplaintIndex index) : IGrainStorage
{
    private const int ScratchKept = 64 * 1024;

    // Reused for every record this thread inflates or deflates: new streams and arrays for each were among the largest
    // things the silo allocated to wake a complaint (docs/benchmarks.md, 2026-12-02 morning).
    [ThreadStatic]
    private static MemoryStream? scratch;

    // Per state name, the records by grain.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<GrainId, (byte[] Data, int Version)>> states = new(StringComparer.Ordinal);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Records(stateName).TryGetValue(grainId, out var record))
        {
            // Inflated whole first: Orleans' reader of a stream expects every read to fill what it asks for, and a
            // DeflateStream returns less whenever its input buffer runs dry (records over about 8 KB deflated).
            var inflated = Scratch();
            using (var inflating = new DeflateStream(new MemoryStream(record.Data, writable: false), CompressionMode.Decompress))
            {
                inflating.CopyTo(inflated);
            }

            grainState.State = serializer.Deserialize<T>(new ReadOnlySpan<byte>(inflated.GetBuffer(), 0, (int)inflated.Length));
            grainState.ETag = record.Version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var records = Records(stateName);
        var version = Expected(records, grainId, grainState.ETag) + 1;
        var deflated = Scratch();
        using (var deflating = new DeflateStream(deflated, CompressionLevel.Fastest, leaveOpen: true))
        {
            serializer.Serialize(grainState.State, deflating);
        }

        records[grainId] = (deflated.ToArray(), version);
        index.Apply(grainId, grainState.State!);
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var records = Records(stateName);
        Expected(records, grainId, grainState.ETag);
        records.TryRemove(grainId, out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private ConcurrentDictionary<GrainId, (byte[] Data, int Version)> Records(string stateName) => states.GetOrAdd(stateName, _ => new());

    /// <summary>
    /// This thread's scratch stream, emptied: the state is inflated into it before it is read, and deflated into it
    /// before the record is copied out. A storage call runs to its end without yielding, so nothing else uses it
    /// meanwhile; one that grew past <see cref="ScratchKept"/> for a long timeline is not kept.
    /// </summary>
    private static MemoryStream Scratch()
    {
        var stream = scratch is { Capacity: <= ScratchKept } kept ? kept : scratch = new MemoryStream(ScratchKept / 16);
        stream.SetLength(0);
        return stream;
    }

    /// <summary>The version stored, when the writer last saw it; otherwise another write came between.</summary>
    private static int Expected(ConcurrentDictionary<GrainId, (byte[] Data, int Version)> records, GrainId grainId, string? etag)
    {
        var stored = records.TryGetValue(grainId, out var record) ? record.Version : 0;
        var seen = etag is null ? 0 : int.Parse(etag, CultureInfo.InvariantCulture);
        return stored == seen
            ? stored
            : throw new InconsistentStateException($"The stored version of {grainId} is {stored}, the writer last saw {seen}.", stored.ToString(CultureInfo.InvariantCulture), etag);
    }
}
