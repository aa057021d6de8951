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
    private readonly ConcurrentDictionary<(string State, GrainId Grain), (byte[] Data, int Version)> records = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (records.TryGetValue((stateName, grainId), out var record))
        {
            using var inflating = new DeflateStream(new MemoryStream(record.Data), CompressionMode.Decompress);
            grainState.State = serializer.Deserialize<T>(inflating);
            grainState.ETag = record.Version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var version = Expected(key, grainState.ETag) + 1;
        records[key] = (Deflated(serializer.SerializeToArray(grainState.State)), version);
        index.Apply(grainId, grainState.State!);
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        Expected(key, grainState.ETag);
        records.TryRemove(key, out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static byte[] Deflated(byte[] data)
    {
        using var deflated = new MemoryStream(data.Length / 2);
        using (var deflating = new DeflateStream(deflated, CompressionLevel.Fastest))
        {
            deflating.Write(data);
        }

        return deflated.ToArray();
    }

    /// <summary>The version stored, when the writer last saw it; otherwise another write came between.</summary>
    private int Expected((string, GrainId) key, string? etag)
    {
        var stored = records.TryGetValue(key, out var record) ? record.Version : 0;
        var seen = etag is null ? 0 : int.Parse(etag, CultureInfo.InvariantCulture);
        return stored == seen
            ? stored
            : throw new InconsistentStateException($"The stored version of {key.Item2} is {stored}, the writer last saw {seen}.", stored.ToString(CultureInfo.InvariantCulture), etag);
    }
}
