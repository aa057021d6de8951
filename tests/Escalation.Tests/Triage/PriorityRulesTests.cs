using Escalation.Complaints;
using Escalation.Sla;
using Escalation.Triage;

namespace Escalation.Tests.Triage;

public sealed class PriorityRulesTests
{
    private static readonly CustomerStanding OneOff = new(1, false, "one-off");
    private static readonly CustomerStanding Persistent = new(3, true, "persistent");

    private static NewComplaint Complaint(string text, bool isPublic = false, Priority? priority = null) =>
        new("facebook", "fb-1", new CustomerRef("fb:1", null), text, isPublic, "care", Priority: priority);

    [Fact]
    public void A_calm_private_one_off_complaint_is_P3()
    {
        var (priority, reasons) = Decide(Complaint("Tellimus on hiljaks jäänud, palun vaadake üle."), OneOff);
        Assert.Equal(Priority.P3, priority);
        Assert.Equal(["default P3"], reasons);
    }

    [Fact]
    public void Public_reach_anger_and_persistence_each_raise_one_step_with_their_reasons()
    {
        var (priority, reasons) = Decide(Complaint("This is UNACCEPTABLE and RIDICULOUS, worst shop ever!!!", isPublic: true), Persistent);
        Assert.Equal(Priority.P1, priority);
        Assert.Equal("public post", reasons[1]);
        Assert.StartsWith("anger (unacceptable, worst, ridiculous", reasons[2], StringComparison.Ordinal);
        Assert.StartsWith("persistent dissatisfaction: 3 complaints", reasons[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Threats_to_leave_and_legal_words_are_named()
    {
        var (priority, reasons) = Decide(Complaint("Kui homseks raha tagasi ei ole, pöördun tarbijakaitsesse ja see on viimane kord, kui teilt ostan."), OneOff);
        Assert.Equal(Priority.P2, priority);
        Assert.Equal(["default P3", "threatens to leave (viimane kord)", "legal words (tarbijakaitse)"], reasons);
    }

    [Fact]
    public void A_priority_the_connector_sends_stands()
    {
        var (priority, reasons) = Decide(Complaint("FURIOUS!!! lawyer", isPublic: true, Priority.P4), Persistent);
        Assert.Equal(Priority.P4, priority);
        Assert.Equal(["set by the facebook connector"], reasons);
    }

    private static (Priority, List<string>) Decide(NewComplaint complaint, CustomerStanding standing) => PriorityRules.Decide(complaint, ComplaintStrength.Of(complaint.Text), standing);
}
