namespace Escalation.Customers;

/// <summary>The customer's record as a new complaint arrives, used to raise its priority.</summary>
[GenerateSerializer, Immutable]
public sealed record CustomerStanding(
    [property: Id(0)] int ComplaintsInWindow,
    [property: Id(1)] bool PersistentDissatisfaction);
