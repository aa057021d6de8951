using Escalation.Analytics;
using Escalation.Escalations;
using Escalation.Sla;
using Escalation.Triage;

namespace Escalation.Serialization;

// Surrogates for the domain's escalation chains, rosters, policy sets and SLA reports (see SlaSurrogates.cs).

[GenerateSerializer, Immutable]
public readonly record struct EscalationLevelSurrogate(TimeSpan? After, IReadOnlyList<string> Notify, bool Reassign, bool RaisePriority);

[RegisterConverter]
public sealed class EscalationLevelConverter : IConverter<EscalationLevel, EscalationLevelSurrogate>
{
    public EscalationLevel ConvertFromSurrogate(in EscalationLevelSurrogate s) => new(s.After, s.Notify, s.Reassign, s.RaisePriority);

    public EscalationLevelSurrogate ConvertToSurrogate(in EscalationLevel v) => new(v.After, v.Notify, v.Reassign, v.RaisePriority);
}

[GenerateSerializer, Immutable]
public readonly record struct EscalationChainSurrogate(IReadOnlyList<EscalationLevel> Levels, TimeSpan? ReassignAfter);

[RegisterConverter]
public sealed class EscalationChainConverter : IConverter<EscalationChain, EscalationChainSurrogate>
{
    public EscalationChain ConvertFromSurrogate(in EscalationChainSurrogate s) => new(s.Levels, s.ReassignAfter);

    public EscalationChainSurrogate ConvertToSurrogate(in EscalationChain v) => new(v.Levels, v.ReassignAfter);
}

[GenerateSerializer, Immutable]
public readonly record struct ShiftSurrogate(string User, IReadOnlyList<DayOfWeek> Days, TimeOnly From, TimeOnly To);

[RegisterConverter]
public sealed class ShiftConverter : IConverter<Shift, ShiftSurrogate>
{
    public Shift ConvertFromSurrogate(in ShiftSurrogate s) => new(s.User, s.Days, s.From, s.To);

    public ShiftSurrogate ConvertToSurrogate(in Shift v) => new(v.User, v.Days, v.From, v.To);
}

[GenerateSerializer, Immutable]
public readonly record struct RosterOverrideSurrogate(string User, DateTimeOffset From, DateTimeOffset To);

[RegisterConverter]
public sealed class RosterOverrideConverter : IConverter<RosterOverride, RosterOverrideSurrogate>
{
    public RosterOverride ConvertFromSurrogate(in RosterOverrideSurrogate s) => new(s.User, s.From, s.To);

    public RosterOverrideSurrogate ConvertToSurrogate(in RosterOverride v) => new(v.User, v.From, v.To);
}

[GenerateSerializer, Immutable]
public readonly record struct RosterSurrogate(string TimeZone, IReadOnlyList<Shift> Shifts, IReadOnlyList<RosterOverride> Overrides);

[RegisterConverter]
public sealed class RosterConverter : IConverter<Roster, RosterSurrogate>
{
    public Roster ConvertFromSurrogate(in RosterSurrogate s) => new(s.TimeZone, s.Shifts, s.Overrides);

    public RosterSurrogate ConvertToSurrogate(in Roster v) => new(v.TimeZone, v.Shifts, v.Overrides);
}

[GenerateSerializer, Immutable]
public readonly record struct PolicyConditionsSurrogate(
    IReadOnlyList<string> Channels, IReadOnlyList<string> Teams, IReadOnlyList<Topic> Topics, bool? Public, bool? PersistentDissatisfaction);

[RegisterConverter]
public sealed class PolicyConditionsConverter : IConverter<PolicyConditions, PolicyConditionsSurrogate>
{
    public PolicyConditions ConvertFromSurrogate(in PolicyConditionsSurrogate s) => new(s.Channels, s.Teams, s.Topics, s.Public, s.PersistentDissatisfaction);

    public PolicyConditionsSurrogate ConvertToSurrogate(in PolicyConditions v) => new(v.Channels, v.Teams, v.Topics, v.Public, v.PersistentDissatisfaction);
}

[GenerateSerializer, Immutable]
public readonly record struct SlaPolicySetSurrogate(string Name, int Order, PolicyConditions When, string Calendar, IReadOnlyDictionary<Priority, SlaPolicy> Targets);

[RegisterConverter]
public sealed class SlaPolicySetConverter : IConverter<SlaPolicySet, SlaPolicySetSurrogate>
{
    public SlaPolicySet ConvertFromSurrogate(in SlaPolicySetSurrogate s) => new(s.Name, s.Order, s.When, s.Calendar, s.Targets);

    public SlaPolicySetSurrogate ConvertToSurrogate(in SlaPolicySet v) => new(v.Name, v.Order, v.When, v.Calendar, v.Targets);
}

[GenerateSerializer, Immutable]
public readonly record struct SlaReportRowSurrogate(string Key, int Deadlines, int Met, int Missed, double? Compliance, int Escalations, Percentiles FirstResponseSeconds);

[RegisterConverter]
public sealed class SlaReportRowConverter : IConverter<SlaReportRow, SlaReportRowSurrogate>
{
    public SlaReportRow ConvertFromSurrogate(in SlaReportRowSurrogate s) =>
        new(s.Key, s.Deadlines, s.Met, s.Missed, s.Compliance, s.Escalations, s.FirstResponseSeconds);

    public SlaReportRowSurrogate ConvertToSurrogate(in SlaReportRow v) =>
        new(v.Key, v.Deadlines, v.Met, v.Missed, v.Compliance, v.Escalations, v.FirstResponseSeconds);
}

[GenerateSerializer, Immutable]
public readonly record struct SlaReportSurrogate(ReportGrouping GroupBy, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SlaReportRow> Rows);

[RegisterConverter]
public sealed class SlaReportConverter : IConverter<SlaReport, SlaReportSurrogate>
{
    public SlaReport ConvertFromSurrogate(in SlaReportSurrogate s) => new(s.GroupBy, s.From, s.To, s.Rows);

    public SlaReportSurrogate ConvertToSurrogate(in SlaReport v) => new(v.GroupBy, v.From, v.To, v.Rows);
}

[GenerateSerializer, Immutable]
public readonly record struct BreachSurrogate(
    Guid ComplaintId, SlaClockKind Reason, DateTimeOffset DueAt, DateTimeOffset? AnsweredAt, string? Assignee, string Team, string Channel, Priority? Priority);

[RegisterConverter]
public sealed class BreachConverter : IConverter<Breach, BreachSurrogate>
{
    public Breach ConvertFromSurrogate(in BreachSurrogate s) => new(s.ComplaintId, s.Reason, s.DueAt, s.AnsweredAt, s.Assignee, s.Team, s.Channel, s.Priority);

    public BreachSurrogate ConvertToSurrogate(in Breach v) => new(v.ComplaintId, v.Reason, v.DueAt, v.AnsweredAt, v.Assignee, v.Team, v.Channel, v.Priority);
}
