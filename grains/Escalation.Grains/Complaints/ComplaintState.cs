using Escalation.Complaints;
using Escalation.Grains.Sla;
using Escalation.Sla;
using Escalation.Triage;

namespace Escalation.Grains.Complaints;

[GenerateSerializer]
public sealed class ComplaintState : IReminderRegistration
{
    [Id(0)] public NewComplaint? Origin { get; set; }
    [Id(1)] public ComplaintStatus Status { get; set; }
    [Id(2)] public ComplaintStatus StatusBeforeWait { get; set; }
    [Id(3)] public string? Assignee { get; set; }
    [Id(4)] public Priority Priority { get; set; }
    [Id(5)] public List<string> PriorityReasons { get; set; } = [];
    [Id(6)] public string Language { get; set; } = "unknown";
    [Id(7)] public Topic Topic { get; set; } = Topic.Other;
    [Id(16)] public List<string> TriageEvidence { get; set; } = [];
    [Id(8)] public DateTimeOffset CreatedAt { get; set; }
    [Id(9)] public DateTimeOffset ReceivedAt { get; set; }
    [Id(10)] public SlaTerms? Terms { get; set; }

    /// <summary>At most one clock per kind: a new next-response or resolution clock replaces the stopped one.</summary>
    [Id(11)] public List<SlaClock> Clocks { get; set; } = [];
    [Id(12)] public int EscalationLevel { get; set; }
    [Id(13)] public DateTimeOffset? ResolvedAt { get; set; }
    [Id(14)] public List<TimelineEntry> Timeline { get; set; } = [];

    /// <summary>The instant the backstop reminder is registered for (null: none registered).</summary>
    [Id(15)] public DateTimeOffset? ReminderDueAt { get; set; }

    public SlaClock? Clock(SlaClockKind kind) => Clocks.Find(c => c.Kind == kind);

    public void StartClock(SlaClockKind kind, DateTimeOffset at)
    {
        Clocks.RemoveAll(c => c.Kind == kind);
        Clocks.Add(SlaClock.Start(kind, Terms!.Policy, Terms.Calendar, at));
    }

    public ComplaintSummary ToSummary(Guid id)
    {
        var origin = Origin!;
        var paused = Status == ComplaintStatus.WaitingForCustomer;
        var pendingNext = Clock(SlaClockKind.NextResponse) is { IsRunning: true } next ? next : null;
        var upcoming = Clocks.Where(clock => clock is { IsRunning: true, DueAt: not null }).MinBy(clock => clock.DueAt);
        return new ComplaintSummary(
            id,
            origin.Channel,
            origin.ExternalId,
            origin.Customer.Id,
            origin.Customer.Name,
            origin.Text,
            origin.Public,
            origin.Url,
            Priority,
            PriorityReasons,
            Language,
            Topic,
            Status,
            Assignee,
            origin.Team,
            CreatedAt,
            ReceivedAt,
            paused ? null : Clock(SlaClockKind.FirstResponse)?.DueAt,
            paused ? null : pendingNext?.DueAt,
            paused ? null : Clock(SlaClockKind.Resolution)?.DueAt,
            paused,
            EscalationLevel,
            EscalationLevel > 0 && Clocks.TrueForAll(c => c.EscalatedAt is null || c.Acknowledged),
            origin.InReplyTo,
            upcoming?.DueAt,
            upcoming?.Kind,
            upcoming is { WarningSent: false } ? upcoming.WarningDueAt : null,
            TriageEvidence);
    }
}
