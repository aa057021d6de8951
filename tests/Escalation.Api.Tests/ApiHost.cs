using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Escalation.Api.Tests;

/// <summary>The real api on Kestrel at a free loopback port, configured by settings, started and ready to serve.</summary>
public static class ApiHost
{
    public static async Task<(WebApplicationFactory<Program> Api, Uri BaseAddress)> Start(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var factory = new Factory(settings);
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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Factory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
