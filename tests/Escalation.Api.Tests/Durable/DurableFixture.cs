extern alias silo;

using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using silo::Escalation.Silo;

namespace Escalation.Api.Tests.Durable;

/// <summary>
/// The durable profile for real: a fresh database on the local PostgreSQL (<see cref="LocalPostgres"/>), its schema created by the silo's init-db code, two silo processes, and the api
/// in process. Nothing is seeded but the bootstrap admin, so the fixture creates the team it needs.
/// </summary>
public sealed class DurableFixture : ApiDriver, IAsyncLifetime
{
    public const string P1FirstResponse = "00:00:20";

    private readonly List<WebApplicationFactory<Program>> apis = [];

    public string ConnectionString { get; private set; } = "";

    public override TimeProvider Time => TimeProvider.System;

    protected override string Password => "durable-password";

    public List<(int SiloPort, int GatewayPort)> Endpoints { get; } = [];

    public List<ServiceProcess> Silos { get; } = [];

    public HubListener Supervisor { get; private set; } = null!;

    public HubListener Manager { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await LocalPostgres.CreateDatabase("escalation_test_");
        for (var pass = 0; pass < 2; pass++)
        {
            Assert.Equal(0, await DatabaseSchema.InitializeAsync(ConnectionString, TextWriter.Null, TextWriter.Null));
        }

        Endpoints.AddRange([(ApiHost.FreePort(), ApiHost.FreePort()), (ApiHost.FreePort(), ApiHost.FreePort())]);
        await StartSilos();
        var (api, address) = await ApiHost.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings:Escalation"] = ConnectionString,
            ["Escalation:Auth:SigningKey"] = "durable-test-signing-key-of-enough-length",
            ["Escalation:Bootstrap:AdminPassword"] = Password,
            ["Escalation:RateLimits:LoginsPerMinute"] = "10000",
            ["Cluster:GatewayListRefreshPeriod"] = "00:00:01",
        });
        apis.Add(api);
        Connect(address);

        using var admin = await ClientFor("admin");
        foreach (var (user, body) in new (string, object)[]
        {
            ("supervisor1", new { role = "supervisor", team = "care", password = Password }),
            ("agent1", new { role = "agent", team = "care", password = Password }),
            ("manager1", new { role = "manager", password = Password }),
        })
        {
            (await admin.PutAsJsonAsync($"/api/users/{user}", body)).EnsureSuccessStatusCode();
        }

        (await admin.PutAsJsonAsync("/api/channels/facebook", new { secret = Secret, team = "care" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/sla/policies/P1", new
        {
            firstResponse = P1FirstResponse, nextResponse = "00:01:00", resolution = "00:10:00", warningAt = 0.5, escalationAcknowledge = "00:00:10",
        })).EnsureSuccessStatusCode();
        Supervisor = await HubListener.Connect(BaseAddress, await Token("supervisor1"));
        Manager = await HubListener.Connect(BaseAddress, await Token("manager1"));
    }

    /// <summary>Starts every silo on its own ports (again).</summary>
    public async Task StartSilos()
    {
        // One after the other, as an operator brings a cluster back: each new silo supersedes its own stale row in the
        // membership table. Started at the same moment on a busy machine, one could be voted dead by the other while
        // still starting, and stop itself.
        Silos.Clear();
        foreach (var (siloPort, gatewayPort) in Endpoints)
        {
            Silos.Add(await ServiceProcess.StartSilo(ConnectionString, siloPort, gatewayPort));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var listener in new[] { Supervisor, Manager }.OfType<HubListener>())
        {
            await listener.DisposeAsync();
        }
        foreach (var api in apis)
        {
            await api.DisposeAsync();
        }

        Silos.ForEach(silo => silo.Dispose());
        Anonymous?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DurableCollection : ICollectionFixture<DurableFixture>
{
    public const string Name = "durable";
}
