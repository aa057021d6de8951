using Escalation.Complaints;
using Escalation.Customers;
using Escalation.Sla;

namespace Escalation.Triage;

/// <summary>
/// A new complaint's priority with its reasons. A priority the connector sends stands as it is; otherwise P3,
/// one step up for a public post (its reach is about a hundredfold), one for a strong complaint (anger, a threat to
/// leave, legal words) and one for a customer who is persistently dissatisfied; P1 at most.
/// </summary>
public static class PriorityRules
{
    public const Priority Default = Priority.P3;

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

    public static (Priority Priority, List<string> Reasons) Decide(NewComplaint complaint, CustomerStanding standing)
    {
        if (complaint.Priority is { } given)
        {
            return (given, [$"set by the {complaint.Channel} connector"]);
        }

        var priority = Default;
        var reasons = new List<string> { $"default {Default}" };
        if (complaint.Public)
        {
            priority = Raise(priority);
            reasons.Add("public post");
        }

        var strength = Strength(complaint.Text);
        if (strength.Count > 0)
        {
            priority = Raise(priority);
            reasons.AddRange(strength);
        }

        if (standing.PersistentDissatisfaction)
        {
            priority = Raise(priority);
            reasons.Add($"persistent dissatisfaction: {standing.ComplaintsInWindow} complaints in a short time");
        }

        return (priority, reasons);
    }

    /// <summary>What makes the text a strong complaint, as reasons; empty for a calm one.</summary>
    public static List<string> Strength(string text)
    {
        var folded = Text.Words(text).Select(Text.Fold).ToList();
        var reasons = new List<string>();
        var (_, anger) = Anger.Match(folded);
        var shouting = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(word => word.Length >= 4 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)) && word.Any(char.IsLetter));
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

    private static Priority Raise(Priority priority) => priority == Priority.P1 ? Priority.P1 : priority - 1;
}
