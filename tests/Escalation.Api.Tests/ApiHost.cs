using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Escalation.Api.Tests;

/// <summary>
/// The real api on Kestrel at a free loopback port, configured by settings, started and ready to serve; on the clock
/// given (the silo's, so that one fixture has one time), else on the system's.
/// </summary>
public static class ApiHost
{
    public static async Task<(WebApplicationFactory<Program> Api, Uri BaseAddress)> Start(IReadOnlyDictionary<string, string> settings, TimeProvider? clock = null)
    {
        var port = FreePort();
        var factory = new Factory(settings, clock ?? TimeProvider.System);
        factory.UseKestrel(port);
        factory.StartServer();
        var address = new Uri($"http://127.0.0.1:{port}");
        await WaitReady(address);
        return (factory, address);
    }

    /// <summary>Returns once the api at <paramref name="address"/> answers <c>/health/ready</c> with 200.</summary>
    public static async Task WaitReady(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the api at {address} was not ready within 60 s");
            // Readiness depends on the cluster connection and the directory seeding, which signal nothing we could await.
            await Task.Delay(50);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Factory(IReadOnlyDictionary<string, string> settings, TimeProvider clock) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(clock)));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
