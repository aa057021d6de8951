namespace Escalation.Customers;

[GenerateSerializer, Immutable]
public sealed record CustomerProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Name,
    [property: Id(2)] IReadOnlyList<Guid> OpenComplaints,
    [property: Id(3)] IReadOnlyList<Guid> PastComplaints,
    [property: Id(4)] int ComplaintsLast90Days,
    [property: Id(5)] bool PersistentDissatisfaction,
    [property: Id(6)] int? LatestNps);
