namespace Escalation.Escalations;

/// <summary>Whom a level of a chain tells: named groups of the team, the managers, or one user (<c>user:name</c>).</summary>
public static class NotifyTargets
{
    public const string Supervisors = "supervisors";
    public const string OnDuty = "onDuty";
    public const string Managers = "managers";
    public const string Team = "team";
    public const string UserPrefix = "user:";

    public const string Rule = "supervisors, onDuty, managers, team or user:<username>";

    private static readonly string[] Groups = [Supervisors, OnDuty, Managers, Team];

    public static bool IsValid(string target) =>
        Groups.Contains(target, StringComparer.Ordinal)
        || (target.StartsWith(UserPrefix, StringComparison.Ordinal) && Names.IsValid(target[UserPrefix.Length..]));

    /// <summary>The username of a <c>user:name</c> target, else null.</summary>
    public static string? UserOf(string target) => target.StartsWith(UserPrefix, StringComparison.Ordinal) ? target[UserPrefix.Length..] : null;
}
