namespace Escalation.Grains.Customers;

[GenerateSerializer]
public sealed class CustomerState
{
    [Id(0)] public string? Name { get; set; }
    [Id(1)] public List<Guid> Open { get; set; } = [];
    [Id(2)] public List<Guid> Past { get; set; } = [];

    /// <summary>When each recent complaint was written, oldest first; older ones than any window needs are dropped.</summary>
    [Id(3)] public List<DateTimeOffset> Recent { get; set; } = [];
    [Id(4)] public int? LatestNps { get; set; }
}
