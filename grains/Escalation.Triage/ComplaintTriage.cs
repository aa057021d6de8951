using Escalation.Complaints;

namespace Escalation.Triage;

/// <summary>Everything triage decides about a new complaint: its language, topic and priority with their reasons.</summary>
public static class ComplaintTriage
{
    public static Triaged Of(NewComplaint complaint, CustomerStanding standing)
    {
        var text = TriageText.Of(complaint.Text);
        var (priority, reasons) = PriorityRules.Decide(complaint, ComplaintStrength.Of(text), standing);
        var language = complaint.Language is { } given ? new Verdict<string>(given, ["set by the connector"]) : LanguageDetector.Detect(text);
        return new Triaged(priority, reasons, language, TopicClassifier.Classify(text), standing);
    }
}
