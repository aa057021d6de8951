namespace Escalation.Sla;

/// <summary>P1 is the most urgent.</summary>
public enum Priority
{
    P1 = 1,
    P2 = 2,
    P3 = 3,
    P4 = 4,
}

public static class PriorityNames
{
    /// <summary>The priority named exactly P1 to P4 (not "1", not "p1").</summary>
    public static bool TryParse(string name, out Priority priority) =>
        Enum.TryParse(name, ignoreCase: false, out priority) && Enum.IsDefined(priority) && name.StartsWith('P');
}
