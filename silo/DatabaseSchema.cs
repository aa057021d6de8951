using Npgsql;

namespace Escalation.Silo;

/// <summary>
/// The PostgreSQL schema of the durable profile: the tables and named queries the Orleans ADO.NET providers
/// (clustering, grain storage, reminders) read, in <c>Schema/*.sql</c>. Every script is idempotent.
/// </summary>
public static class DatabaseSchema
{
    /// <summary>Creates or updates the schema; 0 on success, 2 when the database cannot be reached.</summary>
    public static async Task<int> InitializeAsync(string connectionString, TextWriter output, TextWriter error)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var assembly = typeof(DatabaseSchema).Assembly;
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                // Each script is one transaction of its own (BEGIN … COMMIT inside).
                await using var command = new NpgsqlCommand(await reader.ReadToEndAsync(), connection);
                await command.ExecuteNonQueryAsync();
                await output.WriteLineAsync($"applied {name}");
            }

            await output.WriteLineAsync($"The schema of {Describe(connectionString)} is up to date.");
            return 0;
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            await error.WriteLineAsync($"Cannot create the schema on {Describe(connectionString)}: {exception.Message}");
            return 2;
        }
    }

    /// <summary>Whether the database answers and has the schema; if not, says so on <paramref name="error"/>.</summary>
    public static async Task<bool> CheckAsync(string connectionString, TextWriter error)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM OrleansQuery", connection);
            await command.ExecuteScalarAsync();
            return true;
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            await error.WriteLineAsync(
                $"Cannot use the database {Describe(connectionString)}: {exception.Message}. " +
                "Check that PostgreSQL is running and reachable, and that 'dotnet run --project silo -- init-db' has created the schema.");
            return false;
        }
    }

    /// <summary>Host, port and database, never the password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
