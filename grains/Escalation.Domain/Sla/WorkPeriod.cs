namespace Escalation.Sla;

/// <summary>A half-open span <c>[Start, End)</c> of local working time within one day; <c>End</c> may be 24:00.</summary>
public sealed record WorkPeriod(TimeSpan Start, TimeSpan End)
{
    public static readonly TimeSpan EndOfDay = TimeSpan.FromHours(24);

    public bool IsValid => Start >= TimeSpan.Zero && End <= EndOfDay && Start < End;
}
