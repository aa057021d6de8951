extern alias silo;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Escalation.Connectors;
using Escalation.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using silo::Escalation.Silo;

namespace Escalation.Api.Tests;

/// <summary>
/// A real silo (the embedded default, its grain timers and reminders on a fake clock) and the real api on Kestrel
/// at a loopback port, talking to it as an Orleans client. Demo accounts and channels are seeded as in the
/// embedded default; agent1, supervisor1 and manager1 keep consoles connected to the hub throughout.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string Secret = "dev-secret";

    private readonly Dictionary<string, string> tokens = [];
    private IHost? silo;
    private WebApplicationFactory<Program>? api;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    public Uri BaseAddress { get; private set; } = null!;

    public int GatewayPort { get; private set; }

    public HubListener Agent { get; private set; } = null!;

    public HubListener Supervisor { get; private set; } = null!;

    public HubListener Manager { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var siloPort = FreePort();
        GatewayPort = FreePort();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:SiloPort"] = $"{siloPort}",
            ["Cluster:GatewayPort"] = $"{GatewayPort}",
            ["Cluster:PrimarySiloPort"] = $"{siloPort}",
        });
        builder.UseOrleans(orleans => orleans
            .UseEmbeddedDefault(builder.Configuration)
            .AddEscalationGrains(builder.Configuration)
            .UseFakeClock(Clock));
        silo = builder.Build();
        await silo.StartAsync();

        (api, BaseAddress) = await StartApi(GatewayPort, loginsPerMinute: 10_000);
        Anonymous = new HttpClient { BaseAddress = BaseAddress };
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

    /// <summary>Another api instance on the same cluster, ready to serve.</summary>
    public static async Task<(WebApplicationFactory<Program> Api, Uri BaseAddress)> StartApi(int gatewayPort, int loginsPerMinute)
    {
        var port = FreePort();
        var factory = new ApiFactory(gatewayPort, loginsPerMinute);
        factory.UseKestrel(port);
        factory.StartServer();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = address };
        while ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode != HttpStatusCode.OK)
        {
            // Readiness depends on the cluster connection and the directory seeding, which signal nothing we could await.
            await Task.Delay(50);
        }

        return (factory, address);
    }

    public async Task<string> Token(string username, string password = "demo")
    {
        if (!tokens.TryGetValue(username, out var token))
        {
            var response = await Anonymous.PostAsJsonAsync("/api/auth/login", new { username, password });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            tokens[username] = token;
        }

        return token;
    }

    public async Task<HttpClient> ClientFor(string username)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Token(username));
        return client;
    }

    /// <summary>Posts a body to a connector endpoint, signed as a connector would sign it.</summary>
    public async Task<HttpResponseMessage> PostSigned(string channel, string body, string secret = Secret, long? timestamp = null, string? signature = null)
    {
        var stamp = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/connectors/{channel}/complaints")
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(ConnectorSignature.TimestampHeader, stamp);
        request.Headers.Add(ConnectorSignature.SignatureHeader, signature ?? ConnectorSignature.Sign(secret, stamp, bytes));
        var response = await Anonymous.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Posts a new complaint and returns its id.</summary>
    public async Task<Guid> NewComplaint(string? priority = "P1", string? text = null, string channel = "facebook")
    {
        var externalId = "fb-" + Guid.NewGuid().ToString("N");
        var response = await PostSigned(channel, JsonSerializer.Serialize(new
        {
            externalId,
            customer = new { id = "fb:" + externalId[3..11], name = "Mari Maasikas" },
            text = text ?? "Tellimus pole kolme nädala jooksul kohale jõudnud!",
            @public = true,
            priority,
        }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ApiFactory(int gatewayPort, int loginsPerMinute) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Cluster:GatewayPort", $"{gatewayPort}");
            builder.UseSetting("Escalation:RateLimits:LoginsPerMinute", $"{loginsPerMinute}");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
