extern alias silo;

using Escalation.Api.Auth;
using Escalation.Api.Connectors;
using Escalation.Grains;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;
using silo::Escalation.Silo;

namespace Escalation.Api.Tests.Deployment;

/// <summary>
/// The environment variables each service reads: the properties of its options classes under their sections, the keys
/// its code reads by name, and the platform's own (ASP.NET Core, OpenTelemetry, logging, Orleans' Kubernetes hosting).
/// </summary>
internal static class ServiceSettings
{
    private static readonly string[] PlatformPrefixes = ["OTEL_", "Logging__", "DOTNET_"];

    public static IReadOnlySet<string> Silo { get; } = new HashSet<string>(
        [
            "ConnectionStrings__Escalation",
            "Escalation__Diagnostics__ReportMemory", // silo/MemoryReport.cs
            KubernetesHostingOptions.PodNameEnvironmentVariable,
            KubernetesHostingOptions.PodNamespaceEnvironmentVariable,
            .. Properties<ClusterEndpointOptions>(ClusterEndpointOptions.SectionName),
            .. Properties<ClusterMembershipOptions>($"{ClusterEndpointOptions.SectionName}__Membership"),
            .. Properties<EscalationOptions>(EscalationOptions.SectionName),
        ]);

    public static IReadOnlySet<string> Api { get; } = new HashSet<string>(
        [
            "ConnectionStrings__Escalation",

            // api/Cluster/ClusterClientExtensions.cs, api/Http/RateLimitExtensions.cs, api/Directory/DirectorySeeder.cs
            "Cluster__GatewayPort", "Cluster__ClusterId", "Cluster__ServiceId", "Cluster__GatewayListRefreshPeriod",
            "Escalation__RateLimits__LoginsPerMinute", "Escalation__Bootstrap__AdminPassword",
            "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_URLS", "ASPNETCORE_FORWARDEDHEADERS_ENABLED",
            .. Properties<AuthOptions>(AuthOptions.SectionName),
            .. Properties<ConnectorOptions>(ConnectorOptions.SectionName),
        ]);

    /// <summary>The variables in <paramref name="variables"/> that the service does not read.</summary>
    public static IEnumerable<string> Unread(IReadOnlySet<string> reads, IEnumerable<string> variables) =>
        variables.Where(name => !reads.Contains(name) && !PlatformPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));

    private static IEnumerable<string> Properties<T>(string section) =>
        typeof(T).GetProperties().Where(property => property.CanWrite).Select(property => $"{section.Replace(":", "__", StringComparison.Ordinal)}__{property.Name}");
}
