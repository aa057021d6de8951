using System.Globalization;
using Escalation.Escalations;

namespace Escalation.Api.Escalations;

/// <summary>
/// A roster as the api shows it: days as lowercase English names, shift times as local <c>HH:mm</c>, and who is on duty
/// now (the team's supervisors on shift, else all of them).
/// </summary>
internal sealed record RosterView(string TimeZone, IReadOnlyList<RosterView.ShiftView> Shifts, IReadOnlyList<RosterView.RosterOverrideView> Overrides, IReadOnlyList<string> OnDuty)
{
    public sealed record ShiftView(string User, IReadOnlyList<string> Days, string From, string To);

    public sealed record RosterOverrideView(string User, DateTimeOffset From, DateTimeOffset To);

    public sealed record ShiftRequest(string? User, List<string>? Days, string? From, string? To);

    public sealed record OverrideRequest(string? User, DateTimeOffset? From, DateTimeOffset? To);

    public sealed record Request(string? TimeZone, List<ShiftRequest?>? Shifts, List<OverrideRequest?>? Overrides);

    private const string TimeFormat = "HH:mm";

    public static RosterView Of(Roster roster, IReadOnlyList<string> onDuty) => new(
        roster.TimeZone,
        [.. roster.Shifts.Select(shift => new ShiftView(shift.User, [.. shift.Days.Select(day => day.ToString().ToLowerInvariant())],
            shift.From.ToString(TimeFormat, CultureInfo.InvariantCulture), shift.To.ToString(TimeFormat, CultureInfo.InvariantCulture)))],
        [.. roster.Overrides.Select(entry => new RosterOverrideView(entry.User, entry.From, entry.To))],
        onDuty);

    /// <summary>The roster of a request (what of it could be read) and what is wrong with it, its shape and the roster's own rules.</summary>
    public static (Roster Roster, List<string> Errors) Parse(Request request)
    {
        var errors = new List<string>();
        var shifts = new List<Shift>();
        foreach (var (shift, number) in (request.Shifts ?? []).Select((shift, index) => (shift, index + 1)))
        {
            var days = (shift?.Days ?? []).Select(day => (Name: day, Valid: Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var parsed) && !int.TryParse(day, out _), Day: parsed)).ToList();
            errors.AddRange(days.Where(day => !day.Valid).Select(day => $"shift {number}: '{Short(day.Name)}' is not a day (monday to sunday)."));
            if (!TryTime(shift?.From, out var from) || !TryTime(shift?.To, out var to))
            {
                errors.Add($"shift {number}: from and to are local times such as 08:00.");
                continue;
            }

            shifts.Add(new Shift(shift?.User ?? "", [.. days.Where(day => day.Valid).Select(day => day.Day).Distinct()], from, to));
        }

        var overrides = new List<RosterOverride>();
        foreach (var (entry, number) in (request.Overrides ?? []).Select((entry, index) => (entry, index + 1)))
        {
            if (entry is not { From: { } from, To: { } to })
            {
                errors.Add($"override {number}: from and to are required times.");
                continue;
            }

            overrides.Add(new RosterOverride(entry.User ?? "", from, to));
        }

        var roster = new Roster(request.TimeZone ?? "UTC", shifts, overrides);
        errors.AddRange(roster.Validate());
        return (roster, errors);
    }

    private static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static string Short(string? text) => text is null ? "null" : text.Length > 20 ? text[..20] + "…" : text;
}
