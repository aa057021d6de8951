namespace Escalation.Triage;

/// <summary>
/// A weighted word list. An entry matches a word that starts with it (Estonian inflects by suffix: "paki",
/// "pakiautomaadist"); a single entry of six letters or more also matches inside a word (Estonian compounds:
/// "turvatöötaja", "teenustasu"); an entry ending in '$' matches only the whole word; entries of several words
/// match in sequence. Entries and words are compared without diacritics.
/// </summary>
public sealed class Lexicon
{
    private const int CompoundPartLength = 6;
    private const int KeyLength = 2;

    private static readonly List<int> None = [];

    private readonly List<(Part[] Parts, double Weight, string Entry)> entries = [];

    // The entries by the first letters of their first part (as one number, see Key): those that start a word (prefix or
    // whole word), and those that may start anywhere inside one. A text is then read once, not once per entry.
    private readonly Dictionary<int, List<int>> starting = [];
    private readonly Dictionary<int, List<int>> inside = [];

    public Lexicon Add(double weight, params string[] words)
    {
        foreach (var word in words)
        {
            var parts = word.Split(' ').Select(Text.Fold).ToArray();
            Part[] compiled = [.. parts.Select(part => ToPart(part, parts.Length))];
            var first = compiled[0];
            var index = first.Mode == Mode.Inside ? inside : starting;
            var key = Key(first.Form.AsSpan(0, Math.Min(KeyLength, first.Form.Length)));
            (index.TryGetValue(key, out var list) ? list : index[key] = []).Add(entries.Count);
            entries.Add((compiled, weight, word));
        }

        return this;
    }

    /// <summary>The total weight of the entries found in <paramref name="folded"/> words, and which they were (in the order they were added).</summary>
    public (double Score, List<string> Matches) Match(IReadOnlyList<string> folded)
    {
        // The lexicons hold a few hundred entries at most: on the stack, not one array per text and lexicon.
        Span<bool> found = entries.Count <= 1024 ? stackalloc bool[entries.Count] : new bool[entries.Count];
        for (var at = 0; at < folded.Count; at++)
        {
            var word = folded[at].AsSpan();
            for (var length = 0; length <= Math.Min(KeyLength, word.Length); length++)
            {
                foreach (var candidate in starting.TryGetValue(Key(word[..length]), out var candidates) ? candidates : None)
                {
                    var parts = entries[candidate].Parts;
                    found[candidate] |= at + parts.Length <= folded.Count && Matches(parts, folded, at);
                }
            }

            for (var offset = 0; offset + KeyLength <= word.Length; offset++)
            {
                foreach (var candidate in inside.TryGetValue(Key(word.Slice(offset, KeyLength)), out var candidates) ? candidates : None)
                {
                    found[candidate] |= word[offset..].StartsWith(entries[candidate].Parts[0].Form, StringComparison.Ordinal);
                }
            }
        }

        var score = 0.0;
        var matches = new List<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (found[i])
            {
                score += entries[i].Weight;
                matches.Add(entries[i].Entry);
            }
        }

        return (score, matches);
    }

    // Up to KeyLength (two) letters as one number: cheaper to hash than a string, and no two keys share one (a word holds
    // no '\0', so a second letter always sets the upper half).
    private static int Key(ReadOnlySpan<char> start) => start.Length switch
    {
        0 => 0,
        1 => start[0],
        _ => start[0] | (start[1] << 16),
    };

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
