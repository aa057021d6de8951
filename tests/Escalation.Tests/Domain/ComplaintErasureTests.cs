using Escalation.Complaints;
using Escalation.Sla;

namespace Escalation.Tests.Domain;

public sealed class ComplaintErasureTests
{
    private const string Pseudonym = "erased:5d1c";
    private static readonly TimeSpan KeepClosedTexts = TimeSpan.FromDays(30);

    [Fact]
    public void Erasing_replaces_every_text_the_name_and_the_customers_id_and_keeps_the_deadlines_and_the_timelines_shape()
    {
        var fixture = new ComplaintFixture();
        fixture.Act((c, now) => c.AddCustomerMessage(new CustomerMessage("fb-2", "Helistage 5555 1234"), now));
        fixture.Act((c, now) => c.Respond("Vabandame, Mari!", true, "ann", now));
        fixture.Act((c, now) => c.AddNote("Mari on püsiklient", "sue", now));
        var dueAt = fixture.State.Clock(SlaClockKind.Resolution)!.DueAt;
        var shape = fixture.Timeline.ToList();

        var erased = fixture.Act((c, now) => c.Erase("admin", Pseudonym, now));

        Assert.Equal([ComplaintEventKind.ComplaintUpdated], erased.Events);
        Assert.Equal(new TimelineErasure("fb:1", Pseudonym), erased.Erasure);
        Assert.Equal(Erasure.Mark, fixture.State.Origin!.Text);
        Assert.Equal(Erasure.Mark, fixture.State.Origin.Customer.Name);
        Assert.Equal(Pseudonym, fixture.State.Origin.Customer.Id);
        Assert.DoesNotContain(fixture.State.Timeline, entry => entry.Actor == "fb:1");
        Assert.Equal(2, fixture.State.Timeline.Count(entry => entry.Actor == Pseudonym)); // created, the customer's message
        Assert.Empty(fixture.State.TriageEvidence);
        Assert.Equal([.. shape, TimelineType.Erased], fixture.Timeline);
        Assert.All(fixture.State.Timeline.Where(entry => entry.Text is not null), entry => Assert.Equal(Erasure.Mark, entry.Text));
        Assert.Equal(3, fixture.State.Timeline.Count(entry => entry.Text is not null));
        Assert.Equal("admin", fixture.State.Timeline[^1].Actor);
        Assert.Equal(dueAt, fixture.State.Clock(SlaClockKind.Resolution)!.DueAt);
        Assert.Equal(ComplaintStatus.Responded, fixture.State.Status);
    }

    [Fact]
    public void Erasing_again_changes_nothing_until_something_new_is_written()
    {
        var fixture = new ComplaintFixture();
        fixture.Act((c, now) => c.Erase("admin", Pseudonym, now));

        Assert.False(fixture.Act((c, now) => c.Erase("admin", Pseudonym, now)).Changed);

        fixture.Act((c, now) => c.AddCustomerMessage(new CustomerMessage("fb-3", "Kas keegi vastab?"), now));
        Assert.True(fixture.Act((c, now) => c.Erase("admin", Pseudonym, now)).Changed);
        Assert.Equal(Erasure.Mark, fixture.State.Timeline.Last(entry => entry.Type == TimelineType.CustomerMessage).Text);
    }

    [Fact]
    public void A_closed_complaints_texts_are_erased_on_the_second_the_retention_period_ends()
    {
        var fixture = new ComplaintFixture(keepClosedTexts: KeepClosedTexts);
        fixture.Act((c, now) => c.Resolve("Vahetatud", "ann", now));
        fixture.Advance(ComplaintFixture.AutoCloseAfter);
        Assert.Equal(ComplaintStatus.Closed, fixture.State.Status);
        var closedAt = fixture.Now;
        Assert.Equal(closedAt + KeepClosedTexts, fixture.Complaint.NextAlertAt);

        Assert.Empty(fixture.Advance(KeepClosedTexts - TimeSpan.FromSeconds(1)).Events);
        Assert.Equal("Jahutuskapp ei tööta", fixture.State.Origin!.Text);

        Assert.Equal([ComplaintEventKind.ComplaintUpdated], fixture.Advance(TimeSpan.FromSeconds(1)).Events);
        Assert.Equal(Erasure.Mark, fixture.State.Origin!.Text);
        Assert.Equal(Erasure.Mark, fixture.State.Timeline.Single(entry => entry.Type == TimelineType.Resolved).Text);
        Assert.Equal((TimelineType.Erased, Complaint.System), (fixture.State.Timeline[^1].Type, fixture.State.Timeline[^1].Actor));
        Assert.Equal("fb:1", fixture.State.Origin.Customer.Id);
        Assert.Null(fixture.Complaint.NextAlertAt);
        Assert.Empty(fixture.Advance(TimeSpan.FromDays(1)).Events);
    }

    [Fact]
    public void Erasing_the_customer_of_a_complaint_whose_texts_retention_erased_still_replaces_the_id()
    {
        var fixture = new ComplaintFixture(keepClosedTexts: KeepClosedTexts);
        fixture.Act((c, now) => c.Resolve("Vahetatud", "ann", now));
        fixture.Advance(ComplaintFixture.AutoCloseAfter);
        fixture.Advance(KeepClosedTexts);
        Assert.Equal(TimelineType.Erased, fixture.State.Timeline[^1].Type);

        Assert.True(fixture.Act((c, now) => c.Erase("admin", Pseudonym, now)).Changed);

        Assert.Equal(Pseudonym, fixture.State.Origin!.Customer.Id);
        Assert.Equal(Pseudonym, fixture.State.Timeline[0].Actor);
        Assert.Equal("admin", fixture.State.Timeline[^1].Actor);
    }

    [Fact]
    public void Only_what_the_customer_wrote_is_renamed_even_when_a_staff_name_equals_their_id()
    {
        var fixture = new ComplaintFixture();
        fixture.Act((c, now) => c.AddNote("Sama nimi", "fb:1", now));

        fixture.Act((c, now) => c.Erase("admin", Pseudonym, now));

        Assert.Equal("fb:1", fixture.State.Timeline.Single(entry => entry.Type == TimelineType.Note).Actor);
    }

    [Fact]
    public void Without_a_retention_period_a_closed_complaint_keeps_its_texts()
    {
        var fixture = new ComplaintFixture();
        fixture.Act((c, now) => c.Resolve("Vahetatud", "ann", now));
        fixture.Advance(ComplaintFixture.AutoCloseAfter);

        Assert.Null(fixture.Complaint.NextAlertAt);
        Assert.Empty(fixture.Advance(TimeSpan.FromDays(3650)).Events);
        Assert.Equal("Jahutuskapp ei tööta", fixture.State.Origin!.Text);
    }
}
