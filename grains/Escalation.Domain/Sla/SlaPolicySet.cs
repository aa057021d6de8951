using Escalation.Triage;

namespace Escalation.Sla;

/// <summary>What a new complaint is, for choosing its SLA policy set.</summary>
public sealed record PolicySubject(string Channel, string Team, Topic Topic, bool Public, bool PersistentDissatisfaction);

/// <summary>Which complaints a policy set is for: an empty list or a null matches anything.</summary>
public sealed record PolicyConditions(
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> Teams,
    IReadOnlyList<Topic> Topics,
    bool? Public = null,
    bool? PersistentDissatisfaction = null)
{
    public static PolicyConditions Any { get; } = new([], [], []);

    public bool Matches(PolicySubject subject) =>
        (Channels.Count == 0 || Channels.Contains(subject.Channel, StringComparer.Ordinal))
        && (Teams.Count == 0 || Teams.Contains(subject.Team, StringComparer.Ordinal))
        && (Topics.Count == 0 || Topics.Contains(subject.Topic))
        && (Public is null || Public == subject.Public)
        && (PersistentDissatisfaction is null || PersistentDissatisfaction == subject.PersistentDissatisfaction);
}

/// <summary>
/// A named, conditional set of SLA targets on one calendar. A new complaint takes the matching set with the lowest
/// <see cref="Order"/> (then the first name); a priority missing from <see cref="Targets"/> takes the default policy's
/// times on this set's calendar. Each target's <see cref="SlaPolicy.Calendar"/> is the set's.
/// </summary>
public sealed record SlaPolicySet(string Name, int Order, PolicyConditions When, string Calendar, IReadOnlyDictionary<Priority, SlaPolicy> Targets)
{
    public const int MaxSets = 100;

    /// <summary>What a complaint that matched no set names as its policy.</summary>
    public const string DefaultName = "default";

    /// <summary>Validation errors, empty when the set is usable (the calendar's existence is checked where calendars are known).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Names.IsValid(Name) || Name == DefaultName)
        {
            errors.Add($"A policy set's name is {Names.Rule}, and not '{DefaultName}'.");
        }

        if (Order < 0)
        {
            errors.Add("order must be zero or more.");
        }

        if (When.Channels.Count + When.Teams.Count > 200)
        {
            errors.Add("when names at most 200 channels and teams.");
        }

        errors.AddRange(Targets.SelectMany(target => target.Value.Validate().Select(error => $"{target.Key}: {error}")));
        return errors;
    }
}
