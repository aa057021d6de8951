using System.Diagnostics;
using Escalation.Tests.Shared;

namespace Escalation.Api.Tests;

/// <summary>
/// A process a test starts and can kill outright: a silo or api from the build (settings in its environment), or a
/// published service. Its output lines go to <c>artifacts/processes/{name}.log</c> and can be awaited.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly EventLog<string> output = new();
    private readonly TaskCompletionSource<int> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(Process process) => this.process = process;

    public int Id => process.Id;

    /// <summary>The exit code, once the process has ended.</summary>
    public Task<int> Exited => exited.Task;

    /// <summary>A silo of the durable profile on its own ports.</summary>
    public static Task<ServiceProcess> StartSilo(string connectionString, int siloPort, int gatewayPort) =>
        StartBuilt("silo", "Escalation.Silo", $"silo-{siloPort}", [], new()
        {
            ["ConnectionStrings__Escalation"] = connectionString,
            ["Cluster__SiloPort"] = $"{siloPort}",
            ["Cluster__GatewayPort"] = $"{gatewayPort}",
            // Declare a killed silo dead within seconds rather than the production default of about a minute, but not
            // so fast that a silo still starting on a busy machine is voted dead by its peer (it then stops itself).
            ["Cluster__Membership__ProbeTimeout"] = "00:00:02",
            ["Cluster__Membership__NumMissedProbesLimit"] = "3",
            ["Cluster__Membership__NumVotesForDeathDeclaration"] = "1",
            // Rows of silos that stopped heartbeating this long ago are ignored when the whole cluster restarts.
            ["Cluster__Membership__IAmAliveTablePublishTimeout"] = "00:00:03",
        });

    /// <summary>An api listening on <paramref name="address"/>, with settings of its own, ready to serve.</summary>
    public static async Task<ServiceProcess> StartApi(Uri address, Dictionary<string, string> settings)
    {
        var api = await StartBuilt("api", "Escalation.Api", $"api-{address.Port}", ["--urls", address.ToString()], settings);
        await ApiHost.WaitReady(address);
        return api;
    }

    /// <summary>Starts <paramref name="info"/> with its output logged as <paramref name="name"/>.</summary>
    public static ServiceProcess Start(ProcessStartInfo info, string name)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var logs = System.IO.Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "processes"));
        var log = TextWriter.Synchronized(new StreamWriter(Path.Combine(logs.FullName, $"{name}.log"), append: true) { AutoFlush = true });
        var service = new ServiceProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        service.process.OutputDataReceived += (_, line) => service.Received(log, line.Data);
        service.process.ErrorDataReceived += (_, line) => service.Received(log, line.Data);
        service.process.Exited += (_, _) =>
        {
            // The last lines may still be in flight; WaitForExit() drains them before the exit is reported.
            service.process.WaitForExit();
            service.exited.TrySetResult(service.process.ExitCode);
        };
        service.process.Start();
        service.process.BeginOutputReadLine();
        service.process.BeginErrorReadLine();
        return service;
    }

    /// <summary>The first output line that contains <paramref name="text"/>, printed already or within the patience.</summary>
    public async Task<string> WaitForOutput(string text, TimeSpan patience)
    {
        var line = output.WaitFor(line => line.Contains(text, StringComparison.Ordinal), patience);
        var done = await Task.WhenAny(line, Exited);
        return done == line ? await line : throw new InvalidOperationException($"The process exited with {await Exited} before printing '{text}'.");
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
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static async Task<ServiceProcess> StartBuilt(string folder, string name, string label, string[] arguments, Dictionary<string, string> settings)
    {
        var directory = Path.Combine(RepositoryRoot.Path, folder);
        var info = new ProcessStartInfo("dotnet", [Path.Combine(directory, "bin", "Debug", "net10.0", $"{name}.dll"), .. arguments]) { WorkingDirectory = directory };
        foreach (var (key, value) in new Dictionary<string, string>(settings)
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Orleans"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        })
        {
            info.Environment[key] = value;
        }

        var service = Start(info, label);
        await service.WaitForOutput("Application started", StartPatience);
        return service;
    }

    private void Received(TextWriter log, string? line)
    {
        if (line is not null)
        {
            log.WriteLine(line);
            output.Add(line);
        }
    }
}
