using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Bench;

/// <summary>A silo and one or more api instances started from the Release build, as separate processes, on ports of their own.</summary>
internal sealed class SystemUnderTest : IAsyncDisposable
{
    private static int starts;
    private readonly string root;
    private readonly Dictionary<string, string> settings;
    private readonly Process silo;
    private readonly List<Process> apis = [];
    /// <summary>The silo's next answer to each kind of request on its standard input (<c>memory</c>, <c>messages</c>).</summary>
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Dictionary<string, long>>> answers = new(StringComparer.Ordinal);

    private SystemUnderTest(string root, Dictionary<string, string> settings)
    {
        this.root = root;
        this.settings = settings;
        silo = Launch(root, "silo", "Escalation.Silo", [], new(settings) { ["Escalation__Diagnostics__ReportMemory"] = "true" });
        silo.OutputDataReceived += (_, line) => ReadAnswer(line.Data);
        silo.BeginOutputReadLine();
        silo.BeginErrorReadLine();
    }

    /// <summary>The first api instance.</summary>
    public Uri Address => Addresses[0];

    /// <summary>Every api instance, in the order they started.</summary>
    public List<Uri> Addresses { get; } = [];

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(2) };

    public static async Task<SystemUnderTest> Start(string root, string? connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        // Fresh ports for every start: the previous system's sockets may linger.
        var offset = Interlocked.Add(ref starts, 10);
        var common = new Dictionary<string, string>
        {
            ["Cluster__SiloPort"] = $"{11800 + offset}",
            ["Cluster__GatewayPort"] = $"{30800 + offset}",
            ["Cluster__PrimarySiloPort"] = $"{11800 + offset}",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Escalation__RateLimits__LoginsPerMinute"] = "100000",
            ["Escalation__RateLimits__LoginsPerMinutePerAccount"] = "100000",
            ["Escalation__Connectors__RequestsPerSecondPerChannel"] = "1000000",
            ["Escalation__Connectors__RequestsPerSecondPerAddress"] = "1000000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            common[key] = value;
        }

        if (connectionString is not null)
        {
            common["ConnectionStrings__Escalation"] = connectionString;
            common["Escalation__Auth__SigningKey"] = "benchmark-signing-key-of-enough-length";
            common["Escalation__Bootstrap__AdminPassword"] = "demo";
        }

        var system = new SystemUnderTest(root, common);
        try
        {
            await system.AddApi();
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts another api instance on the same cluster and waits until it is ready.</summary>
    public async Task<Uri> AddApi()
    {
        var address = new Uri($"http://127.0.0.1:{5800 + int.Parse(settings["Cluster__SiloPort"], System.Globalization.CultureInfo.InvariantCulture) - 11800 + apis.Count}");
        var api = Launch(root, "api", "Escalation.Api", ["--urls", address.ToString()], settings);
        apis.Add(api);
        api.BeginOutputReadLine();
        api.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = address };
        var ready = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await probe.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (ready.Elapsed > TimeSpan.FromMinutes(2) || silo.HasExited || api.HasExited)
            {
                throw new InvalidOperationException("The system did not become ready.");
            }

            await Task.Delay(200);
        }

        Addresses.Add(address);
        Http.BaseAddress ??= address;

        return address;
    }

    /// <summary>The silo's working set and managed heap after a full collection it makes on request.</summary>
    public async Task<(long WorkingSet, long ManagedHeap)> MeasureMemory()
    {
        var memory = await Ask("memory");
        return (memory["workingSet"], memory["managedHeap"]);
    }

    /// <summary>The messages Orleans counted in the silo since it started: sent within it (<c>local</c>), sent and received over the network.</summary>
    public Task<Dictionary<string, long>> CountMessages() => Ask("messages");

    /// <summary>The grain calls the silo received since it started, per interface and method.</summary>
    public Task<Dictionary<string, long>> CountCalls() => Ask("calls");

    private async Task<Dictionary<string, long>> Ask(string request)
    {
        var answer = answers.GetOrAdd(request, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        await silo.StandardInput.WriteLineAsync(request);
        await silo.StandardInput.FlushAsync();
        return await answer.WaitAsync(TimeSpan.FromMinutes(5));
    }

    public async Task<string> Token(string username, string password = "demo")
    {
        var response = await Http.PostAsJsonAsync("/api/auth/login", new { username, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public async Task<HttpClient> As(string username)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Token(username));
        return client;
    }

    /// <summary>The processor time the silo, the api instances and this process used since they started.</summary>
    public Scenarios.ProcessorTimes ProcessorTime() =>
        new(silo.TotalProcessorTime, apis.Aggregate(TimeSpan.Zero, (sum, api) => sum + api.TotalProcessorTime), Environment.CpuUsage.TotalTime);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in apis.Append(silo))
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        Http.Dispose();
    }

    /// <summary>An answer line of the silo, <c>request: name=value …</c>, completes the request's pending answer.</summary>
    private void ReadAnswer(string? line)
    {
        var colon = line?.IndexOf(": ", StringComparison.Ordinal) ?? -1;
        if (colon < 0 || !answers.TryRemove(line![..colon], out var pending))
        {
            return;
        }

        pending.SetResult(line[(colon + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part => (Part: part, At: part.LastIndexOf('=')))
            .ToDictionary(pair => pair.Part[..pair.At], pair => long.Parse(pair.Part[(pair.At + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static Process Launch(string root, string folder, string name, string[] args, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(root, folder, "bin", "Release", "net10.0", $"{name}.dll"), .. args])
        {
            WorkingDirectory = Path.Combine(root, folder),
            RedirectStandardInput = folder == "silo",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        if (folder == "api")
        {
            process.OutputDataReceived += (_, _) => { };
        }

        return process;
    }
}
