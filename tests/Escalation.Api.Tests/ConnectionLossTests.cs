using System.Net.Http.Json;
using System.Text.Json;
using Escalation.Complaints;
using Escalation.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Escalation.Api.Tests;

/// <summary>
/// What consoles see when parts of the system go away: each test runs a silo of its own (the embedded default) and the
/// api instances it needs, so that stopping them disturbs no other test. They run alone, after the parallel
/// collections: they wait on reconnections and leases, which a machine busy with other tests' clusters slows down.
/// </summary>
[Collection(Name)]
public sealed class ConnectionLossTests
{
    public const string Name = "connection loss";

    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task An_api_that_lost_the_cluster_for_longer_than_events_are_kept_tells_its_consoles_to_resynchronise()
    {
        var (siloPort, gatewayPort) = (ApiHost.FreePort(), ApiHost.FreePort());
        var silo = await ApiFixture.StartSilo(siloPort, gatewayPort, clock);
        var (api, address) = await ApiFixture.StartApi(gatewayPort, clock, new Dictionary<string, string> { ["Cluster:GatewayListRefreshPeriod"] = "00:00:01" });
        try
        {
            var token = await Login(address, "manager1");
            await using var console = await HubListener.Connect(address, token);

            // A new cluster: the channels the api subscribed to are gone with what they kept.
            await silo.StopAsync();
            silo.Dispose();
            silo = await ApiFixture.StartSilo(siloPort, gatewayPort, clock);

            var resync = await console.WaitForResync(TimeSpan.FromSeconds(30));
            Assert.Contains("lost touch", resync.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await api.DisposeAsync();
            await silo.StopAsync();
            silo.Dispose();
        }
    }

    [Fact]
    public async Task When_an_api_instance_dies_its_agents_go_offline_within_the_lease_and_new_complaints_wait_in_the_queue()
    {
        var (siloPort, gatewayPort) = (ApiHost.FreePort(), ApiHost.FreePort());
        using var silo = await ApiFixture.StartSilo(siloPort, gatewayPort, clock);
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var address = new Uri($"http://127.0.0.1:{ApiHost.FreePort()}");
        using var process = await ServiceProcess.StartApi(address, new()
        {
            ["Cluster__GatewayPort"] = $"{gatewayPort}",
            ["Escalation__Presence__Lease"] = "00:00:03",
            ["Escalation__Presence__RenewEvery"] = "00:00:01",
        });
        try
        {
            var presence = grains.GetGrain<ITeamPresenceGrain>("care");
            await using (var console = await HubListener.Connect(address, await Login(address, "agent2")))
            {
                // The hub counts the connection once its handshake is done, just after the client's start returns.
                await Until(async () => (await presence.GetOnline()).Contains("agent2"), "agent2 never counted as online");
                Assert.Equal("agent2", (await NewComplaint(grains)).Assignee);
                await process.Kill();
            }

            // The dead instance renews nothing more; its lease of three seconds runs out. Nothing announces it: ask until then.
            await Until(async () => !(await presence.Refresh()).Contains("agent2"), "agent2 still counts as online long after the lease");

            Assert.Null((await NewComplaint(grains)).Assignee);
        }
        finally
        {
            await silo.StopAsync();
        }
    }

    private static async Task Until(Func<Task<bool>> condition, string failure)
    {
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(15), failure);
            await Task.Delay(200);
        }
    }

    private static async Task<string> Login(Uri address, string username)
    {
        using var http = new HttpClient { BaseAddress = address };
        var response = await http.PostAsJsonAsync("/api/auth/login", new { username, password = "demo" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<ComplaintSummary> NewComplaint(IGrainFactory grains)
    {
        var id = Guid.NewGuid();
        var created = await grains.GetGrain<IComplaintGrain>(id).Create(new NewComplaint(
            "facebook", $"fb-{id:N}", new CustomerRef($"fb:{id:N}", "Mari Maasikas"), "Kapp ei tööta", Public: false, "care"));
        return created.Complaint;
    }
}

[CollectionDefinition(ConnectionLossTests.Name, DisableParallelization = true)]
public sealed class ConnectionLossCollection;
