using System.Globalization;
using Escalation.Api.Json;
using Escalation.Sla;

namespace Escalation.Api.Sla;

/// <summary>
/// A business calendar in the contract's shape: <c>week</c> maps lowercase day names to <c>[start, end)</c> pairs
/// of local <c>HH:mm</c> times (end may be <c>24:00</c>); days left out are closed; holidays are local dates.
/// </summary>
internal sealed record CalendarView(string Name, string TimeZone, Dictionary<string, string[][]> Week, string[] Holidays)
{
    public sealed record Request(string? TimeZone, Dictionary<string, string[][]>? Week, string[]? Holidays);

    public static CalendarView From(BusinessCalendar calendar) => new(
        calendar.Name,
        calendar.TimeZone,
        Enum.GetValues<DayOfWeek>()
            .Where(day => calendar.Week[(int)day].Length > 0)
            .ToDictionary(DayName, day => calendar.Week[(int)day].Select(p => new[] { Time(p.Start), Time(p.End) }).ToArray()),
        [.. calendar.Holidays.Select(day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);

    /// <summary>The calendar, or why the request does not describe one.</summary>
    public static (BusinessCalendar? Calendar, List<string> Errors) Parse(string name, Request request)
    {
        var errors = new List<string>();
        var week = Enumerable.Range(0, 7).Select(_ => Array.Empty<WorkPeriod>()).ToArray();
        foreach (var (dayName, periods) in request.Week ?? [])
        {
            if (!Enum.GetValues<DayOfWeek>().Any(day => DayName(day) == dayName))
            {
                errors.Add($"'{dayName}' is not a day: use monday … sunday.");
                continue;
            }

            var day = Enum.GetValues<DayOfWeek>().Single(day => DayName(day) == dayName);
            week[(int)day] = [.. periods.Select(pair => pair is [var start, var end] && ParseTime(start) is { } from && ParseTime(end) is { } to
                ? new WorkPeriod(from, to)
                : Invalid(errors, $"{dayName}: each period is [\"HH:mm\", \"HH:mm\"]."))];
        }

        var holidays = new List<DateOnly>();
        foreach (var holiday in request.Holidays ?? [])
        {
            if (DateOnly.TryParseExact(holiday, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                holidays.Add(date);
            }
            else
            {
                errors.Add($"Holiday '{holiday}' is not a date like 2026-12-24.");
            }
        }

        var calendar = new BusinessCalendar(name, request.TimeZone ?? "", week, [.. holidays]);
        errors.AddRange(calendar.Validate());
        return (errors.Count == 0 ? calendar : null, errors);
    }

    private static WorkPeriod Invalid(List<string> errors, string error)
    {
        errors.Add(error);
        return new WorkPeriod(TimeSpan.Zero, TimeSpan.Zero);
    }

    private static string DayName(DayOfWeek day) => JsonSetup.ToCamelCase(day.ToString());

    private static string Time(TimeSpan time) => time == WorkPeriod.EndOfDay ? "24:00" : time.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private static TimeSpan? ParseTime(string text) =>
        text == "24:00" ? WorkPeriod.EndOfDay
        : TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out var time) ? time
        : null;
}
