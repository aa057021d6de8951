using Escalation.Grains.Analytics;
using Escalation.Complaints;
using Escalation.Events;
using Escalation.Grains.Events;

namespace Escalation.Grains.Complaints;

/// <summary>Carries a committed change out: its facts to the silo's analytics batch, its events and alerts to the silo's event batch.</summary>
internal static class ComplaintPublisher
{
    public static void Publish(AnalyticsBatcher analytics, EventBatcher events, ComplaintSummary summary, ComplaintChanges changes, DateTimeOffset now)
    {
        analytics.Record(summary.Team, changes.Facts);

        // The change's events, then its alerts, through the channel of the complaint's team.
        events.Post(EventChannels.Of(summary.Team),
        [
            .. changes.Events.Select(change => new ComplaintEvent(change, now, summary)),
            .. changes.Alerts.Select(alert => alert.Level == 0
                ? new ComplaintEvent(ComplaintEventKind.SlaWarning, now, summary, alert.Reason, alert.DueAt)
                : new ComplaintEvent(ComplaintEventKind.ComplaintEscalated, now, summary, alert.Reason, alert.DueAt, alert.Level, Recipients: alert.Recipients)),
            .. changes.DeliveryFailures.Select(failure =>
                new ComplaintEvent(ComplaintEventKind.DeliveryFailed, now, summary, DeliveryId: failure.DeliveryId, Failure: failure.Reason)),
        ]);
    }
}
