using System.Net;
using System.Net.Http.Json;
using Escalation.Api.Tests.Durable;

namespace Escalation.Api.Tests.Deployment;

/// <summary>
/// The durable profile as the images run it: the silo and the api published by their Dockerfiles' commands, the schema
/// made by the published silo's <c>init-db</c>, then one silo and one api started as the images' user with environment
/// variables only, on a fresh database of the local PostgreSQL. The fixture sets up a team through the api.
/// </summary>
public sealed class PublishedSystem : ApiDriver, IAsyncLifetime
{
    public const string SigningKey = "published-test-signing-key-of-enough-length";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "escalation-published-" + Guid.NewGuid().ToString("N")[..8]);

    public override TimeProvider Time => TimeProvider.System;

    public string ConnectionString { get; private set; } = "";

    internal PublishedService Silo { get; private set; } = null!;

    internal PublishedService Api { get; private set; } = null!;

    internal ServiceProcess SiloProcess { get; private set; } = null!;

    internal ServiceProcess ApiProcess { get; private set; } = null!;

    public Dictionary<string, string> SiloEnvironment { get; } = [];

    public Dictionary<string, string> ApiEnvironment { get; } = [];

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(folder);
        Silo = await PublishedService.Publish("silo/Dockerfile", Path.Combine(folder, "silo"));
        Api = await PublishedService.Publish("api/Dockerfile", Path.Combine(folder, "api"));
        ConnectionString = await LocalPostgres.CreateDatabase("escalation_published_");

        var gatewayPort = $"{ApiHost.FreePort()}";
        SiloEnvironment["ConnectionStrings__Escalation"] = ConnectionString;
        SiloEnvironment["Cluster__SiloPort"] = $"{ApiHost.FreePort()}";
        SiloEnvironment["Cluster__GatewayPort"] = gatewayPort;
        SiloEnvironment["Cluster__AdvertisedAddress"] = "127.0.0.1";
        using (var initDb = Silo.Start("init-db", SiloEnvironment, "init-db"))
        {
            Assert.Equal(0, await initDb.Exited.WaitAsync(Patience));
        }

        SiloProcess = Silo.Start("silo", SiloEnvironment);
        await SiloProcess.WaitForOutput("Application started", Patience);

        var httpPort = ApiHost.FreePort();
        ApiEnvironment["ConnectionStrings__Escalation"] = ConnectionString;
        ApiEnvironment["Cluster__GatewayPort"] = gatewayPort;
        ApiEnvironment["ASPNETCORE_HTTP_PORTS"] = $"{httpPort}";
        ApiEnvironment["Escalation__Auth__SigningKey"] = SigningKey;
        ApiEnvironment["Escalation__Bootstrap__AdminPassword"] = "demo";
        ApiProcess = Api.Start("api", ApiEnvironment);
        Connect(new Uri($"http://127.0.0.1:{httpPort}"));
        await WaitUntilReady();
        await CreateCareTeam();
    }

    public Task DisposeAsync()
    {
        foreach (var process in new[] { ApiProcess, SiloProcess }.OfType<ServiceProcess>())
        {
            process.Dispose();
        }

        Anonymous?.Dispose();
        System.IO.Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    private async Task WaitUntilReady()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!ApiProcess.Exited.IsCompleted && DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await Anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            // Readiness (cluster reached, directory seeded, events subscribed) signals nothing a test could await.
            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The published api was not ready within {Patience.TotalSeconds} s: see artifacts/deployment/api.log.");
    }

    /// <summary>A supervisor, an agent and a manager of the team <c>care</c>, and the channel <c>facebook</c> routed to it.</summary>
    private async Task CreateCareTeam()
    {
        using var admin = await ClientFor("admin");
        (await admin.PutAsJsonAsync("/api/channels/facebook", new { secret = Secret, team = "care" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/users/supervisor1", new { role = "supervisor", team = "care", password = "demo" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/users/agent1", new { role = "agent", team = "care", password = "demo" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/users/manager1", new { role = "manager", password = "demo" })).EnsureSuccessStatusCode();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeploymentCollection : ICollectionFixture<PublishedSystem>
{
    // Alone, after the parallel collections: the durable tests crash the shared PostgreSQL on purpose, and publishing
    // takes both cores for a while.
    public const string Name = "deployment";
}
