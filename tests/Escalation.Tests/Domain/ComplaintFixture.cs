using Escalation.Complaints;
using Escalation.Escalations;
using Escalation.Sla;
using Escalation.Triage;

namespace Escalation.Tests.Domain;

/// <summary>A complaint aggregate on a hand-driven clock: no cluster, no timers; the test says what time it is.</summary>
internal sealed class ComplaintFixture
{
    /// <summary>A Monday morning.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);

    /// <summary>P1 as shipped: 15 min first response, 30 min next response, 4 h resolution, warning at 80 %, 10 min to acknowledge.</summary>
    public static readonly SlaPolicy Policy = SlaPolicy.Defaults[Priority.P1];

    public static readonly TimeSpan AutoCloseAfter = TimeSpan.FromDays(7);

    public ComplaintFixture(
        string? assignee = "ann", DateTimeOffset? writtenAt = null, BusinessCalendar? calendar = null, TimeSpan? keepClosedTexts = null,
        EscalationChain? chain = null, Priority priority = Priority.P1, NewComplaint? message = null)
    {
        Complaint = new Complaint(Guid.NewGuid(), State, AutoCloseAfter, keepClosedTexts);
        Created = Complaint.Create(
            message ?? new NewComplaint("facebook", "fb-1", new CustomerRef("fb:1", "Mari"), "Jahutuskapp ei tööta", Public: true, "care", CreatedAt: writtenAt),
            new Triaged(priority, ["set by the connector"], new Verdict<string>("et", ["tööta"]), new Verdict<Topic>(Topic.ProductQuality, ["jahutuskapp"]), new CustomerStanding(1, false, "key-of-mari")),
            new SlaTerms(Policy, calendar ?? BusinessCalendar.AlwaysOpen, Chain: chain),
            assignee,
            Now);
    }

    public ComplaintState State { get; } = new();

    public Complaint Complaint { get; }

    public ComplaintChanges Created { get; }

    public DateTimeOffset Now { get; private set; } = Start;

    public SlaClock Clock(SlaClockKind kind) => State.Clock(kind) ?? throw new InvalidOperationException($"No {kind} clock.");

    /// <summary>Moves the time on and lets the complaint raise what fell due, as its host would.</summary>
    public ComplaintChanges Advance(TimeSpan by)
    {
        Now += by;
        return Tick();
    }

    public ComplaintChanges Tick()
    {
        var changes = new ComplaintChanges();
        Complaint.Tick(Now, changes);
        return changes;
    }

    public ComplaintChanges Act(Func<Complaint, DateTimeOffset, ComplaintChanges> action) => action(Complaint, Now);

    public IEnumerable<TimelineType> Timeline => State.Timeline.Select(entry => entry.Type);
}
