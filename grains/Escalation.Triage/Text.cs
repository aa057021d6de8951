namespace Escalation.Triage;

/// <summary>Word handling shared by the triage rules: lower-case words, and a form without diacritics.</summary>
public static class Text
{
    /// <summary>Frequent English and Estonian words that say nothing about a topic.</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>The words of a text that say something: longer than three letters and not stop words (for word clouds).</summary>
    public static List<string> Keywords(string text) => [.. Words(text).Where(word => word.Length > 3 && !IsStopWord(word))];

    /// <summary>The words of a text, lower-case, in order (letters, digits and apostrophes; everything else splits).</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var lower = text.ToLowerInvariant().Replace('’', '\'');
        var start = 0;
        for (var at = 0; at <= lower.Length; at++)
        {
            if (at < lower.Length && (char.IsLetterOrDigit(lower[at]) || lower[at] == '\''))
            {
                continue;
            }

            if (at > start)
            {
                words.Add(lower[start..at]);
            }

            start = at + 1;
        }

        return words;
    }

    /// <summary>The word without diacritics (õ → o, ä → a, š → s …): people type Estonian without them on phones.</summary>
    public static string Fold(string word) => Folding.Fold(word);

    private static readonly HashSet<string> StopWords =
    [
        "the", "and", "was", "for", "you", "your", "this", "have", "has", "with", "not", "but", "are", "that", "they", "what", "from",
        "been", "were", "will", "would", "there", "when", "just", "very", "still", "again", "then", "than", "them", "our", "out", "all",
        "ning", "aga", "kui", "siis", "juba", "see", "seda", "selle", "oli", "pole", "olen", "oleme", "minu", "mina", "teie", "teil",
        "mis", "kas", "veel", "nüüd", "ka", "oma", "sest", "kuid", "isegi", "ikka", "kuigi", "olin", "mulle", "ole", "ei", "on", "ja",
    ];
}
