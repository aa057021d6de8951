using Microsoft.Extensions.Configuration;

namespace Escalation.Cluster;

/// <summary>
/// Whether the Orleans Dashboard runs: <c>Escalation:Dashboard:Enabled</c>, off unless set (<c>scripts/run</c> sets it
/// for the demo). The silos read it for the dashboard's silo side, the api for <c>/dashboard</c>; set it alike on both.
/// Off by default because the silo side's metric reader samples Orleans' own counters every second (fixed in the
/// dashboard; its options slow only its other polling), and one of them walks every activation while holding the lock
/// that creates activations: with 60,000-150,000 complaints held, each sample kept new complaints, and complaints
/// woken by their deadlines, waiting 45-480 ms, every second (a trace of the bench's silo, 2026-12-01). The silo and
/// the api compile this one file.
/// </summary>
public static class DashboardSwitch
{
    public const string Key = "Escalation:Dashboard:Enabled";

    public static bool IsOn(IConfiguration configuration) => configuration.GetValue(Key, false);
}
