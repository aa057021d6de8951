using Escalation.Complaints;

namespace Escalation.Triage;

/// <summary>Everything triage decides about a new complaint: its language, topic and priority with their reasons.</summary>
public static class ComplaintTriage
{
    public static Triaged Of(NewComplaint complaint, CustomerStanding standing)
    {
        var (priority, reasons) = PriorityRules.Decide(complaint, ComplaintStrength.Of(complaint.Text), standing);
        var language = complaint.Language is { } given ? new Verdict<string>(given, ["set by the connector"]) : LanguageDetector.Detect(complaint.Text);
        return new Triaged(priority, reasons, language, TopicClassifier.Classify(complaint.Text), standing);
    }
}
