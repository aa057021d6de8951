using System.Globalization;
using System.Text;

namespace Escalation;

/// <summary>
/// Text without diacritics (õ → o, ä → a, š → s …), so that a search or a word list matches Estonian typed on a phone
/// without them.
/// </summary>
public static class Folding
{
    /// <summary>The text without diacritics; case is kept.</summary>
    public static string Fold(string text)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    /// <summary>The form searches compare: lower case, without diacritics.</summary>
    public static string ForSearch(string text) => Fold(text.ToLowerInvariant());
}
