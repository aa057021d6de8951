using System.Text.RegularExpressions;

namespace Escalation;

/// <summary>What user, team and channel names may look like: they appear in URLs, tokens and group names.</summary>
public static partial class Names
{
    public const string Rule = "1-64 characters: lowercase letters, digits, '.', '_' or '-'";

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();
}
