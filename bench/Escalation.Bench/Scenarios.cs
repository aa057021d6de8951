using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Escalation.Connectors;
using Microsoft.AspNetCore.SignalR.Client;

namespace Escalation.Bench;

/// <summary>The measurements, each over the public contract: signed HTTP ingestion and SignalR consoles.</summary>
internal static class Scenarios
{
    private const string Text = "Tellimus pole kolme nädala jooksul kohale jõudnud ja keegi ei vasta. My parcel never arrived.";

    /// <summary>What an ingestion run achieved; <paramref name="EachSecond"/>: the complaints accepted in each second of it.</summary>
    public sealed record Ingestion(int Accepted, int Failed, double PerSecond, double P50, double P99, IReadOnlyList<int> EachSecond);

    /// <summary>
    /// How late the escalations arrived; <paramref name="Delays"/>: each one's delay in milliseconds;
    /// <paramref name="EachSecond"/>: the p99 and the maximum of the delays of the deadlines in each second of the window;
    /// <paramref name="Densest"/>: the most deadlines that fell in one second of it.
    /// </summary>
    public sealed record Precision(int N, int Received, int Missed, int Doubled, double P50, double P99, double Max, double WindowSeconds,
        IReadOnlyList<double> Delays, IReadOnlyList<Plots.Series> EachSecond, int Densest, DelayParts Parts);

    /// <summary>
    /// The delay in two parts, split at the escalation event's <c>at</c> (the silo and the bench share a clock here): the
    /// instant the woken complaint began to raise it, after its activation and read and before the team's recipients, its
    /// write and the event's way out (the silo's event batch, the channel, the api, SignalR).
    /// </summary>
    public sealed record DelayParts(double RaisedP50, double RaisedP99, double DeliveredP50, double DeliveredP99)
    {
        public override string ToString() =>
            $"raising began p50 {RaisedP50:0} ms, p99 {RaisedP99:0} ms after the deadline; the console had it p50 {DeliveredP50:0} ms, p99 {DeliveredP99:0} ms after that";
    }

    public sealed record Latency(int Consoles, int Events, double P50, double P99, double Max)
    {
        /// <summary>The deliveries there should have been (every event to every console meant to get it).</summary>
        public int Expected { get; init; }

        /// <summary>
        /// Processor time per complaint from the first measured post (the warm-up's last pushes still in flight) until the
        /// last push arrived (or 10 s more): the silo, the api instances, and this process, which posts, signs and runs the
        /// consoles.
        /// </summary>
        public string ProcessorTime { get; init; } = "";

        /// <summary>For the team fan-out: the p99 of the delays of the complaints posted in each second, per api instance.</summary>
        public IReadOnlyList<Plots.Series> EachSecond { get; init; } = [];
    }

    /// <summary>Processor time used so far by the silo, the api instances, and this process (the load).</summary>
    public sealed record ProcessorTimes(TimeSpan Silo, TimeSpan Apis, TimeSpan Bench)
    {
        /// <summary>What each used since <paramref name="before"/>, per complaint, as the result rows say it.</summary>
        public string PerComplaint(ProcessorTimes before, int complaints, string load)
        {
            string Milliseconds(TimeSpan used) => $"{used.TotalMilliseconds / Math.Max(1, complaints):0.000} ms";
            return $"processor time per complaint: silo {Milliseconds(Silo - before.Silo)}, api {Milliseconds(Apis - before.Apis)}, bench ({load}) {Milliseconds(Bench - before.Bench)}";
        }
    }

    /// <summary>
    /// Posts signed complaints (two from each customer) from <paramref name="workers"/> concurrent connectors until
    /// <paramref name="total"/> are accepted or the time is up: as fast as they are taken, or spread evenly over
    /// <paramref name="spread"/> when it is given and the system keeps up.
    /// </summary>
    public static async Task<Ingestion> Ingest(
        Uri api, string run, int workers, int total, TimeSpan limit, string priority, string channel = "facebook", string text = Text, TimeSpan spread = default)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = workers }) { BaseAddress = api, Timeout = TimeSpan.FromMinutes(1) };
        var next = -1;
        var failed = 0;
        var latencies = new ConcurrentBag<double[]>();
        var seconds = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            var mine = new List<double>();
            int index;
            while ((index = Interlocked.Increment(ref next)) < total && clock.Elapsed < limit)
            {
                if (spread * ((double)index / total) - clock.Elapsed is { Ticks: > 0 } early)
                {
                    await Task.Delay(early);
                }

                var started = Stopwatch.GetTimestamp();
                using var response = await Post(http, $"{run}-{index}", $"{run}-customer-{index / 2}", priority, channel, text);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    seconds.AddOrUpdate((int)clock.Elapsed.TotalSeconds, 1, (_, count) => count + 1);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }

            latencies.Add([.. mine]);
        }));
        var all = latencies.SelectMany(list => list).Order().ToList();
        var elapsed = clock.Elapsed.TotalSeconds;
        return new Ingestion(all.Count, failed, all.Count / elapsed, Percentile(all, 0.5), Percentile(all, 0.99),
            [.. Enumerable.Range(0, (int)elapsed).Select(second => seconds.GetValueOrDefault(second))]);
    }

    /// <summary>
    /// N complaints whose first-response deadlines fall due over the time it takes to post them; a supervisor's
    /// console records when each level-1 escalation arrives, against its due time.
    /// </summary>
    public static async Task<Precision> EscalationPrecision(SystemUnderTest system, string run, int n, int workers, TimeSpan firstResponse, TimeSpan spread = default)
    {
        using var admin = await system.As("admin");
        (await admin.PutAsJsonAsync("/api/sla/policies/P1", new
        {
            firstResponse = firstResponse.ToString("c", CultureInfo.InvariantCulture), nextResponse = "01:00:00", resolution = "08:00:00",
            warningAt = 0.99, escalationAcknowledge = "01:00:00", calendar = "24x7",
        })).EnsureSuccessStatusCode();

        var arrivals = new ConcurrentDictionary<string, ConcurrentBag<(DateTimeOffset Due, double Late, double Raised)>>();
        await using var console = await Console(system.Address, await system.Token("supervisor1"));
        console.On<JsonElement>("complaintEscalated", escalation =>
        {
            var received = DateTimeOffset.UtcNow;
            if (escalation.GetProperty("level").GetInt32() == 1 && escalation.GetProperty("externalId").GetString()!.StartsWith(run, StringComparison.Ordinal))
            {
                var due = escalation.GetProperty("dueAt").GetDateTimeOffset();
                var raised = (escalation.GetProperty("at").GetDateTimeOffset() - due).TotalMilliseconds;
                arrivals.GetOrAdd(escalation.GetProperty("externalId").GetString()!, _ => []).Add((due, (received - due).TotalMilliseconds, raised));
            }
        });
        await console.StartAsync();

        var posted = Stopwatch.StartNew();
        var ingestion = await Ingest(system.Address, run, workers, n, TimeSpan.FromHours(1), "P1", spread: spread);
        var deadline = firstResponse - posted.Elapsed + TimeSpan.FromSeconds(60);
        var waiting = Stopwatch.StartNew();
        while (arrivals.Count < ingestion.Accepted && waiting.Elapsed < deadline + firstResponse)
        {
            // The deadlines are in the future; nothing to await but their arrival.
            await Task.Delay(500);
        }

        var all = arrivals.Values.SelectMany(bag => bag).ToList();
        var delays = all.Select(arrival => arrival.Late).Order().ToList();
        var first = all.Count == 0 ? default : all.Min(arrival => arrival.Due);
        var seconds = all.GroupBy(arrival => (int)(arrival.Due - first).TotalSeconds).OrderBy(second => second.Key)
            .Select(second => (Second: (double)second.Key, Delays: second.Select(arrival => arrival.Late).Order().ToList())).ToList();
        var raised = all.Select(arrival => arrival.Raised).Order().ToList();
        var delivered = all.Select(arrival => arrival.Late - arrival.Raised).Order().ToList();
        return new Precision(ingestion.Accepted, arrivals.Count, ingestion.Accepted - arrivals.Count, arrivals.Values.Sum(bag => bag.Count - 1),
            Percentile(delays, 0.5), Percentile(delays, 0.99), delays.Count == 0 ? double.NaN : delays[^1], ingestion.Accepted / ingestion.PerSecond, delays,
            [new("p99", [.. seconds.Select(second => (second.Second, Percentile(second.Delays, 0.99)))]),
             new("max", [.. seconds.Select(second => (second.Second, second.Delays[^1]))])],
            seconds.Count == 0 ? 0 : seconds.Max(second => second.Delays.Count),
            new DelayParts(Percentile(raised, 0.5), Percentile(raised, 0.99), Percentile(delivered, 0.5), Percentile(delivered, 0.99)));
    }

    /// <summary>Posts complaints one at a time and records when each reaches every one of the connected consoles.</summary>
    public static async Task<Latency> FanOut(SystemUnderTest system, string run, int consoles, int events)
    {
        var token = await system.Token("manager1");
        var received = new ConcurrentDictionary<string, ConcurrentBag<long>>();
        var connections = new List<PushCounter>();
        foreach (var batch in Enumerable.Range(0, consoles).Chunk(50))
        {
            connections.AddRange(await Task.WhenAll(batch.Select(_ => PushCounter.Connect(
                system.Address, token, "complaintCreated", (externalId, at) => received.GetOrAdd(externalId, _ => []).Add(at)))));
        }

        using var http = new HttpClient { BaseAddress = system.Address };
        var delays = new List<double>();
        for (var i = 0; i < events; i++)
        {
            var externalId = $"{run}-fanout-{i}";
            using var response = await Post(http, externalId, "bench:fanout", "P4");
            var accepted = Stopwatch.GetTimestamp();
            var waiting = Stopwatch.StartNew();
            while ((received.TryGetValue(externalId, out var bag) ? bag.Count : 0) < consoles && waiting.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(10);
            }

            delays.AddRange(received.GetValueOrDefault(externalId, []).Select(at => Stopwatch.GetElapsedTime(accepted, at).TotalMilliseconds));
        }

        await Task.WhenAll(connections.Select(connection => connection.DisposeAsync().AsTask()));
        delays.Sort();
        return new Latency(consoles, delays.Count, Percentile(delays, 0.5), Percentile(delays, 0.99), delays.Count == 0 ? double.NaN : delays[^1]);
    }

    public static async Task<HubConnection> Console(Uri api, string token) =>
        await Task.FromResult(new HubConnectionBuilder()
            .WithUrl(new Uri(api, "/hubs/console"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build());

    public static async Task<HttpResponseMessage> Post(HttpClient http, string externalId, string customer, string priority, string channel = "facebook", string text = Text)
    {
        var body = new ConnectorBody(externalId, new ConnectorCustomer(customer), text, Priority: priority).ToUtf8();
        using var request = SignedRequest.Create(SignedRequest.ComplaintsPath(channel), "dev-secret", body, DateTimeOffset.UtcNow);
        return await http.SendAsync(request);
    }

    public static double Percentile(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
}
