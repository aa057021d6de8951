using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Api.Tests.Durable;

/// <summary>
/// A team's three-level chain on a real PostgreSQL with silo processes killed outright: levels pending when their silo
/// dies still fire, once each, to exactly their recipients. Team <c>relay</c> (channel <c>relay-fb</c>) of its own, so
/// that the other durable tests keep the default chain; P1 as the fixture sets it (first response 20 s).
/// </summary>
[Collection(DurableCollection.Name)]
public sealed class DurableChainTests(DurableFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>The team's supervisor at the deadline, a manager by name 5 s later, the whole team 5 s after that.</summary>
    private static readonly object Chain = new
    {
        levels = new object[]
        {
            new { after = "00:00:00", notify = new[] { "supervisors" } },
            new { after = "00:00:05", notify = new[] { "user:manager1" } },
            new { after = "00:00:05", notify = new[] { "team" } },
        },
    };

    [Fact]
    public async Task Levels_pending_when_a_silo_dies_fire_once_each_on_the_survivor_to_their_recipients()
    {
        using var admin = await fixture.ClientFor("admin");
        (await admin.PutAsJsonAsync("/api/users/relay-sup", new { role = "supervisor", team = "relay", password = "relay-password" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/users/relay-agent", new { role = "agent", team = "relay", password = "relay-password" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/channels/relay-fb", new { secret = ApiDriver.Secret, team = "relay" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/teams/relay/escalation", Chain)).EnsureSuccessStatusCode();
        await using var supervisor = await HubListener.Connect(fixture.BaseAddress, await fixture.Token("relay-sup", "relay-password"));
        await using var agent = await HubListener.Connect(fixture.BaseAddress, await fixture.Token("relay-agent", "relay-password"));

        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await fixture.NewComplaint(channel: "relay-fb"));
        }

        foreach (var id in ids)
        {
            await supervisor.WaitFor("complaintEscalated", id, e => e.GetProperty("level").GetInt32() == 1, Patience);
        }

        await fixture.Silos[1].Kill();
        foreach (var id in ids)
        {
            await fixture.Manager.WaitFor("complaintEscalated", id, e => e.GetProperty("level").GetInt32() == 2, Patience);
            await agent.WaitFor("complaintEscalated", id, e => e.GetProperty("level").GetInt32() == 3, Patience);
            await supervisor.WaitFor("complaintEscalated", id, e => e.GetProperty("level").GetInt32() == 3, Patience);
        }

        using var manager = await fixture.ClientFor("manager1");
        foreach (var id in ids)
        {
            var timeline = (await manager.GetFromJsonAsync<JsonElement>($"/api/complaints/{id}")).GetProperty("timeline").EnumerateArray()
                .Where(entry => entry.GetProperty("type").GetString() == "escalated").ToList();
            Assert.Equal([1, 2, 3], timeline.Select(entry => entry.GetProperty("level").GetInt32()));
            Assert.Equal(["relay-agent", "relay-sup"], timeline[2].GetProperty("notifiedUsers").EnumerateArray().Select(user => user.GetString()));
            Assert.Equal([1, 3], Levels(supervisor, id));
            Assert.Equal([3], Levels(agent, id));
            Assert.Equal([2], Levels(fixture.Manager, id));
            Assert.Empty(Levels(fixture.Supervisor, id));
        }

        fixture.Silos[1].Dispose();
        fixture.Silos[1] = await ServiceProcess.StartSilo(fixture.ConnectionString, fixture.Endpoints[1].SiloPort, fixture.Endpoints[1].GatewayPort);
    }

    private static List<int> Levels(HubListener console, Guid id) =>
        [.. console.For(id).Where(e => e.Name == "complaintEscalated").Select(e => e.Payload.GetProperty("level").GetInt32())];
}
