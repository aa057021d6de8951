using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Escalation.Bench;

/// <summary>What agents and supervisors look at: the first page of a queue, a reconnecting crowd, live events per team.</summary>
internal static class QueueScenarios
{
    public const string Password = "bench-password";

    /// <summary>A complaint text of 2,000 characters: the list cuts it at 280.</summary>
    public static readonly string LongText = string.Concat(Enumerable.Repeat("Pakk on kolm nädalat hiljaks jäänud, õnnetu ja väga pahane klient. ", 30))[..2000];

    public sealed record Page(int Requests, double P50, double P99, int WireBytes, int Bytes, int Rows, long Total);

    public sealed record Crowd(int Consoles, double AllSeconds, double P50Seconds, int Failed);

    /// <summary>
    /// The first page of <paramref name="query"/> as <paramref name="username"/> sees it, one request after another,
    /// accepting Brotli as browsers do: the time until the page is decoded, its size on the wire and as JSON.
    /// </summary>
    public static async Task<Page> FirstPage(SystemUnderTest system, string username, string query, int requests)
    {
        using var http = await system.As(username);
        http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");
        var times = new List<double>();
        var (wire, bytes, rows, total) = (0, 0, 0, 0L);
        for (var i = -20; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri($"/api/complaints?{query}", UriKind.Relative));
            var body = await response.Content.ReadAsByteArrayAsync();
            var json = response.Content.Headers.ContentEncoding.Contains("br") ? Unbrotli(body) : body;
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            response.EnsureSuccessStatusCode();
            if (i >= 0)
            {
                times.Add(elapsed);
                (wire, bytes) = (body.Length, json.Length);
                rows = JsonDocument.Parse(json).RootElement.GetArrayLength();
                total = long.Parse(response.Headers.GetValues("X-Total-Count").Single(), CultureInfo.InvariantCulture);
            }
        }

        times.Sort();
        return new Page(requests, Scenarios.Percentile(times, 0.5), Scenarios.Percentile(times, 0.99), wire, bytes, rows, total);
    }

    private static byte[] Unbrotli(byte[] body)
    {
        using var decoded = new MemoryStream();
        using (var brotli = new BrotliStream(new MemoryStream(body), CompressionMode.Decompress))
        {
            brotli.CopyTo(decoded);
        }

        return decoded.ToArray();
    }

    /// <summary>
    /// <paramref name="consoles"/> consoles of one agent's team reconnect at once, as after an api instance restarts: each
    /// opens its live connection and loads the first page of its queue. The time until every one has its page.
    /// </summary>
    public static async Task<Crowd> Reconnect(SystemUnderTest system, string username, int consoles)
    {
        var token = await system.Token(username);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = consoles, AutomaticDecompression = DecompressionMethods.All })
        {
            BaseAddress = system.Address, Timeout = TimeSpan.FromMinutes(1),
        };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var failed = 0;
        var connections = new ConcurrentBag<HubConnection>();
        var clock = Stopwatch.StartNew();
        var done = await Task.WhenAll(Enumerable.Range(0, consoles).Select(async _ =>
        {
            try
            {
                var connection = await Scenarios.Console(system.Address, token);
                connections.Add(connection);
                await connection.StartAsync();
                using var page = await http.GetAsync(new Uri("/api/complaints?status=open", UriKind.Relative));
                page.EnsureSuccessStatusCode();
                await page.Content.ReadAsByteArrayAsync();
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                Interlocked.Increment(ref failed);
            }

            return clock.Elapsed.TotalSeconds;
        }));
        await Task.WhenAll(connections.Select(connection => connection.DisposeAsync().AsTask()));
        var sorted = done.Order().ToList();
        return new Crowd(consoles, sorted[^1], Scenarios.Percentile(sorted, 0.5), failed);
    }

    /// <summary>
    /// <paramref name="teams"/> teams of <paramref name="perTeam"/> consoles (spread over every api instance of the system);
    /// complaints posted at <paramref name="perSecond"/>, spread over the teams, for <paramref name="warmUp"/> untimed and
    /// then for <paramref name="duration"/>, without a pause and to the same consoles, so that what is measured is the
    /// steady flow rather than the teams and consoles being set up. The delay from sending each measured post to each of
    /// its team's consoles receiving it.
    /// </summary>
    public static async Task<Scenarios.Latency> TeamFanOut(
        SystemUnderTest system, string run, int teams, int perTeam, int perSecond, TimeSpan warmUp, TimeSpan duration)
    {
        var tokens = await CreateTeams(system, run, teams);
        var sent = new ConcurrentDictionary<string, long>();
        var received = new ConcurrentBag<(string ExternalId, long At, int Instance)>();
        var connections = new List<PushCounter>();
        foreach (var batch in Enumerable.Range(0, teams * perTeam).Chunk(50))
        {
            connections.AddRange(await Task.WhenAll(batch.Select(i => PushCounter.Connect(
                system.Addresses[i % system.Addresses.Count], tokens[i / perTeam], "complaintCreated", (externalId, at) =>
                {
                    if (sent.ContainsKey(externalId))
                    {
                        received.Add((externalId, at, i % system.Addresses.Count));
                    }
                }))));
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = system.Address };
        var posts = new List<Task>();
        var failed = new ConcurrentDictionary<string, int>();
        async Task Send(string externalId, string customer, string channel)
        {
            try
            {
                using var response = await Scenarios.Post(http, externalId, customer, "P4", channel);
                if (!response.IsSuccessStatusCode)
                {
                    failed.AddOrUpdate($"{(int)response.StatusCode}", 1, (_, n) => n + 1);
                }
            }
            catch (HttpRequestException exception)
            {
                failed.AddOrUpdate(exception.HttpRequestError.ToString(), 1, (_, n) => n + 1);
            }
        }

        var before = system.ProcessorTime();
        var measured = 0L;
        using (var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(10)))
        {
            var clock = Stopwatch.StartNew();
            var count = 0;
            var measuring = false;
            while (clock.Elapsed < warmUp + duration && await tick.WaitForNextTickAsync())
            {
                if (!measuring && clock.Elapsed >= warmUp)
                {
                    measuring = true;
                    measured = Stopwatch.GetTimestamp();
                    before = system.ProcessorTime();
                }

                for (var due = (int)(clock.Elapsed.TotalSeconds * perSecond); count < due; count++)
                {
                    var externalId = $"{run}-{count}";
                    if (measuring)
                    {
                        sent[externalId] = Stopwatch.GetTimestamp();
                    }

                    posts.Add(Send(externalId, $"{run}-customer-{count}", $"{run}-c{count % teams}"));
                }
            }
        }

        await Task.WhenAll(posts);
        if (!failed.IsEmpty)
        {
            Console.Error.WriteLine($"Team fan-out (warm-up and measured): posts answered {string.Join(", ", failed.Select(answer => $"{answer.Value} x {answer.Key}"))}");
        }

        var expected = sent.Count * perTeam;
        var waiting = Stopwatch.StartNew();
        while (received.Count < expected && waiting.Elapsed < TimeSpan.FromSeconds(10))
        {
            // The last pushes are in flight; nothing to await but their arrival.
            await Task.Delay(50);
        }

        var after = system.ProcessorTime();
        await Task.WhenAll(connections.Select(connection => connection.DisposeAsync().AsTask()));
        var pushes = received.Select(r => (Posted: Stopwatch.GetElapsedTime(measured, sent[r.ExternalId]).TotalSeconds,
            Delay: Stopwatch.GetElapsedTime(sent[r.ExternalId], r.At).TotalMilliseconds, r.Instance)).ToList();
        var delays = pushes.Select(push => push.Delay).Order().ToList();
        return new Scenarios.Latency(teams * perTeam, delays.Count, Scenarios.Percentile(delays, 0.5), Scenarios.Percentile(delays, 0.99),
            delays.Count == 0 ? double.NaN : delays[^1])
        {
            Expected = expected,
            ProcessorTime = after.PerComplaint(before, sent.Count, "posts and consoles"),
            EachSecond = [.. pushes.GroupBy(push => push.Instance).OrderBy(instance => instance.Key).Select(instance => new Plots.Series(
                $"consoles on api {instance.Key + 1}",
                [.. instance.GroupBy(push => (int)push.Posted).OrderBy(second => second.Key)
                    .Select(second => ((double)second.Key, Scenarios.Percentile([.. second.Select(push => push.Delay).Order()], 0.99)))]))],
        };
    }

    /// <summary>A channel and a supervisor per team; the supervisors' tokens.</summary>
    private static async Task<string[]> CreateTeams(SystemUnderTest system, string run, int teams)
    {
        using var admin = await system.As("admin");
        return await Task.WhenAll(Enumerable.Range(0, teams).Select(async t =>
        {
            (await admin.PutAsJsonAsync($"/api/channels/{run}-c{t}", new { secret = "dev-secret", team = $"{run}-t{t}" })).EnsureSuccessStatusCode();
            (await admin.PutAsJsonAsync($"/api/users/{run}-s{t}", new { role = "supervisor", team = $"{run}-t{t}", password = Password })).EnsureSuccessStatusCode();
            return await system.Token($"{run}-s{t}", Password);
        }));
    }
}
