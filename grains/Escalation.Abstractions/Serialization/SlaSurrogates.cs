using Escalation.Escalations;
using Escalation.Sla;

namespace Escalation.Serialization;

// The domain's SLA types are plain C#; Orleans serializes them through these surrogates (the documented way for types
// an Orleans-free assembly owns).

[GenerateSerializer, Immutable]
public readonly record struct PeriodSurrogate(DateTimeOffset From, DateTimeOffset To);

[RegisterConverter]
public sealed class PeriodConverter : IConverter<Period, PeriodSurrogate>
{
    public Period ConvertFromSurrogate(in PeriodSurrogate surrogate) => new(surrogate.From, surrogate.To);

    public PeriodSurrogate ConvertToSurrogate(in Period value) => new(value.From, value.To);
}

[GenerateSerializer, Immutable]
public readonly record struct WorkPeriodSurrogate(TimeSpan Start, TimeSpan End);

[RegisterConverter]
public sealed class WorkPeriodConverter : IConverter<WorkPeriod, WorkPeriodSurrogate>
{
    public WorkPeriod ConvertFromSurrogate(in WorkPeriodSurrogate surrogate) => new(surrogate.Start, surrogate.End);

    public WorkPeriodSurrogate ConvertToSurrogate(in WorkPeriod value) => new(value.Start, value.End);
}

[GenerateSerializer, Immutable]
public readonly record struct BusinessCalendarSurrogate(string Name, string TimeZone, WorkPeriod[][] Week, DateOnly[] Holidays);

[RegisterConverter]
public sealed class BusinessCalendarConverter : IConverter<BusinessCalendar, BusinessCalendarSurrogate>
{
    public BusinessCalendar ConvertFromSurrogate(in BusinessCalendarSurrogate surrogate) =>
        new(surrogate.Name, surrogate.TimeZone, surrogate.Week, surrogate.Holidays);

    public BusinessCalendarSurrogate ConvertToSurrogate(in BusinessCalendar value) => new(value.Name, value.TimeZone, value.Week, value.Holidays);
}

[GenerateSerializer, Immutable]
public readonly record struct SlaPolicySurrogate(
    TimeSpan FirstResponse, TimeSpan NextResponse, TimeSpan Resolution, double WarningAt, TimeSpan EscalationAcknowledge, string Calendar);

[RegisterConverter]
public sealed class SlaPolicyConverter : IConverter<SlaPolicy, SlaPolicySurrogate>
{
    public SlaPolicy ConvertFromSurrogate(in SlaPolicySurrogate surrogate) =>
        new(surrogate.FirstResponse, surrogate.NextResponse, surrogate.Resolution, surrogate.WarningAt, surrogate.EscalationAcknowledge, surrogate.Calendar);

    public SlaPolicySurrogate ConvertToSurrogate(in SlaPolicy value) =>
        new(value.FirstResponse, value.NextResponse, value.Resolution, value.WarningAt, value.EscalationAcknowledge, value.Calendar);
}

[GenerateSerializer, Immutable]
public readonly record struct SlaTermsSurrogate(SlaPolicy Policy, BusinessCalendar Calendar, string? Name, EscalationChain? Chain);

[RegisterConverter]
public sealed class SlaTermsConverter : IConverter<SlaTerms, SlaTermsSurrogate>
{
    public SlaTerms ConvertFromSurrogate(in SlaTermsSurrogate surrogate) =>
        new(surrogate.Policy, surrogate.Calendar, surrogate.Name ?? SlaPolicySet.DefaultName, surrogate.Chain);

    public SlaTermsSurrogate ConvertToSurrogate(in SlaTerms value) => new(value.Policy, value.Calendar, value.Name, value.Chain);
}

[GenerateSerializer, Immutable]
public readonly record struct SlaSettingsSurrogate(
    IReadOnlyDictionary<Priority, SlaPolicy> Policies, IReadOnlyList<BusinessCalendar> Calendars, IReadOnlyList<SlaPolicySet> PolicySets);

[RegisterConverter]
public sealed class SlaSettingsConverter : IConverter<SlaSettings, SlaSettingsSurrogate>
{
    public SlaSettings ConvertFromSurrogate(in SlaSettingsSurrogate surrogate) => new(surrogate.Policies, surrogate.Calendars, surrogate.PolicySets);

    public SlaSettingsSurrogate ConvertToSurrogate(in SlaSettings value) => new(value.Policies, value.Calendars, value.PolicySets);
}
