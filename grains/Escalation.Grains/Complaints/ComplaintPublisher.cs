using Escalation.Analytics;
using Escalation.Complaints;
using Escalation.Events;

namespace Escalation.Grains.Complaints;

/// <summary>Carries a committed change out: its facts to the team's analytics day, its events and alerts to the consoles.</summary>
internal static class ComplaintPublisher
{
    public static async Task Publish(IGrainFactory grains, ComplaintSummary summary, ComplaintChanges changes, DateTimeOffset now)
    {
        foreach (var day in changes.Facts.GroupBy(fact => ComplaintFact.Bucket(summary.Team, fact.At)))
        {
            await grains.GetGrain<IAnalyticsGrain>(day.Key).Record([.. day]);
        }

        var events = grains.GetGrain<IComplaintEventsGrain>(0);
        foreach (var change in changes.Events)
        {
            await events.Publish(new ComplaintEvent(change, now, summary));
        }

        foreach (var alert in changes.Alerts)
        {
            await events.Publish(alert.Level == 0
                ? new ComplaintEvent(ComplaintEventKind.SlaWarning, now, summary, alert.Reason, alert.DueAt)
                : new ComplaintEvent(ComplaintEventKind.ComplaintEscalated, now, summary, alert.Reason, alert.DueAt, alert.Level));
        }
    }
}
