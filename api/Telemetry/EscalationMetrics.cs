using System.Diagnostics.Metrics;
using Escalation.Complaints;
using Escalation.Events;

namespace Escalation.Api.Telemetry;

/// <summary>The api's own metrics (meter <c>Escalation.Api</c>), exported with OpenTelemetry.</summary>
internal sealed class EscalationMetrics
{
    public const string MeterName = "Escalation.Api";

    private readonly Counter<long> ingested;
    private readonly Counter<long> warnings;
    private readonly Counter<long> escalations;
    private readonly UpDownCounter<long> connections;

    public EscalationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        ingested = meter.CreateCounter<long>("escalation.complaints.ingested", description: "Connector messages accepted, by channel and outcome.");
        warnings = meter.CreateCounter<long>("escalation.sla.warnings", description: "SLA warnings pushed to consoles, by reason.");
        escalations = meter.CreateCounter<long>("escalation.escalations", description: "Escalations pushed to consoles, by level and reason.");
        connections = meter.CreateUpDownCounter<long>("escalation.hub.connections", description: "Console connections open on this api instance.");
    }

    public void ComplaintIngested(string channel, bool isPublic, IngestResult result) =>
        ingested.Add(1, new("channel", channel), new("public", isPublic), new("outcome", result.Duplicate ? "duplicate" : result.Appended ? "appended" : "created"));

    public void EventPushed(ComplaintEvent complaintEvent)
    {
        switch (complaintEvent.Kind)
        {
            case ComplaintEventKind.SlaWarning:
                warnings.Add(1, new KeyValuePair<string, object?>("reason", complaintEvent.Reason?.ToString()));
                break;
            case ComplaintEventKind.ComplaintEscalated:
                escalations.Add(1, new("level", complaintEvent.Level), new("reason", complaintEvent.Reason?.ToString()));
                break;
        }
    }

    public void ConnectionOpened() => connections.Add(1);

    public void ConnectionClosed() => connections.Add(-1);
}
