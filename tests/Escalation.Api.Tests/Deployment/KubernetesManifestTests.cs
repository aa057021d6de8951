extern alias silo;

using System.Net;
using Escalation.Tests.Shared;
using Microsoft.Extensions.Configuration;
using silo::Escalation.Silo;
using static Escalation.Api.Tests.Deployment.Yaml;

namespace Escalation.Api.Tests.Deployment;

/// <summary>
/// deploy/kubernetes against the services: every manifest parses, the containers set only variables their service reads,
/// and the ports and probes are the ones the services listen on and serve (the published api answers the probes).
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class KubernetesManifestTests(PublishedSystem system)
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "deploy", "kubernetes");

    private static readonly List<Dictionary<object, object>> Resources =
        [.. System.IO.Directory.GetFiles(Folder, "*.yaml").Where(path => Path.GetFileName(path) != "kustomization.yaml").SelectMany(Documents)];

    private static readonly string[] RequiredFields = ["apiVersion", "kind", "metadata.name"];

    [Fact]
    public void Every_manifest_parses_and_the_kustomization_applies_them_all()
    {
        Assert.All(Resources, resource => Assert.All(RequiredFields, key => Assert.False(string.IsNullOrEmpty(Text(resource, key.Split('.'))), key)));
        var listed = List(Documents(Path.Combine(Folder, "kustomization.yaml")).Single(), "resources").Select(item => $"{item}");
        Assert.Equal(System.IO.Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Where(name => name != "kustomization.yaml").Order(), listed.Order());
        Assert.Contains(Resources, resource => Text(resource, "kind") == "PodDisruptionBudget");
        Assert.Equal(["init-db"], List(Container("Job", "escalation-init-db"), "args").Select(arg => $"{arg}"));
    }

    [Fact]
    public void The_containers_set_only_variables_their_service_reads()
    {
        foreach (var (kind, name, reads) in new[] { ("Deployment", "escalation-silo", ServiceSettings.Silo), ("Job", "escalation-init-db", ServiceSettings.Silo), ("Deployment", "escalation-api", ServiceSettings.Api) })
        {
            var variables = Environment(Container(kind, name)).Keys;
            Assert.Empty(ServiceSettings.Unread(reads, variables));
            Assert.Contains("ConnectionStrings__Escalation", variables);
        }
    }

    [Fact]
    public void The_silo_pods_listen_where_the_silo_binds_and_carry_its_cluster_identity()
    {
        var deployment = Resource("Deployment", "escalation-silo");
        var container = Container("Deployment", "escalation-silo");
        var environment = Environment(container);
        var options = Configuration(environment).GetSection(ClusterEndpointOptions.SectionName).Get<ClusterEndpointOptions>()!;
        var ports = Ports(container);
        Assert.Equal(new Dictionary<string, int> { ["silo"] = options.SiloPort, ["gateway"] = options.GatewayPort }, ports);
        Assert.Equal(system.Silo.Image.Ports.Order(), ports.Values.Order());
        Assert.Equal("status.podIP", Text(ValueFrom(container, "Cluster__AdvertisedAddress"), "fieldRef", "fieldPath"));

        // Orleans' Kubernetes hosting finds the silos of its cluster by these labels.
        var labels = Map(deployment, "spec", "template", "metadata", "labels");
        Assert.Equal(options.ServiceId, labels["orleans/serviceId"]);
        Assert.Equal(options.ClusterId, labels["orleans/clusterId"]);
        Assert.Equal("escalation-silo", Text(deployment, "spec", "template", "spec", "serviceAccountName"));
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            Assert.Contains(Text(container, probe, "tcpSocket", "port")!, ports.Keys);
        }
    }

    [Fact]
    public async Task The_api_probes_and_service_reach_what_the_published_api_serves()
    {
        var container = Container("Deployment", "escalation-api");
        var ports = Ports(container);
        Assert.Equal([int.Parse(Environment(container)["ASPNETCORE_HTTP_PORTS"]!, System.Globalization.CultureInfo.InvariantCulture)], ports.Values);
        Assert.Equal(system.Api.Image.Ports, ports.Values);
        Assert.Equal(ports.Keys.Single(), Text(List(Resource("Service", "escalation-api"), "spec", "ports").Single(), "targetPort"));
        Assert.Equal("/health/ready", Text(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/health/live", Text(container, "livenessProbe", "httpGet", "path"));
        foreach (var probe in new[] { "readinessProbe", "livenessProbe" })
        {
            Assert.Equal(ports.Keys.Single(), Text(container, probe, "httpGet", "port"));
            var path = new Uri(Text(container, probe, "httpGet", "path")!, UriKind.Relative);
            Assert.Equal(HttpStatusCode.OK, (await system.Anonymous.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public void Disruption_budgets_and_the_network_policy_select_the_pods_they_are_for()
    {
        foreach (var name in new[] { "escalation-silo", "escalation-api" })
        {
            var podLabels = Map(Resource("Deployment", name), "spec", "template", "metadata", "labels");
            var budget = Resource("PodDisruptionBudget", name);
            Assert.All(Map(budget, "spec", "selector", "matchLabels"), label => Assert.Equal(label.Value, podLabels[label.Key]));
        }

        var siloPorts = Ports(Container("Deployment", "escalation-silo")).Values;
        var policy = Resource("NetworkPolicy", "escalation-silo");
        Assert.Equal("escalation-silo", Text(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name"));
        var allowed = List(policy, "spec", "ingress").SelectMany(rule => List(rule, "ports")).Select(port => int.Parse(Text(port, "port")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(siloPorts.Order(), allowed.Distinct().Order());
    }

    private static Dictionary<object, object> Resource(string kind, string name) =>
        Resources.Single(resource => Text(resource, "kind") == kind && Text(resource, "metadata", "name") == name);

    private static Dictionary<object, object> Container(string kind, string name) =>
        (Dictionary<object, object>)List(Resource(kind, name), "spec", "template", "spec", "containers").Single();

    private static Dictionary<string, string?> Environment(Dictionary<object, object> container) =>
        List(container, "env").ToDictionary(variable => Text(variable, "name")!, variable => Text(variable, "value"));

    private static Dictionary<object, object> ValueFrom(Dictionary<object, object> container, string variable) =>
        Map(List(container, "env").Single(entry => Text(entry, "name") == variable), "valueFrom");

    private static Dictionary<string, int> Ports(Dictionary<object, object> container) =>
        List(container, "ports").ToDictionary(port => Text(port, "name")!, port => int.Parse(Text(port, "containerPort")!, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The container's literal variables as the service's configuration sees them (environment variables' <c>__</c> is <c>:</c>).</summary>
    private static IConfiguration Configuration(Dictionary<string, string?> environment) =>
        new ConfigurationBuilder().AddInMemoryCollection(environment.Select(variable => KeyValuePair.Create(variable.Key.Replace("__", ":", StringComparison.Ordinal), variable.Value))).Build();
}
