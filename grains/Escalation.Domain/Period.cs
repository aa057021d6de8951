namespace Escalation;

/// <summary>A half-open span of time <c>[From, To)</c>, for figures "over a period".</summary>
public sealed record Period(DateTimeOffset From, DateTimeOffset To)
{
    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;

    /// <summary>The period of the same length just before this one.</summary>
    public Period Previous => new(From - (To - From), From);

    /// <summary>The start (UTC midnight) of every UTC day the period touches, for grains that keep a day each.</summary>
    public IEnumerable<DateTimeOffset> Days()
    {
        for (var day = new DateTimeOffset(From.UtcDateTime.Date, TimeSpan.Zero); day < To; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
