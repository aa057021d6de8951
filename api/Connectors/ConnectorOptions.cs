namespace Escalation.Api.Connectors;

/// <summary>Bound from <c>Escalation:Connectors</c>.</summary>
internal sealed class ConnectorOptions
{
    public const string SectionName = "Escalation:Connectors";

    /// <summary>Larger bodies are refused with 413 before anything else is looked at.</summary>
    public int MaxBodyBytes { get; set; } = 128 * 1024;

    /// <summary>How far the signed timestamp may be from the api's clock, either way.</summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Charged only once a request's signature verified.</summary>
    public int RequestsPerSecondPerChannel { get; set; } = 10_000;

    /// <summary>Checked before the body is read or the signature checked.</summary>
    public int RequestsPerSecondPerAddress { get; set; } = 10_000;
}
