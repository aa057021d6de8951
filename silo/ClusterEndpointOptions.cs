namespace Escalation.Silo;

/// <summary>Ports of this silo, bound from the <c>Cluster</c> section, so that several silos share one host.</summary>
public sealed class ClusterEndpointOptions
{
    public const string SectionName = "Cluster";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The silo port of the first silo, which the others join under localhost clustering.</summary>
    public int PrimarySiloPort { get; set; } = 11111;

    /// <summary>
    /// In the durable profile, the address this silo gives the others (and api instances) to reach it; the loopback
    /// address suits a cluster on one host, a cluster across hosts needs each silo's own.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>In the durable profile, the cluster's identity in the database (<c>ClusterId</c> and <c>ServiceId</c>).</summary>
    public string ClusterId { get; set; } = "escalation";

    public string ServiceId { get; set; } = "escalation";
}
