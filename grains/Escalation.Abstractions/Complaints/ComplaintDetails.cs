namespace Escalation.Complaints;

[GenerateSerializer, Immutable]
public sealed record ComplaintDetails(
    [property: Id(0)] ComplaintSummary Summary,
    [property: Id(1)] IReadOnlyList<TimelineEntry> Timeline);
