namespace Escalation.Grains.Customers;

[GenerateSerializer]
public sealed class CustomerState
{
    [Id(0)] public string? Name { get; set; }
    [Id(1)] public List<Guid> Open { get; set; } = [];

    /// <summary>
    /// Past complaints recorded before they moved to the customer's paged log (read with it, never added to), so that
    /// a customer kept by an earlier version keeps their history.
    /// </summary>
    [Id(2)] public List<Guid> Past { get; set; } = [];

    /// <summary>When each recent complaint was written, oldest first; older ones than any window needs are dropped.</summary>
    [Id(3)] public List<DateTimeOffset> Recent { get; set; } = [];
    [Id(4)] public int? LatestNps { get; set; }

    /// <summary>The NPS logs (<c>INpsGrain</c> keys) that hold the customer's answers, for an export or an erasure.</summary>
    [Id(5)] public List<string> NpsLogs { get; set; } = [];
}
