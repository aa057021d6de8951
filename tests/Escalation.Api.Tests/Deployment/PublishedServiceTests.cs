using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Escalation.Api.Tests.Deployment;

/// <summary>The services as their images publish and start them (see <see cref="PublishedSystem"/>).</summary>
[Collection(DeploymentCollection.Name)]
public sealed partial class PublishedServiceTests(PublishedSystem system)
{
    [Fact]
    public async Task The_published_api_serves_the_console_its_health_and_its_metrics()
    {
        var page = await system.Anonymous.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("<div id=\"root\"></div>", page, StringComparison.Ordinal);
        var script = ConsoleScript().Match(page);
        Assert.True(script.Success, "The console's page names no script.");
        Assert.Equal(HttpStatusCode.OK, (await system.Anonymous.GetAsync(new Uri(script.Groups[1].Value, UriKind.Relative))).StatusCode);

        foreach (var path in new[] { "/health/live", "/health/ready", "/metrics" })
        {
            Assert.Equal(HttpStatusCode.OK, (await system.Anonymous.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public void The_published_services_run_as_the_images_non_root_user()
    {
        foreach (var (service, process) in new[] { (system.Silo, system.SiloProcess), (system.Api, system.ApiProcess) })
        {
            // Real, effective, saved and file-system user ids.
            var ids = File.ReadLines($"/proc/{process.Id}/status").Single(line => line.StartsWith("Uid:", StringComparison.Ordinal))
                .Split('\t', StringSplitOptions.RemoveEmptyEntries)[1..];
            Assert.NotEqual("0", ids[0]);
            Assert.All(ids, id => Assert.Equal(Environment.IsPrivilegedProcess ? $"{service.UserId}" : ids[0], id));
        }
    }

    [Fact]
    public async Task A_complaint_posted_to_the_published_api_is_kept_by_the_published_silo()
    {
        var id = await system.NewComplaint();
        using var manager = await system.ClientFor("manager1");
        var details = await manager.GetFromJsonAsync<JsonElement>($"/api/complaints/{id}");
        Assert.Equal("care", details.GetProperty("team").GetString());
    }

    [Fact]
    public async Task The_images_health_checks_pass_on_the_running_services_and_fail_without_them()
    {
        Assert.Equal(0, await system.Silo.CheckHealth(system.SiloEnvironment));
        Assert.Equal(0, await system.Api.CheckHealth(system.ApiEnvironment));

        var nothingThere = $"{ApiHost.FreePort()}";
        Assert.NotEqual(0, await system.Silo.CheckHealth(new Dictionary<string, string>(system.SiloEnvironment) { ["Cluster__GatewayPort"] = nothingThere }));
        Assert.NotEqual(0, await system.Api.CheckHealth(new Dictionary<string, string>(system.ApiEnvironment) { ["ASPNETCORE_HTTP_PORTS"] = nothingThere }));
    }

    [GeneratedRegex("<script[^>]* src=\"(/assets/[^\"]+\\.js)\"")]
    private static partial Regex ConsoleScript();
}
