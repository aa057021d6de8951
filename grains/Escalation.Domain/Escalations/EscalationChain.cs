namespace Escalation.Escalations;

/// <summary>
/// One level of a chain: it fires <see cref="After"/> the missed deadline (level 1) or the previous level (null: the SLA
/// policy's acknowledgement time), tells <see cref="Notify"/> (<see cref="NotifyTargets"/>), and may move the complaint
/// to another agent and raise its priority.
/// </summary>
public sealed record EscalationLevel(TimeSpan? After, IReadOnlyList<string> Notify, bool Reassign = false, bool RaisePriority = false);

/// <summary>
/// How a team escalates a missed deadline: 1 to <see cref="MaxLevels"/> levels, each fired only while the one before was
/// not acknowledged and the overdue answer not given; and <see cref="ReassignAfter"/>: how long an assignee may leave a
/// complaint unanswered before it goes to another agent (null: never).
/// </summary>
public sealed record EscalationChain(IReadOnlyList<EscalationLevel> Levels, TimeSpan? ReassignAfter = null)
{
    public const int MaxLevels = 5;

    public static readonly TimeSpan LongestDelay = TimeSpan.FromDays(30);

    /// <summary>A team's chain until it sets one: the supervisors at the deadline, the managers after the policy's acknowledgement time.</summary>
    public static EscalationChain Default { get; } = new(
    [
        new EscalationLevel(TimeSpan.Zero, [NotifyTargets.Supervisors]),
        new EscalationLevel(null, [NotifyTargets.Managers]),
    ]);

    /// <summary>The delays of the levels, the policy's acknowledgement time standing in where a level names none.</summary>
    public IReadOnlyList<TimeSpan> Delays(TimeSpan acknowledge) => [.. Levels.Select(level => level.After ?? acknowledge)];

    /// <summary>Validation errors, empty when the chain is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Levels.Count is < 1 or > MaxLevels)
        {
            errors.Add($"levels must have 1 to {MaxLevels} entries.");
        }

        foreach (var (level, number) in Levels.Select((level, index) => (level, index + 1)))
        {
            if (level.After is { } after && (after < TimeSpan.Zero || after > LongestDelay))
            {
                errors.Add($"level {number}: after must be between 00:00:00 and {LongestDelay.TotalDays:0} days.");
            }

            if (level.Notify.Count == 0 && !level.Reassign && !level.RaisePriority)
            {
                errors.Add($"level {number}: notify someone, reassign or raise the priority.");
            }

            errors.AddRange(level.Notify.Where(target => !NotifyTargets.IsValid(target))
                .Select(target => $"level {number}: '{Shorten(target)}' is not a target ({NotifyTargets.Rule})."));
        }

        if (ReassignAfter is { } reassign && (reassign <= TimeSpan.Zero || reassign > LongestDelay))
        {
            errors.Add($"reassignAfter must be a positive duration of at most {LongestDelay.TotalDays:0} days, or null.");
        }

        return errors;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
