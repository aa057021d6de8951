using Escalation.Complaints;
using Escalation.Sla;

namespace Escalation.Tests.Domain;

/// <summary>What the customer's follow-ups do to a complaint, without a cluster.</summary>
public sealed class ComplaintFollowUpTests
{
    private static ComplaintChanges FollowUp(ComplaintFixture fixture, string externalId, DateTimeOffset? writtenAt = null) =>
        fixture.Act((c, now) => c.AddCustomerMessage(new CustomerMessage(externalId, "Ikka ei tööta!", writtenAt), now));

    [Fact]
    public void Before_the_first_answer_a_follow_up_starts_no_clock_of_its_own()
    {
        var fixture = new ComplaintFixture();
        FollowUp(fixture, "fb-2");

        Assert.Null(fixture.State.Clock(SlaClockKind.NextResponse));
        Assert.Equal([TimelineType.Created, TimelineType.Assigned, TimelineType.CustomerMessage], fixture.Timeline);
    }

    [Fact]
    public void After_an_answer_the_oldest_unanswered_follow_up_sets_the_next_response_deadline()
    {
        var fixture = new ComplaintFixture();
        fixture.Act((c, now) => c.Respond("Vabandame!", true, "ann", now));
        fixture.Advance(TimeSpan.FromMinutes(10));
        var written = fixture.Now.AddMinutes(-2);

        FollowUp(fixture, "fb-2", written);
        fixture.Advance(TimeSpan.FromMinutes(5));
        FollowUp(fixture, "fb-3");

        Assert.Equal(written.AddMinutes(30), fixture.Clock(SlaClockKind.NextResponse).DueAt);
        fixture.Act((c, now) => c.Respond("Saadame uue.", true, "ann", now));
        Assert.False(fixture.Clock(SlaClockKind.NextResponse).IsRunning);
    }

    [Fact]
    public void A_follow_up_ends_a_wait_for_the_customer_and_reopens_a_resolved_complaint()
    {
        var waiting = new ComplaintFixture();
        waiting.Act((c, now) => c.Respond("Kas saate saata foto?", true, "ann", now));
        waiting.Act((c, now) => c.WaitForCustomer("ann", now));
        FollowUp(waiting, "fb-2");
        Assert.Equal(ComplaintStatus.Responded, waiting.State.Status);
        Assert.Contains(TimelineType.Resumed, waiting.Timeline);

        var resolved = new ComplaintFixture();
        resolved.Act((c, now) => c.Resolve(null, "ann", now));
        var changes = FollowUp(resolved, "fb-2");
        Assert.Equal(ComplaintStatus.Assigned, resolved.State.Status);
        Assert.Equal(ComplaintSync.Team | ComplaintSync.Customer, changes.Sync);
        Assert.True(resolved.Clock(SlaClockKind.Resolution).IsRunning);
    }

    [Fact]
    public void The_same_follow_up_twice_changes_nothing_and_a_closed_complaint_refuses_a_new_one()
    {
        var fixture = new ComplaintFixture();
        Assert.True(FollowUp(fixture, "fb-2").Changed);
        Assert.False(FollowUp(fixture, "fb-2").Changed);

        fixture.Act((c, now) => c.Resolve(null, "ann", now));
        fixture.Advance(ComplaintFixture.AutoCloseAfter);
        Assert.False(FollowUp(fixture, "fb-2").Changed);
        Assert.Throws<TransitionNotAllowedException>(() => FollowUp(fixture, "fb-3"));
    }
}
