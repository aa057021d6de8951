using System.Diagnostics;
using Escalation.Tests.Shared;

namespace Escalation.Api.Tests.Deployment;

/// <summary>A process of a published service: its output lines are logged to <c>artifacts/deployment</c> and can be awaited.</summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process process;
    private readonly EventLog<string> output = new();
    private readonly TaskCompletionSource<int> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(Process process) => this.process = process;

    public int Id => process.Id;

    /// <summary>The exit code, once the process has ended.</summary>
    public Task<int> Exited => exited.Task;

    public static ServiceProcess Start(ProcessStartInfo info, string name)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var logs = System.IO.Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "deployment"));
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

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
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
