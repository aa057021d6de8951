namespace Escalation.Customers;

/// <summary>
/// A customer as the api shows it: <see cref="Id"/> is the id the customer's record is kept under, <see cref="Ids"/>
/// every id merged into it (the complaints and counts span them all), with the contacts connectors sent.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CustomerProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Name,
    [property: Id(2)] IReadOnlyList<Guid> OpenComplaints,
    [property: Id(3)] IReadOnlyList<Guid> PastComplaints,
    [property: Id(4)] int ComplaintsLast90Days,
    [property: Id(5)] bool PersistentDissatisfaction,
    [property: Id(6)] int? LatestNps,
    [property: Id(7)] IReadOnlyList<string> Ids,
    [property: Id(8)] IReadOnlyList<string> Emails,
    [property: Id(9)] IReadOnlyList<string> Phones);
