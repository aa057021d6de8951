namespace Escalation.Triage;

/// <summary>
/// A text as every triage rule reads it, split once: its words in lower case (<see cref="Text.Words"/>) and the same
/// words without diacritics (<see cref="Text.Fold"/>), position for position.
/// </summary>
public sealed class TriageText
{
    private TriageText(string raw, List<string> words)
    {
        Raw = raw;
        Words = words;
        Folded = [.. words.Select(Text.Fold)];
    }

    public string Raw { get; }

    public IReadOnlyList<string> Words { get; }

    public IReadOnlyList<string> Folded { get; }

    public static TriageText Of(string text) => new(text, Text.Words(text));
}
