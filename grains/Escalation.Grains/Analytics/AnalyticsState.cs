using Escalation.Analytics;

namespace Escalation.Grains.Analytics;

[GenerateSerializer]
public sealed class AnalyticsState
{
    /// <summary>The facts not yet sealed in a page.</summary>
    [Id(0)] public List<ComplaintFact> Facts { get; set; } = [];

    /// <summary>How many pages (<see cref="IAnalyticsPageGrain"/>) hold the earlier facts of the day.</summary>
    [Id(1)] public int Pages { get; set; }
}
