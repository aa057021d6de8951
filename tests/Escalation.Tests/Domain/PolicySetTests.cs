using Escalation.Escalations;
using Escalation.Sla;
using Escalation.Triage;

namespace Escalation.Tests.Domain;

/// <summary>Which SLA terms a new complaint takes: the matching policy set with the lowest order, else the default policies.</summary>
public sealed class PolicySetTests
{
    private static readonly BusinessCalendar Office = new("office", "Europe/Tallinn",
        [.. Enumerable.Range(0, 7).Select(day => day is 0 or 6 ? Array.Empty<WorkPeriod>() : [new WorkPeriod(TimeSpan.FromHours(9), TimeSpan.FromHours(17))])], []);

    private static readonly SlaPolicy Fast = new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), 0.5, TimeSpan.FromMinutes(2), "office");

    private static readonly PolicySubject PublicBilling = new("twitter", "care", Topic.Billing, Public: true, PersistentDissatisfaction: false);

    private static SlaSettings Settings(params SlaPolicySet[] sets) => new(SlaPolicy.Defaults, [Office], sets);

    private static SlaPolicySet Set(string name, int order, PolicyConditions when, IReadOnlyDictionary<Priority, SlaPolicy>? targets = null) =>
        new(name, order, when, "office", targets ?? new Dictionary<Priority, SlaPolicy> { [Priority.P2] = Fast });

    [Fact]
    public void Without_a_matching_set_the_default_policy_applies_on_its_calendar()
    {
        var terms = Settings(Set("email-only", 1, PolicyConditions.Any with { Channels = ["email"] })).Terms(Priority.P2, PublicBilling, null);

        Assert.Equal(SlaPolicySet.DefaultName, terms.Name);
        Assert.Equal(SlaPolicy.Defaults[Priority.P2], terms.Policy);
        Assert.Equal(BusinessCalendar.AlwaysOpen, terms.Calendar);
        Assert.Equal(EscalationChain.Default, terms.Escalation);
    }

    [Fact]
    public void The_matching_set_with_the_lowest_order_wins_whatever_the_order_they_were_given_in()
    {
        var chain = new EscalationChain([new EscalationLevel(TimeSpan.Zero, ["team"])]);
        var terms = Settings(
                Set("any", 5, PolicyConditions.Any),
                Set("public-billing", 1, new PolicyConditions(["twitter", "facebook"], [], [Topic.Billing], Public: true)),
                Set("private", 0, PolicyConditions.Any with { Public = false }))
            .Terms(Priority.P2, PublicBilling, chain);

        Assert.Equal("public-billing", terms.Name);
        Assert.Equal(Fast, terms.Policy);
        Assert.Equal(Office, terms.Calendar);
        Assert.Same(chain, terms.Escalation);
    }

    [Fact]
    public void Every_condition_must_hold()
    {
        PolicyConditions[] misses =
        [
            PolicyConditions.Any with { Channels = ["email"] },
            PolicyConditions.Any with { Teams = ["billing"] },
            PolicyConditions.Any with { Topics = [Topic.Delivery] },
            PolicyConditions.Any with { Public = false },
            PolicyConditions.Any with { PersistentDissatisfaction = true },
        ];

        Assert.All(misses, when => Assert.False(when.Matches(PublicBilling)));
        Assert.True(new PolicyConditions(["twitter"], ["care"], [Topic.Billing], true, false).Matches(PublicBilling));
    }

    [Fact]
    public void A_priority_the_set_does_not_name_takes_the_default_times_on_the_sets_calendar()
    {
        var terms = Settings(Set("office-hours", 1, PolicyConditions.Any)).Terms(Priority.P4, PublicBilling, null);

        Assert.Equal("office-hours", terms.Name);
        Assert.Equal(SlaPolicy.Defaults[Priority.P4] with { Calendar = "office" }, terms.Policy);
        Assert.Equal(Office, terms.Calendar);
    }

    [Fact]
    public void A_set_has_a_name_other_than_default_and_valid_targets()
    {
        var errors = new SlaPolicySet("default", -1, PolicyConditions.Any, "office",
            new Dictionary<Priority, SlaPolicy> { [Priority.P1] = Fast with { WarningAt = 2 } }).Validate();

        Assert.Equal(
        [
            "A policy set's name is 1-64 characters: lowercase letters, digits, '.', '_' or '-', and not 'default'.",
            "order must be zero or more.",
            "P1: warningAt must be a fraction between 0 and 1 (exclusive).",
        ], errors);
    }
}
