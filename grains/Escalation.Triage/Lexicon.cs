namespace Escalation.Triage;

/// <summary>
/// A weighted word list. An entry matches a word that starts with it (Estonian inflects by suffix: "paki",
/// "pakiautomaadist"); a single entry of six letters or more also matches inside a word (Estonian compounds:
/// "turvatöötaja", "teenustasu"); an entry ending in '$' matches only the whole word; entries of several words
/// match in sequence. Entries and words are compared without diacritics.
/// </summary>
public sealed class Lexicon
{
    private readonly List<(Part[] Parts, double Weight, string Entry)> entries = [];

    public Lexicon Add(double weight, params string[] words)
    {
        foreach (var word in words)
        {
            var parts = word.Split(' ').Select(Text.Fold).ToArray();
            entries.Add(([.. parts.Select(part => ToPart(part, parts.Length))], weight, word));
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

    private static Part ToPart(string part, int partsInEntry) =>
        part.EndsWith('$') ? new Part(part[..^1], Mode.WholeWord)
        : partsInEntry == 1 && part.Length >= CompoundPartLength ? new Part(part, Mode.Inside)
        : new Part(part, Mode.Prefix);

    private static bool Matches(Part[] parts, IReadOnlyList<string> words, int at)
    {
        for (var j = 0; j < parts.Length; j++)
        {
            if (!parts[j].Matches(words[at + j]))
            {
                return false;
            }
        }

        return true;
    }

    private enum Mode
    {
        WholeWord,
        Prefix,
        Inside,
    }

    private readonly record struct Part(string Form, Mode Mode)
    {
        public bool Matches(string word) => Mode switch
        {
            Mode.WholeWord => word == Form,
            Mode.Inside => word.Contains(Form, StringComparison.Ordinal),
            _ => word.StartsWith(Form, StringComparison.Ordinal),
        };
    }
}
