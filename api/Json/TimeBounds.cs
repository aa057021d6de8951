namespace Escalation.Api.Json;

/// <summary>
/// The times a request may carry, in a query or a body: from 2000-01-01 to 9999-01-01. Anything else is a mistake or
/// an attack, and arithmetic on it (a period before it, a baseline before a goal) would leave the calendar.
/// </summary>
internal static class TimeBounds
{
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Latest = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const string Rule = "Times lie between 2000-01-01 and 9999-01-01.";

    public static bool Contains(DateTimeOffset time) => time >= Earliest && time <= Latest;
}
