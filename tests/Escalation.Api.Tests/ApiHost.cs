using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;

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
        private bool stopping;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // The api's own code follows the fixture's clock; the Orleans client's own loops keep real time, as the test
            // silo's do. On the fake clock its check for calls past their response timeout and its refresh of the
            // gateway list ran only when a test moved the clock, so a call that was never answered hung the test.
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(clock)).UseTimeProviderForBackgroundAreas(TimeProvider.System));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }

        /// <summary>
        /// Stops the api through its own <c>app.Run()</c>, which then disposes it. The base class would stop the host
        /// itself while <c>app.Run()</c>, woken by the same stop, stops and disposes it on the entry point's thread: two
        /// stops and two disposals at once, which now and then threw <see cref="ObjectDisposedException"/>
        /// (dotnet/aspnetcore#40271). Returns once every hosted service, the Orleans client among them, has stopped. The
        /// base class is left out on purpose: with Kestrel it holds nothing else to dispose (no test server, no clients).
        /// </summary>
        [SuppressMessage("Usage", "CA2215:Dispose methods should call base class dispose", Justification = "The base class's dispose is the second, concurrent stop this avoids.")]
        public override async ValueTask DisposeAsync()
        {
            if (stopping)
            {
                return;
            }

            stopping = true;
            var lifetime = Services.GetRequiredService<IHostApplicationLifetime>();
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStopped.Register(() => stopped.TrySetResult()))
            {
                lifetime.StopApplication();
                await stopped.Task;
            }

            GC.SuppressFinalize(this);
        }
    }
}
