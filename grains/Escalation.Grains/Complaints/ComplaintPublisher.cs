using Escalation.Grains.Analytics;
using Escalation.Complaints;
using Escalation.Events;

namespace Escalation.Grains.Complaints;

/// <summary>Carries a committed change out: its facts to the silo's analytics batch, its events and alerts to the consoles.</summary>
internal static class ComplaintPublisher
{
    public static async Task Publish(IGrainFactory grains, AnalyticsBatcher analytics, ComplaintSummary summary, ComplaintChanges changes, DateTimeOffset now)
    {
        analytics.Record(summary.Team, changes.Facts);

        // One batch per change: the change's events, then its alerts, through the channel of the complaint's team.
        IReadOnlyList<ComplaintEvent> events =
        [
            .. changes.Events.Select(change => new ComplaintEvent(change, now, summary)),
            .. changes.Alerts.Select(alert => alert.Level == 0
                ? new ComplaintEvent(ComplaintEventKind.SlaWarning, now, summary, alert.Reason, alert.DueAt)
                : new ComplaintEvent(ComplaintEventKind.ComplaintEscalated, now, summary, alert.Reason, alert.DueAt, alert.Level, Recipients: alert.Recipients)),
            .. changes.DeliveryFailures.Select(failure =>
                new ComplaintEvent(ComplaintEventKind.DeliveryFailed, now, summary, DeliveryId: failure.DeliveryId, Failure: failure.Reason)),
        ];
        if (events.Count > 0)
        {
            await grains.GetGrain<IComplaintEventsGrain>(EventChannels.Of(summary.Team)).Publish(events);
        }
    }
}
