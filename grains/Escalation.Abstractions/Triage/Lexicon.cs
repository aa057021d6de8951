namespace Escalation.Triage;

/// <summary>
/// A weighted word list. An entry matches a word that starts with it (Estonian inflects by suffix: "paki",
/// "pakiautomaadist"); a single entry of six letters or more also matches inside a word (Estonian compounds:
/// "turvatöötaja", "teenustasu"); an entry ending in '$' matches only the whole word; entries of several words
/// match in sequence. Entries and words are compared without diacritics.
/// </summary>
public sealed class Lexicon
{
    private readonly List<(string[] Parts, double Weight, string Entry)> entries = [];

    public Lexicon Add(double weight, params string[] words)
    {
        foreach (var word in words)
        {
            entries.Add(([.. word.Split(' ').Select(Text.Fold)], weight, word));
        }

        return this;
    }

    /// <summary>The total weight of the entries found in <paramref name="folded"/> words, and which they were.</summary>
    public (double Score, List<string> Matches) Match(IReadOnlyList<string> folded)
    {
        var score = 0.0;
        var matches = new List<string>();
        foreach (var (parts, weight, entry) in entries)
        {
            for (var i = 0; i + parts.Length <= folded.Count; i++)
            {
                if (Matches(parts, folded, i))
                {
                    score += weight;
                    matches.Add(entry);
                    break;
                }
            }
        }

        return (score, matches);
    }

    private const int CompoundPartLength = 6;

    private static bool Matches(string[] parts, IReadOnlyList<string> words, int at)
    {
        for (var j = 0; j < parts.Length; j++)
        {
            var part = parts[j];
            var word = words[at + j];
            var matched = part.EndsWith('$') ? word == part[..^1]
                : parts.Length == 1 && part.Length >= CompoundPartLength ? word.Contains(part, StringComparison.Ordinal)
                : word.StartsWith(part, StringComparison.Ordinal);
            if (!matched)
            {
                return false;
            }
        }

        return true;
    }
}
