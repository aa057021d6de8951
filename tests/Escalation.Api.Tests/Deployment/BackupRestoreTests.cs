using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Escalation.Api.Tests.Durable;
using Escalation.Tests.Shared;
using Npgsql;

namespace Escalation.Api.Tests.Deployment;

/// <summary>scripts/backup and scripts/restore on the published system's database, and a cluster started on the restored copy.</summary>
[Collection(DeploymentCollection.Name)]
public sealed class BackupRestoreTests(PublishedSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_restored_backup_has_every_complaint_deadline_and_user_and_deadlines_missed_meanwhile_escalate()
    {
        using (var admin = await system.ClientFor("admin"))
        {
            (await admin.PutAsJsonAsync("/api/sla/policies/P1", new
            {
                firstResponse = "00:00:06", nextResponse = "00:01:00", resolution = "00:10:00", warningAt = 0.5, escalationAcknowledge = "00:00:10",
            })).EnsureSuccessStatusCode();
        }

        Guid[] overdue = [await system.NewComplaint("P1"), await system.NewComplaint("P1")];
        var pending = await system.NewComplaint("P3");
        var before = new Dictionary<Guid, JsonElement>();
        foreach (var id in overdue.Append(pending))
        {
            before[id] = await Details(system.BaseAddress, id);
        }

        var users = await Users(system.BaseAddress);
        var backup = Path.Combine(Path.GetTempPath(), $"escalation-{Guid.NewGuid():N}.dump");
        Assert.Equal(0, await Script("backup", Libpq(system.ConnectionString), backup));
        var restored = await LocalPostgres.CreateDatabase("escalation_restored_");
        Assert.Equal(0, await Script("restore", backup, Libpq(restored)));
        Assert.NotEqual(0, await Script("restore", backup, Libpq(system.ConnectionString)));
        File.Delete(backup);

        // The first-response deadlines must fall due while no cluster runs on the copy; there is nothing to await but time.
        var due = overdue.Max(id => DateTimeOffset.Parse(before[id].GetProperty("firstResponseDueAt").GetString()!, CultureInfo.InvariantCulture));
        await Task.Delay(Max(TimeSpan.Zero, due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1)));

        var (siloEnvironment, apiEnvironment) = system.Environments(restored);
        var (silo, api, address) = await system.StartServices(siloEnvironment, apiEnvironment, "restored-");
        using (silo)
        using (api)
        {
            Assert.Equal(users, await Users(address));
            await using var supervisor = await HubListener.Connect(address, await system.Token("supervisor1"));
            foreach (var id in overdue)
            {
                // Escalated before the console connected (then it is in the timeline), or after (then it is pushed).
                if (!Types(await Details(address, id)).Contains("escalated"))
                {
                    await supervisor.WaitFor("complaintEscalated", id, e => e.GetProperty("level").GetInt32() == 1, Patience);
                }
            }

            foreach (var (id, earlier) in before)
            {
                var now = await Details(address, id);
                Assert.Equal(earlier.GetProperty("resolutionDueAt").GetString(), now.GetProperty("resolutionDueAt").GetString());
                Assert.Equal(earlier.GetProperty("firstResponseDueAt").GetString(), now.GetProperty("firstResponseDueAt").GetString());
                Assert.Equal(id != pending, Types(now).Contains("escalated"));
            }
        }
    }

    private async Task<JsonElement> Details(Uri api, Guid id)
    {
        using var manager = await Client(api, "manager1");
        return await manager.GetFromJsonAsync<JsonElement>($"/api/complaints/{id}");
    }

    private async Task<List<string>> Users(Uri api)
    {
        using var admin = await Client(api, "admin");
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/users");
        return [.. users.EnumerateArray().Select(user => user.GetRawText()).Order()];
    }

    /// <summary>A user's client of an api instance; the token from the published api holds there too (same signing key).</summary>
    private async Task<HttpClient> Client(Uri api, string username)
    {
        var client = new HttpClient { BaseAddress = api };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await system.Token(username));
        return client;
    }

    private static List<string?> Types(JsonElement details) =>
        [.. details.GetProperty("timeline").EnumerateArray().Select(entry => entry.GetProperty("type").GetString())];

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>The scripts take libpq connection strings, as pg_dump does; the services take Npgsql's.</summary>
    private static string Libpq(string connectionString)
    {
        var npgsql = new NpgsqlConnectionStringBuilder(connectionString);
        return $"host={npgsql.Host} port={npgsql.Port} user={npgsql.Username} dbname={npgsql.Database}";
    }

    private static async Task<int> Script(string name, params string[] arguments)
    {
        using var script = Process.Start(new ProcessStartInfo(Path.Combine(RepositoryRoot.Path, "scripts", name), arguments))!;
        await script.WaitForExitAsync().WaitAsync(Patience);
        return script.ExitCode;
    }
}
