namespace Escalation.Silo;

/// <summary>
/// Orleans' Kubernetes hosting, only when the silo runs in a pod: the silo takes its pod's name, and a silo whose pod
/// is deleted is declared dead at once rather than after missed probes. Membership itself stays in PostgreSQL; the
/// pod sets <c>Cluster__AdvertisedAddress</c> to its own IP (deploy/kubernetes/silo.yaml).
/// </summary>
internal static class KubernetesHosting
{
    /// <summary>Set by Kubernetes in every container of a pod.</summary>
    public const string InPodVariable = "KUBERNETES_SERVICE_HOST";

    public static ISiloBuilder UseKubernetesHostingInPod(this ISiloBuilder silo) =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable(InPodVariable)) ? silo : silo.UseKubernetesHosting();
}
