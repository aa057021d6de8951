using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Escalation.Tests.Shared;
using static Escalation.Api.Tests.Deployment.Yaml;

namespace Escalation.Api.Tests.Deployment;

/// <summary>deploy/compose.yaml and its proxy against the images and the services (no Docker engine runs here).</summary>
[Collection(DeploymentCollection.Name)]
public sealed partial class ComposeFileTests(PublishedSystem system)
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "deploy");

    private static readonly string[] Silos = ["silo1", "silo2"];

    private static readonly string[] ApiInstances = ["api1", "api2"];

    private static readonly Dictionary<object, object> Services = Map(Documents(Path.Combine(Folder, "compose.yaml")).Single(), "services");

    [Fact]
    public void The_services_build_from_the_dockerfiles_and_set_only_variables_they_read()
    {
        var built = new Dictionary<string, (string Dockerfile, IReadOnlySet<string> Reads)>
        {
            ["escalation-silo"] = ("silo/Dockerfile", ServiceSettings.Silo),
            ["escalation-api"] = ("api/Dockerfile", ServiceSettings.Api),
        };
        foreach (var (name, service) in Services)
        {
            if (built.TryGetValue(Text(service, "image")!, out var image))
            {
                Assert.Equal(image.Dockerfile, Text(service, "build", "dockerfile"));
                Assert.Equal("..", Text(service, "build", "context"));
                var variables = Map(service, "environment").Keys.Select(key => $"{key}").ToList();
                Assert.Contains("ConnectionStrings__Escalation", variables);
                Assert.Empty(ServiceSettings.Unread(image.Reads, variables));
            }
        }

        Assert.Equal(["api1", "api2", "init-db", "silo1", "silo2"], Services.Where(s => Text(s.Value, "image")!.StartsWith("escalation-", StringComparison.Ordinal)).Select(s => $"{s.Key}").Order());
        Assert.Equal(["init-db"], List(Services["init-db"], "command").Select(word => $"{word}"));
    }

    [Fact]
    public void Each_silo_advertises_its_own_fixed_address_on_the_cluster_network()
    {
        var subnet = IPNetwork.Parse(Text(List(Documents(Path.Combine(Folder, "compose.yaml")).Single(), "networks", "cluster", "ipam", "config").Single(), "subnet")!);
        var addresses = Silos.Select(silo =>
        {
            var advertised = Text(Services[silo], "environment", "Cluster__AdvertisedAddress");
            Assert.Equal(Text(Services[silo], "networks", "cluster", "ipv4_address"), advertised);
            Assert.True(subnet.Contains(IPAddress.Parse(advertised!)), $"{advertised} is outside {subnet}");
            return advertised;
        });
        Assert.Equal(2, addresses.Distinct().Count());
    }

    [Fact]
    public void Only_the_proxy_publishes_a_port_and_it_forwards_websockets_to_every_api_instance()
    {
        Assert.Equal(["proxy"], Services.Where(service => List(service.Value, "ports").Count > 0).Select(service => $"{service.Key}"));
        var nginx = File.ReadAllText(Path.Combine(Folder, "nginx.conf"));
        var upstream = UpstreamServer().Matches(nginx).Select(match => (match.Groups[1].Value, int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)));
        Assert.Equal(ApiInstances.Select(api => (api, system.Api.Image.Ports.Single())), upstream);
        Assert.Contains("proxy_set_header Upgrade $http_upgrade;", nginx, StringComparison.Ordinal);
        Assert.Contains("ip_hash;", nginx, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_variable_the_compose_file_uses_is_in_the_example_env_file()
    {
        var used = ComposeVariable().Matches(File.ReadAllText(Path.Combine(Folder, "compose.yaml"))).Select(match => match.Groups[1].Value).ToHashSet();
        var documented = File.ReadLines(Path.Combine(Folder, ".env.example")).Where(line => line.Contains('=', StringComparison.Ordinal) && !line.StartsWith('#')).Select(line => line.Split('=')[0]);
        Assert.Equal(used.Order(), documented.Order());
    }

    [GeneratedRegex(@"^\s*server\s+([\w.-]+):(\d+);", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"\$\{(\w+)")]
    private static partial Regex ComposeVariable();
}
