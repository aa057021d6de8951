namespace Escalation.Complaints;

/// <summary>
/// The customer's record as a new complaint arrives, used to raise its priority. <paramref name="Key"/> stands for the
/// customer in the analytics (counted once however often they complain) without naming them: a random token only the
/// customer's own record links to them, so that erasing that record leaves the analytics anonymous.
/// </summary>
public sealed record CustomerStanding(
    int ComplaintsInWindow,
    bool PersistentDissatisfaction,
    string Key);
