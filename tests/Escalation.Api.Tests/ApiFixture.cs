extern alias silo;

using Escalation.Tests.Shared;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Escalation.Grains;
using silo::Escalation.Silo;

namespace Escalation.Api.Tests;

/// <summary>
/// A real silo (the embedded default, its grain timers and reminders on a fake clock) and the real api on Kestrel
/// at a loopback port, talking to it as an Orleans client. Demo accounts and channels are seeded as in the
/// embedded default; agent1, supervisor1 and manager1 keep consoles connected to the hub throughout.
/// </summary>
public sealed class ApiFixture : ApiDriver, IAsyncLifetime
{
    private IHost? silo;
    private WebApplicationFactory<Program>? api;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    public int GatewayPort { get; private set; }

    public HubListener Agent { get; private set; } = null!;

    public HubListener Supervisor { get; private set; } = null!;

    public HubListener Manager { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var siloPort = ApiHost.FreePort();
        GatewayPort = ApiHost.FreePort();
        silo = await StartSilo(siloPort, GatewayPort, Clock);

        (api, var address) = await StartApi(GatewayPort, Clock);
        Connect(address);
        Agent = await HubListener.Connect(BaseAddress, await Token("agent1"));
        Supervisor = await HubListener.Connect(BaseAddress, await Token("supervisor1"));
        Manager = await HubListener.Connect(BaseAddress, await Token("manager1"));
    }

    public async Task DisposeAsync()
    {
        foreach (var listener in new[] { Agent, Supervisor, Manager })
        {
            await listener.DisposeAsync();
        }

        Anonymous.Dispose();
        if (api is not null)
        {
            await api.DisposeAsync();
        }

        if (silo is not null)
        {
            await silo.StopAsync();
            silo.Dispose();
        }
    }

    public override TimeProvider Time => Clock;

    /// <summary>A silo of the embedded default in this process, its grain timers and reminders on <paramref name="clock"/>.</summary>
    public static Task<IHost> StartSilo(int siloPort, int gatewayPort, FakeTimeProvider clock) =>
        StartSilo(siloPort, gatewayPort, new Dictionary<string, string?> { ["Escalation:OutboundGiveUpAfter"] = OutboundGiveUpAfter.ToString("c", System.Globalization.CultureInfo.InvariantCulture) },
            (orleans, _) => orleans.UseFakeClock(clock));

    /// <summary>
    /// How long deliveries are tried here: the clock cannot move a day on (tokens are checked on the wall clock and
    /// would be issued in the future), so the day of the contract is shortened.
    /// </summary>
    public static TimeSpan OutboundGiveUpAfter { get; } = TimeSpan.FromMinutes(20);

    /// <summary>A silo of the embedded default in this process on its own ports, with more <paramref name="settings"/> and <paramref name="configure"/> applied last.</summary>
    public static async Task<IHost> StartSilo(
        int siloPort, int gatewayPort, IReadOnlyDictionary<string, string?> settings, Func<ISiloBuilder, IConfiguration, ISiloBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Cluster:SiloPort"] = $"{siloPort}",
            ["Cluster:GatewayPort"] = $"{gatewayPort}",
            ["Cluster:PrimarySiloPort"] = $"{siloPort}",
        });
        builder.UseOrleans(orleans => configure(orleans.UseEmbeddedDefault(builder.Configuration).AddEscalationGrains(builder.Configuration), builder.Configuration));
        var silo = builder.Build();
        await silo.StartAsync();
        return silo;
    }

    /// <summary>Moves the clock on, then has the deadline shards read what fell due (see <see cref="DeadlineShards"/>).</summary>
    public async Task Advance(TimeSpan by)
    {
        Clock.Advance(by);
        await DeadlineShards.Wake(silo!.Services.GetRequiredService<IGrainFactory>());
    }

    /// <summary>The api's services: its endpoints, and the cluster as it sees it, for what no endpoint shows.</summary>
    public IServiceProvider Services => api!.Services;

    public IClusterClient Cluster => Services.GetRequiredService<IClusterClient>();

    /// <summary>Another api instance on the same cluster and clock, ready to serve; login limits out of the way unless <paramref name="settings"/> set them.</summary>
    public static Task<(WebApplicationFactory<Program> Api, Uri BaseAddress)> StartApi(int gatewayPort, TimeProvider clock, IReadOnlyDictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Cluster:GatewayPort"] = $"{gatewayPort}",
            ["Escalation:RateLimits:LoginsPerMinute"] = "10000",
            ["Escalation:RateLimits:LoginsPerMinutePerAccount"] = "10000",
            // The role matrix checks who may open the dashboard; its data needs the silo side, which the test silo does not run.
            ["Escalation:Dashboard:Enabled"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return ApiHost.Start(all, clock);
    }

    /// <summary>A second api instance on this fixture's cluster and clock.</summary>
    public Task<(WebApplicationFactory<Program> Api, Uri BaseAddress)> StartAnotherApi(IReadOnlyDictionary<string, string>? settings = null) =>
        StartApi(GatewayPort, Clock, settings);
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
