using Escalation.Escalations;

namespace Escalation.Tests.Domain;

/// <summary>Who is on duty, by weekly shifts in the team's time zone and dated overrides, at the edges and across DST.</summary>
public sealed class RosterTests
{
    private static readonly Roster Tallinn = new(
        "Europe/Tallinn",
        [
            new Shift("day", [DayOfWeek.Sunday, DayOfWeek.Monday], new TimeOnly(8, 0), new TimeOnly(16, 0)),
            new Shift("night", [DayOfWeek.Saturday], new TimeOnly(22, 0), new TimeOnly(6, 0)),
        ],
        [new RosterOverride("cover", new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero))]);

    [Theory]
    // Monday 30 November 2026, EET (UTC+2): 08:00 local is 06:00 UTC; the shift is half-open.
    [InlineData("2026-11-30T05:59:59Z", "")]
    [InlineData("2026-11-30T06:00:00Z", "day")]
    [InlineData("2026-11-30T13:59:59Z", "day")]
    [InlineData("2026-11-30T14:00:00Z", "")]
    // The override comes first and adds to the shift.
    [InlineData("2026-11-30T10:00:00Z", "cover,day")]
    [InlineData("2026-11-30T12:00:00Z", "day")]
    // Saturday's night shift runs past midnight into Sunday 06:00 local.
    [InlineData("2026-11-28T19:59:59Z", "")]
    [InlineData("2026-11-28T20:00:00Z", "night")]
    [InlineData("2026-11-29T03:59:59Z", "night")]
    [InlineData("2026-11-29T04:00:00Z", "")]
    // A Friday night is not Saturday's.
    [InlineData("2026-11-27T21:00:00Z", "")]
    // Spring forward (29 March 2026, 03:00 EET → 04:00 EEST): the night ends at 06:00 EEST = 03:00 UTC, the day starts at 08:00 EEST = 05:00 UTC.
    [InlineData("2026-03-29T02:59:59Z", "night")]
    [InlineData("2026-03-29T03:00:00Z", "")]
    [InlineData("2026-03-29T04:59:59Z", "")]
    [InlineData("2026-03-29T05:00:00Z", "day")]
    // Fall back (25 October 2026, 04:00 EEST → 03:00 EET): the night ends at 06:00 EET = 04:00 UTC, the day starts at 06:00 UTC.
    [InlineData("2026-10-25T03:59:59Z", "night")]
    [InlineData("2026-10-25T04:00:00Z", "")]
    [InlineData("2026-10-25T05:59:59Z", "")]
    [InlineData("2026-10-25T06:00:00Z", "day")]
    public void On_duty(string instant, string expected) =>
        Assert.Equal(expected, string.Join(",", Tallinn.OnDuty(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void A_roster_names_a_known_time_zone_real_periods_and_usernames()
    {
        var errors = new Roster(
            "Mars/Olympus",
            [new Shift("ann", [], new TimeOnly(8, 0), new TimeOnly(8, 0)), new Shift("Not A Name", [DayOfWeek.Monday], new TimeOnly(8, 0), new TimeOnly(9, 0))],
            [new RosterOverride("ann", Tallinn.Overrides[0].To, Tallinn.Overrides[0].From)]).Validate();

        Assert.Equal(
        [
            "Unknown time zone 'Mars/Olympus' (an IANA name such as Europe/Tallinn).",
            "shift 1: days must name at least one day.",
            "shift 1: from and to must differ.",
            "override 1: from must be before to.",
            "'Not A Name' is not a username (1-64 characters: lowercase letters, digits, '.', '_' or '-').",
        ], errors);
        Assert.Empty(Tallinn.Validate());
    }
}
