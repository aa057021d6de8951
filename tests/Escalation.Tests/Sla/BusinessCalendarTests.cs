using System.Globalization;
using Escalation.Sla;

namespace Escalation.Tests.Sla;

/// <summary>
/// Business-time arithmetic as helpdesks with business-hour SLAs count it: only time inside working periods
/// counts, a target reached exactly at closing time is due at closing time, and time outside (nights,
/// weekends, holidays, lunch) is skipped. Cases are local Tallinn times unless they say UTC.
/// </summary>
public sealed class BusinessCalendarTests
{
    private static readonly TimeZoneInfo Tallinn = TimeZoneInfo.FindSystemTimeZoneById("Europe/Tallinn");

    private static BusinessCalendar Office(string[]? holidays = null, params (string Start, string End)[] day) => Calendar(
        holidays,
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        day.Length == 0 ? [("09:00", "17:00")] : day);

    private static BusinessCalendar Calendar(string[]? holidays, DayOfWeek[] days, (string Start, string End)[] periods)
    {
        var week = new WorkPeriod[7][];
        for (var i = 0; i < 7; i++)
        {
            week[i] = days.Contains((DayOfWeek)i)
                ? [.. periods.Select(p => new WorkPeriod(Parse(p.Start), Parse(p.End)))]
                : [];
        }

        return new BusinessCalendar("office", "Europe/Tallinn", week, [.. (holidays ?? []).Select(d => DateOnly.Parse(d, CultureInfo.InvariantCulture))]);
    }

    private static TimeSpan Parse(string time) => time == "24:00" ? WorkPeriod.EndOfDay : TimeSpan.Parse(time, CultureInfo.InvariantCulture);

    private static DateTimeOffset Local(string local)
    {
        var time = DateTime.Parse(local, CultureInfo.InvariantCulture);
        return new DateTimeOffset(time, Tallinn.GetUtcOffset(time));
    }

    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();

    [Theory]
    [InlineData("2026-11-23 10:00", "01:00", "2026-11-23 11:00")] // Monday, inside hours
    [InlineData("2026-11-23 07:00", "00:30", "2026-11-23 09:30")] // arrives before opening: counting starts at 09:00
    [InlineData("2026-11-23 20:00", "00:30", "2026-11-24 09:30")] // arrives at night: next opening
    [InlineData("2026-11-23 16:00", "01:00", "2026-11-23 17:00")] // reaches the target exactly at closing: that instant
    [InlineData("2026-11-23 16:30", "01:00", "2026-11-24 09:30")] // half an hour today, half tomorrow
    [InlineData("2026-11-27 16:30", "01:00", "2026-11-30 09:30")] // Friday afternoon: over the weekend to Monday
    [InlineData("2026-11-28 12:00", "00:15", "2026-11-30 09:15")] // arrives on Saturday
    [InlineData("2026-11-23 09:00", "16:00", "2026-11-24 17:00")] // two whole working days
    [InlineData("2026-11-23 10:00", "00:00", "2026-11-23 10:00")] // no time: due when the clock starts
    public void Office_hours_deadlines(string start, string amount, string expected)
    {
        var due = Office().AddWorkingTime(Local(start), TimeSpan.Parse(amount, CultureInfo.InvariantCulture));
        Assert.Equal(Local(expected), due);
    }

    [Fact]
    public void Lunch_break_is_skipped_in_a_split_day()
    {
        var calendar = Office(null, ("09:00", "12:00"), ("13:00", "17:00"));
        Assert.Equal(Local("2026-11-23 13:30"), calendar.AddWorkingTime(Local("2026-11-23 11:30"), TimeSpan.FromHours(1)));
        Assert.Equal(Local("2026-11-23 12:00"), calendar.AddWorkingTime(Local("2026-11-23 11:30"), TimeSpan.FromMinutes(30)));
        Assert.Equal(Local("2026-11-23 13:15"), calendar.AddWorkingTime(Local("2026-11-23 12:20"), TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void Holidays_are_skipped_like_weekends()
    {
        // Christmas Eve and Christmas Day 2026 fall on Thursday and Friday: Wednesday afternoon runs on to Monday.
        var calendar = Office(["2026-12-24", "2026-12-25"]);
        Assert.Equal(Local("2026-12-28 09:30"), calendar.AddWorkingTime(Local("2026-12-23 16:30"), TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromHours(1), calendar.WorkingTimeBetween(Local("2026-12-23 16:30"), Local("2026-12-28 09:30")));
    }

    [Fact]
    public void Spring_forward_in_Tallinn_a_night_has_one_hour_less()
    {
        // 29 March 2026: 03:00 EET becomes 04:00 EEST. Round the clock, five working hours from Saturday 23:00
        // end at 05:00 local (02:00 UTC), not 04:00.
        var calendar = Calendar(null, EveryDay, [("00:00", "24:00")]);
        var due = calendar.AddWorkingTime(Local("2026-03-28 23:00"), TimeSpan.FromHours(5));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 2, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(TimeSpan.FromHours(23), calendar.WorkingTimeBetween(Local("2026-03-29 00:00"), Local("2026-03-30 00:00")));
    }

    [Fact]
    public void Spring_forward_opening_hours_follow_the_new_offset()
    {
        // Open 09:00-17:00 every day: Saturday 16:00 EET (14:00 UTC) plus two hours is Sunday 10:00 EEST (07:00 UTC).
        var calendar = Calendar(null, EveryDay, [("09:00", "17:00")]);
        var due = calendar.AddWorkingTime(Local("2026-03-28 16:00"), TimeSpan.FromHours(2));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void A_period_starting_in_the_skipped_hour_starts_when_the_clock_jumps()
    {
        var calendar = Calendar(null, [DayOfWeek.Sunday], [("03:30", "06:00")]);
        var start = new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero);
        // 03:30 never happens that night; the period opens at 04:00 EEST = 01:00 UTC and holds two hours.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 2, 0, 0, TimeSpan.Zero), calendar.AddWorkingTime(start, TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromHours(2), calendar.WorkingTimeBetween(start, start.AddDays(2)));
    }

    [Fact]
    public void Fall_back_in_Tallinn_a_night_has_one_hour_more()
    {
        // 25 October 2026: 04:00 EEST becomes 03:00 EET. The period 00:00-06:00 that night lasts seven real hours.
        var calendar = Calendar(null, [DayOfWeek.Sunday], [("00:00", "06:00")]);
        var start = Local("2026-10-25 00:00");
        Assert.Equal(TimeSpan.FromHours(7), calendar.WorkingTimeBetween(start, start.AddDays(1)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 3, 30, 0, TimeSpan.Zero), calendar.AddWorkingTime(start, TimeSpan.FromHours(6.5)));
    }

    [Fact]
    public void Working_time_between_counts_only_open_periods()
    {
        var calendar = Office();
        Assert.Equal(TimeSpan.FromHours(1.5), calendar.WorkingTimeBetween(Local("2026-11-27 16:00"), Local("2026-11-30 09:30")));
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Local("2026-11-28 10:00"), Local("2026-11-29 10:00")));
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(Local("2026-11-30 10:00"), Local("2026-11-30 09:00")));
    }

    [Fact]
    public void Always_open_counts_wall_clock_time()
    {
        var start = new DateTimeOffset(2026, 11, 28, 23, 50, 0, TimeSpan.Zero);
        Assert.Equal(start.AddMinutes(15), BusinessCalendar.AlwaysOpen.AddWorkingTime(start, TimeSpan.FromMinutes(15)));
        Assert.Equal(TimeSpan.FromDays(2), BusinessCalendar.AlwaysOpen.WorkingTimeBetween(start, start.AddDays(2)));
    }

    [Fact]
    public void Invalid_calendars_are_explained()
    {
        Assert.Empty(Office().Validate());
        Assert.Contains(Office(null, ("09:00", "12:00"), ("11:00", "17:00")).Validate(), e => e.Contains("overlap", StringComparison.Ordinal));
        Assert.Contains(Office(null, ("17:00", "09:00")).Validate(), e => e.Contains("must start before it ends", StringComparison.Ordinal));
        Assert.Contains((Office() with { TimeZone = "Mars/Olympus" }).Validate(), e => e.Contains("Unknown time zone", StringComparison.Ordinal));
        Assert.Contains(Calendar(null, [], []).Validate(), e => e.Contains("no working periods", StringComparison.Ordinal));
    }
}
