namespace Escalation.Complaints;

/// <summary>The customer's record as a new complaint arrives, used to raise its priority.</summary>
public sealed record CustomerStanding(
    int ComplaintsInWindow,
    bool PersistentDissatisfaction);
