using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Escalation.Grains;
using Escalation.Grains.Index;
using Escalation.Tests.Shared;
using Npgsql;

namespace Escalation.Api.Tests.Durable;

/// <summary>
/// The durable profile on a real PostgreSQL with silo processes that are killed outright. P1 here: first response
/// 20 s, warning at 10 s, acknowledgement 10 s, in real time (these tests wait for real outages).
/// </summary>
[Collection(DurableCollection.Name)]
public sealed class DurableProfileTests(DurableFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private async Task<JsonElement> Details(Guid id)
    {
        using var manager = await fixture.ClientFor("manager1");
        return await manager.GetFromJsonAsync<JsonElement>($"/api/complaints/{id}");
    }

    private static IEnumerable<string?> Types(JsonElement details) =>
        details.GetProperty("timeline").EnumerateArray().Select(entry => entry.GetProperty("type").GetString());

    [Fact]
    public async Task When_a_silo_dies_its_complaints_still_warn_and_escalate_once_each_on_the_survivor()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await fixture.NewComplaint());
        }

        await fixture.Silos[1].Kill();
        foreach (var id in ids)
        {
            await fixture.Supervisor.WaitFor("slaWarning", id, patience: Patience);
            await fixture.Supervisor.WaitFor("complaintEscalated", id, e => e.GetProperty("level").GetInt32() == 1, Patience);
            await fixture.Manager.WaitFor("complaintEscalated", id, e => e.GetProperty("level").GetInt32() == 2, Patience);
        }

        foreach (var id in ids)
        {
            var timeline = Types(await Details(id)).ToList();
            Assert.Equal(1, timeline.Count(type => type == "slaWarning"));
            Assert.Equal(2, timeline.Count(type => type == "escalated"));
            Assert.Single(fixture.Supervisor.For(id), e => e.Name == "complaintEscalated");
            Assert.Single(fixture.Manager.For(id), e => e.Name == "complaintEscalated");
        }

        fixture.Silos[1].Dispose();
        fixture.Silos[1] = await ServiceProcess.StartSilo(fixture.ConnectionString, fixture.Endpoints[1].SiloPort, fixture.Endpoints[1].GatewayPort);
    }

    [Fact]
    public async Task After_the_whole_cluster_restarts_everything_is_there_and_missed_deadlines_escalate_at_once()
    {
        var overdue = await fixture.NewComplaint();
        var answered = await fixture.NewComplaint();
        var resolved = await fixture.NewComplaint();
        using (var agent = await fixture.ClientFor("agent1"))
        {
            (await agent.PostAsJsonAsync($"/api/complaints/{answered}/responses", new { text = "Vabandame, uurime!", @public = true })).EnsureSuccessStatusCode();
            (await agent.PostAsJsonAsync($"/api/complaints/{resolved}/resolve", new { note = "Refunded" })).EnsureSuccessStatusCode();
        }

        var before = new Dictionary<Guid, JsonElement>();
        foreach (var id in new[] { overdue, answered, resolved })
        {
            before[id] = await Details(id);
        }

        foreach (var silo in fixture.Silos)
        {
            await silo.Kill();
            silo.Dispose();
        }

        // Meanwhile the overdue complaint's deadline shard gains a million wake-ups of closed complaints (their texts'
        // erasure, a year ahead): the restarted shard finds the one due among them from the stored index.
        await using var database = NpgsqlDataSource.Create(fixture.ConnectionString);
        await AddWakeUps(database, new ComplaintProjection(new EscalationOptions().DeadlineShards).ShardOf(overdue), 1_000_000);
        try
        {
            // The outage itself must outlast the first-response deadline; there is nothing to await but time.
            await Task.Delay(TimeSpan.Parse(DurableFixture.P1FirstResponse, System.Globalization.CultureInfo.InvariantCulture) + TimeSpan.FromSeconds(2));
            await fixture.StartSilos();

            var escalated = await fixture.Supervisor.WaitFor("complaintEscalated", overdue, e => e.GetProperty("level").GetInt32() == 1, Patience);
            Assert.Equal(before[overdue].GetProperty("firstResponseDueAt").GetString(), escalated.GetProperty("dueAt").GetString());
        }
        finally
        {
            await RemoveWakeUps(database);
        }

        foreach (var (id, earlier) in before)
        {
            var now = await Details(id);
            Assert.Equal(earlier.GetProperty("status").GetString(), now.GetProperty("status").GetString());
            Assert.Equal(earlier.GetProperty("resolutionDueAt").GetString(), now.GetProperty("resolutionDueAt").GetString());
            var kept = now.GetProperty("timeline").EnumerateArray().Take(earlier.GetProperty("timeline").GetArrayLength()).Select(e => e.GetRawText());
            Assert.Equal(earlier.GetProperty("timeline").EnumerateArray().Select(e => e.GetRawText()), kept);
        }

        Assert.Contains("escalated", Types(await Details(overdue)));
        Assert.DoesNotContain("escalated", Types(await Details(answered)));
    }

    [Fact]
    public async Task When_postgres_stops_mid_load_requests_fail_cleanly_and_nothing_acknowledged_is_lost()
    {
        var accepted = new Dictionary<string, Guid>();
        var refused = new List<string>();
        async Task<HttpResponseMessage> Post(string externalId) => await fixture.PostSigned("facebook", JsonSerializer.Serialize(new
        {
            externalId,
            customer = new { id = $"fb:{externalId}" },
            text = "Pakk on kadunud, keegi ei vasta.",
        }));

        for (var i = 0; i < 10; i++)
        {
            var externalId = $"load-before-{i}-{Guid.NewGuid():N}";
            var response = await Post(externalId);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            accepted[externalId] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid();
        }

        await Postgres("crash");
        for (var i = 0; i < 10; i++)
        {
            var externalId = $"load-during-{i}-{Guid.NewGuid():N}";
            var response = await Post(externalId);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            refused.Add(externalId);
        }

        await Postgres("start");
        var recovery = Stopwatch.StartNew();
        foreach (var externalId in refused)
        {
            // Connections broken by the crash fail once more each, then the pool recovers: retry as a connector would.
            HttpResponseMessage response;
            while ((response = await Post(externalId)).StatusCode == HttpStatusCode.ServiceUnavailable && recovery.Elapsed < Patience)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }

            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.OK });
            accepted[externalId] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid();
        }

        foreach (var (externalId, id) in accepted)
        {
            Assert.Equal(externalId, (await Details(id)).GetProperty("externalId").GetString());
        }
    }

    /// <summary>
    /// Index rows of closed complaints in a team of their own, with wake-ups a year ahead, in one shard. Their list rows
    /// are empty: no test lists that team, and they are removed before the test ends.
    /// </summary>
    private static async Task AddWakeUps(NpgsqlDataSource database, int shard, int count)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO escalation_complaint
                (id, team, shard, wake_ticks, open, status, due_ticks, created_ticks, priority, channel, topic, assignee, escalated, warned, search, row)
            SELECT gen_random_uuid(), 'archive', $1, $2 + i, false, 5, 9223372036854775807, $2, 3, 'email', 0, NULL, false, false, '', ''::bytea
            FROM generate_series(1, $3) AS i
            """);
        command.CommandTimeout = 300;
        foreach (var value in new object[] { shard, DateTimeOffset.UtcNow.AddYears(1).UtcTicks, count })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        Assert.Equal(count, await command.ExecuteNonQueryAsync());
    }

    /// <summary>Removes them, and their dead rows and log, so that the tests after this one scan and recover no more than before.</summary>
    private static async Task RemoveWakeUps(NpgsqlDataSource database)
    {
        foreach (var statement in new[] { "DELETE FROM escalation_complaint WHERE team = 'archive'", "VACUUM escalation_complaint", "CHECKPOINT" })
        {
            await using var command = database.CreateCommand(statement);
            command.CommandTimeout = 300;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task Postgres(string command)
    {
        using var process = Process.Start(new ProcessStartInfo(Path.Combine(RepositoryRoot.Path, "scripts", "postgres"), [command]) { RedirectStandardOutput = true })!;
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }
}
