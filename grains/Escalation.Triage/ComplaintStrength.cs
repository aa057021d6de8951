namespace Escalation.Triage;

/// <summary>Whether a complaint's text is a strong one: anger, a threat to leave, legal words. Each raises its priority.</summary>
public static class ComplaintStrength
{
    private static readonly Lexicon Anger = new Lexicon().Add(1,
        "angry", "furious", "outraged", "unacceptable", "disgusting", "disgrace", "worst", "terrible", "horrible", "ridiculous",
        "scam", "fraud", "shameful", "pathetic", "vihane", "raevu", "vastuvõetamatu", "jälk", "halvim", "kohutav", "õudne",
        "naeruväärne", "pettus", "petis", "häbi", "skandaal", "mõnita");

    private static readonly Lexicon Leaving = new Lexicon().Add(1,
        "leaving", "never again", "never buy", "never order", "switch to", "competitor", "cancel my account", "close my account",
        "last time", "taking my business", "lahkun", "viimane kord", "enam kunagi", "kunagi enam", "konkurent", "loobun",
        "ei osta enam", "ei telli enam", "lõpetan lepingu");

    private static readonly Lexicon Legal = new Lexicon().Add(1,
        "lawyer", "attorney", "court", "sue$", "suing", "legal", "lawsuit", "consumer protection", "police", "ombudsman",
        "advokaat", "jurist", "kohus", "kohtu", "tarbijakaitse", "politsei", "hagi$", "õigusabi", "ttja$", "vaidluskomisjon");

    /// <summary>What makes the text a strong complaint, as reasons; empty for a calm one.</summary>
    public static List<string> Of(string text) => Of(TriageText.Of(text));

    /// <inheritdoc cref="Of(string)"/>
    public static List<string> Of(TriageText triageText)
    {
        var (text, folded) = (triageText.Raw, triageText.Folded);
        var reasons = new List<string>();
        var (_, anger) = Anger.Match(folded);
        var shouting = 0;
        foreach (var word in text.AsSpan().Split(' '))
        {
            shouting += Shouted(text.AsSpan(word)) ? 1 : 0;
        }

        if (text.Contains("!!!", StringComparison.Ordinal) || shouting >= 2)
        {
            anger.Add(shouting >= 2 ? "capitals" : "!!!");
        }

        if (anger.Count > 0)
        {
            reasons.Add($"anger ({string.Join(", ", anger)})");
        }

        if (Leaving.Match(folded).Matches is { Count: > 0 } leaving)
        {
            reasons.Add($"threatens to leave ({string.Join(", ", leaving)})");
        }

        if (Legal.Match(folded).Matches is { Count: > 0 } legal)
        {
            reasons.Add($"legal words ({string.Join(", ", legal)})");
        }

        return reasons;
    }

    /// <summary>A word of four characters or more whose letters (it has some) are all capitals.</summary>
    private static bool Shouted(ReadOnlySpan<char> word)
    {
        var letters = false;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters = true;
            }
        }

        return letters && word.Length >= 4;
    }
}
