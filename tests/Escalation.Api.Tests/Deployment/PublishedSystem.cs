using System.Net;
using System.Net.Http.Json;
using Escalation.Api.Tests.Durable;

namespace Escalation.Api.Tests.Deployment;

/// <summary>
/// The durable profile as the images run it: the silo and the api published by their Dockerfiles' commands, the schema
/// made by the published silo's <c>init-db</c>, then one silo and one api started as the images' user with environment
/// variables only, on a fresh database of the local PostgreSQL, exporting OpenTelemetry to a local OTLP receiver. The
/// fixture sets up a team through the api.
/// </summary>
public sealed class PublishedSystem : ApiDriver, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "escalation-published-" + Guid.NewGuid().ToString("N")[..8]);

    public override TimeProvider Time => TimeProvider.System;

    protected override string Password => "published-password";

    public string ConnectionString { get; private set; } = "";

    internal PublishedService Silo { get; private set; } = null!;

    internal PublishedService Api { get; private set; } = null!;

    internal ServiceProcess SiloProcess { get; private set; } = null!;

    internal ServiceProcess ApiProcess { get; private set; } = null!;

    internal OtlpReceiver Telemetry { get; private set; } = null!;

    public Dictionary<string, string> SiloEnvironment { get; private set; } = [];

    public Dictionary<string, string> ApiEnvironment { get; private set; } = [];

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(folder);
        Silo = await PublishedService.Publish("silo/Dockerfile", Path.Combine(folder, "silo"));
        Api = await PublishedService.Publish("api/Dockerfile", Path.Combine(folder, "api"));
        ConnectionString = await LocalPostgres.CreateDatabase("escalation_published_");
        Telemetry = await OtlpReceiver.Start();
        (SiloEnvironment, ApiEnvironment) = Environments(ConnectionString);
        using (var initDb = Silo.Start("init-db", SiloEnvironment, "init-db"))
        {
            Assert.Equal(0, await initDb.Exited.WaitAsync(Patience));
        }

        (SiloProcess, ApiProcess, var address) = await StartServices(SiloEnvironment, ApiEnvironment, "");
        Connect(address);
        await CreateCareTeam();
    }

    /// <summary>What a deployment would set for a silo and an api instance on the database, on free ports of this host.</summary>
    public (Dictionary<string, string> Silo, Dictionary<string, string> Api) Environments(string connectionString)
    {
        var gatewayPort = $"{ApiHost.FreePort()}";
        var silo = new Dictionary<string, string>
        {
            ["ConnectionStrings__Escalation"] = connectionString,
            ["Cluster__SiloPort"] = $"{ApiHost.FreePort()}",
            ["Cluster__GatewayPort"] = gatewayPort,
            ["Cluster__AdvertisedAddress"] = "127.0.0.1",
        };
        var api = new Dictionary<string, string>
        {
            ["ConnectionStrings__Escalation"] = connectionString,
            ["Cluster__GatewayPort"] = gatewayPort,
            ["ASPNETCORE_HTTP_PORTS"] = $"{ApiHost.FreePort()}",
            ["Escalation__Auth__SigningKey"] = "published-test-signing-key-of-enough-length",
            ["Escalation__Bootstrap__AdminPassword"] = Password,

            // Request logs, written within the request's span.
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        };
        foreach (var environment in new[] { silo, api })
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = Telemetry.Endpoint.ToString().TrimEnd('/');
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";

            // Export within a fraction of a second instead of the defaults' 5 s (spans, logs) and 60 s (metrics).
            environment["OTEL_BSP_SCHEDULE_DELAY"] = "200";
            environment["OTEL_BLRP_SCHEDULE_DELAY"] = "200";
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        }

        return (silo, api);
    }

    /// <summary>Starts a published silo, and once it runs a published api, which is returned once ready.</summary>
    internal async Task<(ServiceProcess Silo, ServiceProcess Api, Uri Address)> StartServices(
        Dictionary<string, string> siloEnvironment, Dictionary<string, string> apiEnvironment, string name)
    {
        var silo = Silo.Start($"{name}silo", siloEnvironment);
        await silo.WaitForOutput("Application started", Patience);
        var api = Api.Start($"{name}api", apiEnvironment);
        var address = new Uri($"http://127.0.0.1:{apiEnvironment["ASPNETCORE_HTTP_PORTS"]}");
        using var http = new HttpClient { BaseAddress = address };
        var deadline = DateTime.UtcNow + Patience;
        while (!api.Exited.IsCompleted && DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return (silo, api, address);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            // Readiness (cluster reached, directory seeded, events subscribed) signals nothing a test could await.
            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The published api was not ready within {Patience.TotalSeconds} s: see artifacts/processes/{name}api.log.");
    }

    public async Task DisposeAsync()
    {
        foreach (var process in new[] { ApiProcess, SiloProcess }.OfType<ServiceProcess>())
        {
            process.Dispose();
        }

        Anonymous?.Dispose();
        if (Telemetry is not null)
        {
            await Telemetry.DisposeAsync();
        }

        System.IO.Directory.Delete(folder, recursive: true);
    }

    /// <summary>A supervisor, an agent and a manager of the team <c>care</c>, and the channel <c>facebook</c> routed to it.</summary>
    private async Task CreateCareTeam()
    {
        using var admin = await ClientFor("admin");
        (await admin.PutAsJsonAsync("/api/channels/facebook", new { secret = Secret, team = "care" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/users/supervisor1", new { role = "supervisor", team = "care", password = Password })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/users/agent1", new { role = "agent", team = "care", password = Password })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/users/manager1", new { role = "manager", password = Password })).EnsureSuccessStatusCode();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeploymentCollection : ICollectionFixture<PublishedSystem>
{
    // Alone, after the parallel collections: the durable tests crash the shared PostgreSQL on purpose, and publishing
    // takes both cores for a while.
    public const string Name = "deployment";
}
