using System.Diagnostics;
using Escalation.Tests.Shared;

namespace Escalation.Api.Tests.Durable;

/// <summary>A silo of the durable profile as its own process, started from the build, which a test can kill outright.</summary>
public sealed class SiloProcess : IDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloProcess(Process process) => this.process = process;

    public static async Task<SiloProcess> Start(string connectionString, int siloPort, int gatewayPort)
    {
        var siloDirectory = Path.Combine(RepositoryRoot.Path, "silo");
        var info = new ProcessStartInfo("dotnet", [Path.Combine(siloDirectory, "bin", "Debug", "net10.0", "Escalation.Silo.dll")])
        {
            WorkingDirectory = siloDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ConnectionStrings__Escalation"] = connectionString,
                ["Cluster__SiloPort"] = $"{siloPort}",
                ["Cluster__GatewayPort"] = $"{gatewayPort}",
                // Declare a killed silo dead within seconds rather than the production default of about a minute.
                ["Cluster__Membership__ProbeTimeout"] = "00:00:01",
                ["Cluster__Membership__NumMissedProbesLimit"] = "2",
                ["Cluster__Membership__NumVotesForDeathDeclaration"] = "1",
                // Rows of silos that stopped heartbeating this long ago are ignored when the whole cluster restarts.
                ["Cluster__Membership__IAmAliveTablePublishTimeout"] = "00:00:03",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__Orleans"] = "Warning",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            },
        };
        var logs = System.IO.Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "durable"));
        var log = TextWriter.Synchronized(new StreamWriter(Path.Combine(logs.FullName, $"silo-{siloPort}.log"), append: true) { AutoFlush = true });
        var silo = new SiloProcess(Process.Start(info)!);
        silo.process.OutputDataReceived += (_, line) =>
        {
            log.WriteLine(line.Data);
            if (line.Data?.Contains("Application started", StringComparison.Ordinal) == true)
            {
                silo.started.TrySetResult();
            }
        };
        silo.process.ErrorDataReceived += (_, line) => log.WriteLine(line.Data);
        silo.process.EnableRaisingEvents = true;
        silo.process.Exited += (_, _) => silo.started.TrySetException(new InvalidOperationException($"The silo exited with {silo.process.ExitCode}."));
        silo.process.BeginOutputReadLine();
        silo.process.BeginErrorReadLine();
        await silo.started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return silo;
    }

    /// <summary>Kills the process at once, as a crash would: no graceful shutdown, no handing over.</summary>
    public async Task Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }
}
