using System.Globalization;
using System.Text;
using Escalation.Complaints;
using Escalation.Grains.Index;
using Escalation.Queues;
using Npgsql;
using Orleans.Serialization;

namespace Escalation.Silo.Storage;

/// <summary>
/// The complaint index of the durable profile: the rows <see cref="PostgresGrainStorage"/> writes with each complaint's
/// state, read with the table's indexes (a page is an index range scan from the cursor, the due wake-ups of a shard
/// another).
/// </summary>
internal sealed class PostgresComplaintIndex(NpgsqlDataSource database, Serializer serializer) : IComplaintIndex
{
    public async Task<ComplaintPage> Page(ComplaintQuery query)
    {
        var (filter, parameters) = Filter(query);
        var filterParameters = parameters.Count;
        var after = query.After is { } cursor
            ? $" AND (due_ticks, created_ticks, id) > (${Add(parameters, cursor.DueKey)}, ${Add(parameters, cursor.CreatedKey)}, ${Add(parameters, cursor.Id)})"
            : "";
        var limit = Add(parameters, query.Limit + 1);
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(Command($"SELECT row FROM escalation_complaint WHERE {filter}{after} ORDER BY due_ticks, created_ticks, id LIMIT ${limit}", parameters));
        batch.BatchCommands.Add(Command($"SELECT count(*) FROM escalation_complaint WHERE {filter}", parameters.Take(filterParameters)));
        await using var reader = await batch.ExecuteReaderAsync();
        var rows = new List<ComplaintSummary>();
        while (await reader.ReadAsync())
        {
            rows.Add(serializer.Deserialize<ComplaintSummary>((byte[])reader[0])!);
        }

        await reader.NextResultAsync();
        await reader.ReadAsync();
        var total = (int)reader.GetInt64(0);
        var next = rows.Count > query.Limit ? ComplaintCursor.Of(rows[query.Limit - 1]) : null;
        return new ComplaintPage([.. rows.Take(query.Limit)], total, next);
    }

    public async Task<IReadOnlyList<DueWake>> Due(int shard, DateTimeOffset until, int max)
    {
        await using var command = database.CreateCommand(
            "SELECT id, wake_ticks FROM escalation_complaint WHERE shard = $1 AND wake_ticks <= $2 ORDER BY wake_ticks LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter { Value = shard });
        command.Parameters.Add(new NpgsqlParameter { Value = until.UtcTicks });
        command.Parameters.Add(new NpgsqlParameter { Value = max });
        await using var reader = await command.ExecuteReaderAsync();
        var due = new List<DueWake>();
        while (await reader.ReadAsync())
        {
            due.Add(new DueWake(reader.GetGuid(0), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero)));
        }

        return due;
    }

    public async Task<IReadOnlyDictionary<string, int>> Loads(string team)
    {
        await using var command = database.CreateCommand(
            "SELECT assignee, count(*) FROM escalation_complaint WHERE team = $1 AND open AND assignee IS NOT NULL GROUP BY assignee");
        command.Parameters.Add(new NpgsqlParameter { Value = team });
        await using var reader = await command.ExecuteReaderAsync();
        var loads = new Dictionary<string, int>();
        while (await reader.ReadAsync())
        {
            loads[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return loads;
    }

    /// <summary>The WHERE clause of a query and its parameters (numbered from $1).</summary>
    private static (string Filter, List<object> Parameters) Filter(ComplaintQuery query)
    {
        var parameters = new List<object>();
        var filter = new StringBuilder(query.Status is ComplaintStatus.Resolved or ComplaintStatus.Closed ? "NOT open" : "open");
        void And(string column, object value) => filter.Append(CultureInfo.InvariantCulture, $" AND {column} ${Add(parameters, value)}");
        if (query.Teams is { } teams)
        {
            And("team = ANY", teams.ToArray());
        }

        if (query.Status is { } status)
        {
            And("status =", (short)status);
        }

        if (query.Assignee is { Username: { } assignee })
        {
            And("assignee =", assignee);
        }
        else if (query.Assignee is not null)
        {
            filter.Append(" AND assignee IS NULL");
        }

        if (query.Priority is { } priority)
        {
            And("priority =", (short)priority);
        }

        if (query.Channel is { } channel)
        {
            And("channel =", channel);
        }

        if (query.Topic is { } topic)
        {
            And("topic =", (short)topic);
        }

        if (query.Escalated is { } escalated)
        {
            And("escalated =", escalated);
        }

        if (query.DueBefore is { } before)
        {
            And("due_ticks <", before.UtcTicks);
        }

        if (query.AtRiskBefore is { } risk)
        {
            filter.Append(CultureInfo.InvariantCulture, $" AND (due_ticks < ${Add(parameters, risk.UtcTicks)} OR warned)");
        }

        if (query.Search is { Length: > 0 } search)
        {
            // LIKE's own characters in the search are matched as themselves.
            var pattern = Folding.ForSearch(search).Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
                .Replace("_", @"\_", StringComparison.Ordinal);
            And("search LIKE", $"%{pattern}%");
        }

        return (filter.ToString(), parameters);
    }

    private static int Add(List<object> parameters, object value)
    {
        parameters.Add(value);
        return parameters.Count;
    }

    private static NpgsqlBatchCommand Command(string sql, IEnumerable<object> parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
