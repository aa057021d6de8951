using Escalation.Analytics;

namespace Escalation.Grains.Analytics;

[GenerateSerializer]
public sealed class AnalyticsState
{
    [Id(0)] public List<ComplaintFact> Facts { get; set; } = [];
}
