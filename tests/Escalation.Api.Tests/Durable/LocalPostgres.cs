using System.Diagnostics;
using Escalation.Tests.Shared;
using Npgsql;

namespace Escalation.Api.Tests.Durable;

/// <summary>
/// The PostgreSQL the durable tests run against: <c>ESCALATION_TEST_POSTGRES</c> when set (the test command starts one
/// and sets it), else the local one that <c>scripts/postgres</c> installs and starts. A server that cannot be had is a
/// failure with the reason, never a skipped test.
/// </summary>
internal static class LocalPostgres
{
    public static string ConnectionString { get; } = Environment.GetEnvironmentVariable("ESCALATION_TEST_POSTGRES") is { Length: > 0 } given ? given : Start();

    /// <summary>Creates a database of its own for a fixture and returns its connection string.</summary>
    public static async Task<string> CreateDatabase(string prefix)
    {
        var database = prefix + Guid.NewGuid().ToString("N")[..10];
        // Not pooled: the durable tests crash and restart the server, which breaks the idle connections of a pool.
        await using (var server = new NpgsqlConnection($"{ConnectionString};Database=postgres;Pooling=false"))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", server);
            await create.ExecuteNonQueryAsync();
        }

        return $"{ConnectionString};Database={database};Timeout=5;Command Timeout=10";
    }

    private static string Start()
    {
        using var script = Process.Start(new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "scripts", "postgres")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not run scripts/postgres.");
        var output = script.StandardOutput.ReadToEndAsync();
        var error = script.StandardError.ReadToEndAsync();
        if (!script.WaitForExit(TimeSpan.FromMinutes(5)) || script.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"The durable-profile tests need PostgreSQL 15, and scripts/postgres could not start it (exit {(script.HasExited ? script.ExitCode : "timeout")}): {error.Result.Trim()}");
        }

        return output.Result.Trim();
    }
}
