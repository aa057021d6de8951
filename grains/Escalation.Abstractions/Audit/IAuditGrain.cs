namespace Escalation.Audit;

/// <summary>
/// The audit log of one UTC day (key: <see cref="KeyOf"/>), kept in sealed pages so that recording a change never
/// rewrites the history, and a period reads only its days.
/// </summary>
public interface IAuditGrain : IGrainWithStringKey
{
    ValueTask Record(AuditEntry entry);

    /// <summary>The entries of this day that fall in the period, in the order they were recorded.</summary>
    ValueTask<IReadOnlyList<AuditEntry>> Entries(Period period);

    public static string KeyOf(DateTimeOffset at) => $"{at.UtcDateTime:yyyy-MM-dd}";
}
