namespace Escalation.Api;

/// <summary>Which profile runs: the embedded default (no connection string) or the durable one.</summary>
internal static class EscalationProfile
{
    public const string ConnectionStringName = "Escalation";

    public static bool IsEmbeddedDefault(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName));
}
