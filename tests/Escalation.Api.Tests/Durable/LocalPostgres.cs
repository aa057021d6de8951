using System.Diagnostics;
using Escalation.Tests.Shared;

namespace Escalation.Api.Tests.Durable;

/// <summary>
/// The PostgreSQL the durable tests run against: <c>ESCALATION_TEST_POSTGRES</c> when set (the test command starts one
/// and sets it), else the local one that <c>scripts/postgres</c> installs and starts. A server that cannot be had is a
/// failure with the reason, never a skipped test.
/// </summary>
internal static class LocalPostgres
{
    public static string ConnectionString { get; } = Environment.GetEnvironmentVariable("ESCALATION_TEST_POSTGRES") is { Length: > 0 } given ? given : Start();

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
