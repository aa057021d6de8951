using System.Globalization;
using System.Text;
using Escalation.Grains.Index;
using Escalation.Queues;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization;
using Orleans.Storage;

namespace Escalation.Silo.Storage;

/// <summary>
/// Grain state of the durable profile in PostgreSQL (<c>escalation_state</c>), in Orleans' binary format, with version
/// checks. Concurrent writes go in groups, one transaction each (<see cref="GroupCommit{TOperation}"/>); a complaint's
/// index row (<c>escalation_complaint</c>) is written by the same statement as its state. Reads go in groups too, so
/// that a silo starting under load asks in a few round trips, on a bounded number of connections.
/// </summary>
internal sealed class PostgresGrainStorage : IGrainStorage, IAsyncDisposable
{
    private const string WriteState = """
        INSERT INTO escalation_state (state_name, grain_id, version, payload) VALUES ($1, $2, $3 + 1, $4)
        ON CONFLICT (state_name, grain_id) DO UPDATE SET version = excluded.version, payload = excluded.payload
        WHERE escalation_state.version = $3 RETURNING 1
        """;

    private const string WriteIndex = """
        INSERT INTO escalation_complaint
            (id, team, shard, wake_ticks, open, status, due_ticks, created_ticks, priority, channel, topic, assignee, escalated, warned, search, row)
        SELECT $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20 WHERE EXISTS (SELECT 1 FROM s)
        ON CONFLICT (id) DO UPDATE SET team = excluded.team, shard = excluded.shard, wake_ticks = excluded.wake_ticks, open = excluded.open,
            status = excluded.status, due_ticks = excluded.due_ticks, created_ticks = excluded.created_ticks, priority = excluded.priority,
            channel = excluded.channel, topic = excluded.topic, assignee = excluded.assignee, escalated = excluded.escalated,
            warned = excluded.warned, search = excluded.search, row = excluded.row
        """;

    private const string Delete = "DELETE FROM escalation_state WHERE state_name = $1 AND grain_id = $2 AND version = $3 RETURNING 1";

    private const string Read = """
        SELECT k.i, e.version, e.payload FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(s, g, i)
        JOIN escalation_state e ON e.state_name = k.s AND e.grain_id = k.g
        """;

    private readonly NpgsqlDataSource database;
    private readonly Serializer serializer;
    private readonly ComplaintProjection projection;
    private readonly GroupCommit<WriteOperation> writes;
    private readonly GroupCommit<ReadOperation> reads;

    public PostgresGrainStorage(NpgsqlDataSource database, Serializer serializer, ComplaintProjection projection, PostgresStorageOptions options)
    {
        (this.database, this.serializer, this.projection) = (database, serializer, projection);
        writes = new GroupCommit<WriteOperation>(WriteGroup, options.WriteConcurrency, options.MaxGroup);
        reads = new GroupCommit<ReadOperation>(ReadGroup, options.ReadConcurrency, options.MaxGroup);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var read = new ReadOperation(stateName, grainId.ToString());
        await reads.Enqueue(read);
        if (read.Payload is { } payload)
        {
            grainState.State = serializer.Deserialize<T>(payload);
            grainState.ETag = read.Version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var expected = Version(grainState.ETag);
        var indexed = projection.Of(grainId, grainState.State!);
        var write = new WriteOperation(stateName, grainId.ToString(), expected, serializer.SerializeToArray(grainState.State), indexed,
            indexed is null ? null : serializer.SerializeToArray(indexed.Row));
        await writes.Enqueue(write);
        Confirm(write, grainId, grainState.ETag);
        grainState.ETag = (expected + 1).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var delete = new WriteOperation(stateName, grainId.ToString(), Version(grainState.ETag), null, null, null);
        await writes.Enqueue(delete);
        Confirm(delete, grainId, grainState.ETag);
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public async ValueTask DisposeAsync()
    {
        await writes.DisposeAsync();
        await reads.DisposeAsync();
    }

    private static int Version(string? etag) => etag is null ? 0 : int.Parse(etag, CultureInfo.InvariantCulture);

    private static void Confirm(WriteOperation write, GrainId grainId, string? etag)
    {
        if (!write.Succeeded)
        {
            throw new InconsistentStateException($"The stored version of {grainId} is not {write.Expected}: another write came between.", null, etag);
        }
    }

    private async Task WriteGroup(IReadOnlyList<WriteOperation> group, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var write in group)
        {
            batch.BatchCommands.Add(Command(write));
        }

        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            foreach (var write in group)
            {
                await reader.ReadAsync(cancellationToken);
                write.Succeeded = reader.GetInt64(0) > 0;
                await reader.NextResultAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(WriteOperation write)
    {
        if (write.Payload is not { } payload)
        {
            return With(new NpgsqlBatchCommand($"WITH s AS ({Delete}) SELECT count(*) FROM s"), write.StateName, write.GrainId, write.Expected);
        }

        if (write.Indexed is not { } indexed)
        {
            return With(new NpgsqlBatchCommand($"WITH s AS ({WriteState}) SELECT count(*) FROM s"), write.StateName, write.GrainId, write.Expected, payload);
        }

        var row = indexed.Row;
        var command = With(new NpgsqlBatchCommand($"WITH s AS ({WriteState}), i AS ({WriteIndex}) SELECT count(*) FROM s"),
            write.StateName, write.GrainId, write.Expected, payload, row.Id, row.Team, indexed.Shard);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)indexed.WakeAt?.UtcTicks ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        var order = ComplaintCursor.Of(row);
        With(command, indexed.Open, (short)row.Status, order.DueKey, order.CreatedKey, (short)row.Priority, row.Channel, (short)row.Topic);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)row.Assignee ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return With(command, indexed.Escalated, indexed.Warned, Encoding.UTF8.GetString(indexed.Search), write.RowBytes!);
    }

    private static NpgsqlBatchCommand With(NpgsqlBatchCommand command, params object[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private async Task ReadGroup(IReadOnlyList<ReadOperation> group, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(Read);
        command.Parameters.Add(new NpgsqlParameter { Value = group.Select(read => read.StateName).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = group.Select(read => read.GrainId).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var read = group[(int)reader.GetInt64(0) - 1];
            read.Version = reader.GetInt32(1);
            read.Payload = (byte[])reader[2];
        }
    }

    private sealed class WriteOperation(string stateName, string grainId, int expected, byte[]? payload, IndexedComplaint? indexed, byte[]? rowBytes)
        : GroupCommit<WriteOperation>.Operation
    {
        public string StateName => stateName;

        public string GrainId => grainId;

        public int Expected => expected;

        /// <summary>Null for a delete.</summary>
        public byte[]? Payload => payload;

        public IndexedComplaint? Indexed => indexed;

        public byte[]? RowBytes => rowBytes;

        public bool Succeeded { get; set; }
    }

    private sealed class ReadOperation(string stateName, string grainId) : GroupCommit<ReadOperation>.Operation
    {
        public string StateName => stateName;

        public string GrainId => grainId;

        public int Version { get; set; }

        public byte[]? Payload { get; set; }
    }
}
