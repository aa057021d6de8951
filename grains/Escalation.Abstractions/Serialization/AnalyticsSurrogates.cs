using Escalation.Analytics;
using Escalation.Triage;

namespace Escalation.Serialization;

// Surrogates for the domain's analytics figures (see SlaSurrogates.cs).

[GenerateSerializer, Immutable]
public readonly record struct NpsSummarySurrogate(double? Score, int Answers, int Promoters, int Passives, int Detractors);

[RegisterConverter]
public sealed class NpsSummaryConverter : IConverter<NpsSummary, NpsSummarySurrogate>
{
    public NpsSummary ConvertFromSurrogate(in NpsSummarySurrogate s) => new(s.Score, s.Answers, s.Promoters, s.Passives, s.Detractors);

    public NpsSummarySurrogate ConvertToSurrogate(in NpsSummary v) => new(v.Score, v.Answers, v.Promoters, v.Passives, v.Detractors);
}

[GenerateSerializer, Immutable]
public readonly record struct RatioPairSurrogate(double? First, double? Second);

[RegisterConverter]
public sealed class SlaComplianceConverter : IConverter<SlaCompliance, RatioPairSurrogate>
{
    public SlaCompliance ConvertFromSurrogate(in RatioPairSurrogate s) => new(s.First, s.Second);

    public RatioPairSurrogate ConvertToSurrogate(in SlaCompliance v) => new(v.FirstResponse, v.Resolution);
}

[RegisterConverter]
public sealed class PercentilesConverter : IConverter<Percentiles, RatioPairSurrogate>
{
    public Percentiles ConvertFromSurrogate(in RatioPairSurrogate s) => new(s.First, s.Second);

    public RatioPairSurrogate ConvertToSurrogate(in Percentiles v) => new(v.P50, v.P90);
}

[GenerateSerializer, Immutable]
public readonly record struct EscalationCountsSurrogate(int Level1, int Level2);

[RegisterConverter]
public sealed class EscalationCountsConverter : IConverter<EscalationCounts, EscalationCountsSurrogate>
{
    public EscalationCounts ConvertFromSurrogate(in EscalationCountsSurrogate s) => new(s.Level1, s.Level2);

    public EscalationCountsSurrogate ConvertToSurrogate(in EscalationCounts v) => new(v.Level1, v.Level2);
}

[GenerateSerializer, Immutable]
public readonly record struct TopicCountSurrogate(Topic Topic, int Count, int PreviousCount, int Change);

[RegisterConverter]
public sealed class TopicCountConverter : IConverter<TopicCount, TopicCountSurrogate>
{
    public TopicCount ConvertFromSurrogate(in TopicCountSurrogate s) => new(s.Topic, s.Count, s.PreviousCount, s.Change);

    public TopicCountSurrogate ConvertToSurrogate(in TopicCount v) => new(v.Topic, v.Count, v.PreviousCount, v.Change);
}

[GenerateSerializer, Immutable]
public readonly record struct AnalyticsReportSurrogate(
    string? Team, DateTimeOffset From, DateTimeOffset To, int Complaints, double? PublicShare, SlaCompliance SlaCompliance,
    Percentiles FirstResponseSeconds, Percentiles ResolutionSeconds, EscalationCounts Escalations, IReadOnlyList<TopicCount> Topics,
    int PersistentDissatisfaction, NpsSummary Nps, int Responded, int Resolved);

[RegisterConverter]
public sealed class AnalyticsReportConverter : IConverter<AnalyticsReport, AnalyticsReportSurrogate>
{
    public AnalyticsReport ConvertFromSurrogate(in AnalyticsReportSurrogate s) =>
        new(s.Team, s.From, s.To, s.Complaints, s.PublicShare, s.SlaCompliance, s.FirstResponseSeconds, s.ResolutionSeconds, s.Escalations, s.Topics,
            s.PersistentDissatisfaction, s.Nps, s.Responded, s.Resolved);

    public AnalyticsReportSurrogate ConvertToSurrogate(in AnalyticsReport v) =>
        new(v.Team, v.From, v.To, v.Complaints, v.PublicShare, v.SlaCompliance, v.FirstResponseSeconds, v.ResolutionSeconds, v.Escalations, v.Topics,
            v.PersistentDissatisfaction, v.Nps, v.Responded, v.Resolved);
}
