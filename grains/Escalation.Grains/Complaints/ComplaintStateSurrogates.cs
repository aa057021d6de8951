using Escalation.Complaints;
using Escalation.Sla;
using Escalation.Triage;

namespace Escalation.Grains.Complaints;

// How a complaint's state (plain C# in the domain) is stored: Orleans' binary format through these surrogates.

[GenerateSerializer]
public readonly record struct SlaClockSurrogate(
    SlaClockKind Kind, TimeSpan Budget, TimeSpan WarningBudget, TimeSpan AcknowledgeWithin, TimeSpan Consumed, DateTimeOffset? RunningSince,
    DateTimeOffset? DueAt, DateTimeOffset? WarningDueAt, bool WarningSent, DateTimeOffset? EscalatedAt, DateTimeOffset? ManagerEscalatedAt,
    bool Acknowledged, DateTimeOffset? StoppedAt, List<TimeSpan>? Delays, int Level, DateTimeOffset? LastEscalationDueAt);

/// <remarks>
/// A clock stored before escalation chains has no <see cref="SlaClockSurrogate.Delays"/>: it keeps the default chain (level 1 at
/// the deadline, level 2 after <see cref="SlaClockSurrogate.AcknowledgeWithin"/>), and its levels are read from when they fired.
/// </remarks>

[RegisterConverter]
public sealed class SlaClockConverter : IConverter<SlaClock, SlaClockSurrogate>
{
    public SlaClock ConvertFromSurrogate(in SlaClockSurrogate s) => new()
    {
        Kind = s.Kind, Budget = s.Budget, WarningBudget = s.WarningBudget, Consumed = s.Consumed,
        RunningSince = s.RunningSince, DueAt = s.DueAt, WarningDueAt = s.WarningDueAt, WarningSent = s.WarningSent, EscalatedAt = s.EscalatedAt,
        Acknowledged = s.Acknowledged, StoppedAt = s.StoppedAt,
        Delays = s.Delays ?? [TimeSpan.Zero, s.AcknowledgeWithin],
        Level = s.Delays is not null ? s.Level : s.ManagerEscalatedAt is not null ? 2 : s.EscalatedAt is not null ? 1 : 0,
        LastEscalationDueAt = s.Delays is not null ? s.LastEscalationDueAt : s.ManagerEscalatedAt ?? s.EscalatedAt,
    };

    public SlaClockSurrogate ConvertToSurrogate(in SlaClock v) =>
        new(v.Kind, v.Budget, v.WarningBudget, TimeSpan.Zero, v.Consumed, v.RunningSince, v.DueAt, v.WarningDueAt, v.WarningSent,
            v.EscalatedAt, null, v.Acknowledged, v.StoppedAt, v.Delays, v.Level, v.LastEscalationDueAt);
}

[GenerateSerializer]
public readonly record struct ComplaintStateSurrogate(
    NewComplaint? Origin, ComplaintStatus Status, ComplaintStatus StatusBeforeWait, string? Assignee, Priority Priority, List<string> PriorityReasons,
    string Language, Topic Topic, List<string> TriageEvidence, DateTimeOffset CreatedAt, DateTimeOffset ReceivedAt, SlaTerms? Terms,
    List<SlaClock> Clocks, int EscalationLevel, DateTimeOffset? ResolvedAt, List<TimelineEntry> Timeline, DateTimeOffset? WakeAt, ComplaintThread? JoinedTo,
    int TimelinePages, List<PendingDelivery>? Outbox, DateTimeOffset? AssignedAt, bool AnsweredSinceAssigned, List<string>? NoReplyFrom);

[RegisterConverter]
public sealed class ComplaintStateConverter : IConverter<ComplaintState, ComplaintStateSurrogate>
{
    public ComplaintState ConvertFromSurrogate(in ComplaintStateSurrogate s) => new()
    {
        Origin = s.Origin, Status = s.Status, StatusBeforeWait = s.StatusBeforeWait, Assignee = s.Assignee, Priority = s.Priority,
        PriorityReasons = s.PriorityReasons, Language = s.Language, Topic = s.Topic, TriageEvidence = s.TriageEvidence, CreatedAt = s.CreatedAt,
        ReceivedAt = s.ReceivedAt, Terms = s.Terms, Clocks = s.Clocks, EscalationLevel = s.EscalationLevel, ResolvedAt = s.ResolvedAt,
        Timeline = s.Timeline, WakeAt = s.WakeAt, JoinedTo = s.JoinedTo, TimelinePages = s.TimelinePages, Outbox = s.Outbox ?? [],
        AssignedAt = s.AssignedAt, AnsweredSinceAssigned = s.AnsweredSinceAssigned, NoReplyFrom = s.NoReplyFrom ?? [],
    };

    public ComplaintStateSurrogate ConvertToSurrogate(in ComplaintState v) =>
        new(v.Origin, v.Status, v.StatusBeforeWait, v.Assignee, v.Priority, v.PriorityReasons, v.Language, v.Topic, v.TriageEvidence, v.CreatedAt,
            v.ReceivedAt, v.Terms, v.Clocks, v.EscalationLevel, v.ResolvedAt, v.Timeline, v.WakeAt, v.JoinedTo,
            v.TimelinePages, v.Outbox, v.AssignedAt, v.AnsweredSinceAssigned, v.NoReplyFrom);
}
