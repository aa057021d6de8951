using System.Diagnostics;
using Escalation.Tests.Shared;

namespace Escalation.Api.Tests;

/// <summary>
/// A silo or api as its own process, started from the build with settings in its environment, which a test can kill
/// outright. Its output goes to artifacts/processes/.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(Process process) => this.process = process;

    /// <summary>A silo of the durable profile on its own ports.</summary>
    public static Task<ServiceProcess> StartSilo(string connectionString, int siloPort, int gatewayPort) =>
        Start("silo", "Escalation.Silo", $"silo-{siloPort}", [], new()
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
        });

    /// <summary>An api listening on <paramref name="address"/>, with settings of its own, ready to serve.</summary>
    public static async Task<ServiceProcess> StartApi(Uri address, Dictionary<string, string> settings)
    {
        var api = await Start("api", "Escalation.Api", $"api-{address.Port}", ["--urls", address.ToString()], settings);
        await ApiHost.WaitReady(address);
        return api;
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

    private static async Task<ServiceProcess> Start(string folder, string name, string label, string[] arguments, Dictionary<string, string> settings)
    {
        var directory = Path.Combine(RepositoryRoot.Path, folder);
        var info = new ProcessStartInfo("dotnet", [Path.Combine(directory, "bin", "Debug", "net10.0", $"{name}.dll"), .. arguments])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in new Dictionary<string, string>(settings)
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Orleans"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        })
        {
            info.Environment[key] = value;
        }

        var logs = System.IO.Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "processes"));
        var log = TextWriter.Synchronized(new StreamWriter(Path.Combine(logs.FullName, $"{label}.log"), append: true) { AutoFlush = true });
        var service = new ServiceProcess(Process.Start(info)!);
        service.process.OutputDataReceived += (_, line) =>
        {
            log.WriteLine(line.Data);
            if (line.Data?.Contains("Application started", StringComparison.Ordinal) == true)
            {
                service.started.TrySetResult();
            }
        };
        service.process.ErrorDataReceived += (_, line) => log.WriteLine(line.Data);
        service.process.EnableRaisingEvents = true;
        service.process.Exited += (_, _) => service.started.TrySetException(new InvalidOperationException($"{name} exited with {service.process.ExitCode}."));
        service.process.BeginOutputReadLine();
        service.process.BeginErrorReadLine();
        await service.started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return service;
    }
}
