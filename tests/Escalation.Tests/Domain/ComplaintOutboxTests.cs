using Escalation.Complaints;

namespace Escalation.Tests.Domain;

public sealed class ComplaintOutboxTests
{
    private static readonly Guid Delivery = Guid.Parse("9c0f4f9e-2a8d-4a53-9d59-0f7c1b7c0001");

    private static (ComplaintFixture Fixture, OutboundDelivery Attempt) Responded()
    {
        var fixture = new ComplaintFixture();
        fixture.Act((c, now) => c.AddCustomerMessage(new CustomerMessage("fb-2", "Kas keegi vastab?"), now));
        fixture.Act((c, now) => c.Respond("Vabandame, saadame uue!", true, "ann", now, Delivery));
        return (fixture, Assert.Single(fixture.Tick().Deliveries));
    }

    [Fact]
    public void A_response_goes_out_at_once_to_the_latest_customer_message_and_is_pending()
    {
        var (fixture, attempt) = Responded();

        Assert.Equal((fixture.Complaint.Id, "facebook", "fb:1"), (attempt.ComplaintId, attempt.Channel, attempt.CustomerId));
        Assert.Equal((Delivery, "fb-2", "Vabandame, saadame uue!", true, "ann", 1),
            (attempt.Delivery.DeliveryId, attempt.Delivery.InReplyTo, attempt.Delivery.Text, attempt.Delivery.Public, attempt.Delivery.Author, attempt.Delivery.Attempts));
        var response = fixture.State.Timeline.Single(entry => entry.Type == TimelineType.Responded);
        Assert.Equal((Delivery, DeliveryState.Pending), (response.DeliveryId, response.Delivery));

        // While the attempt is out, nothing goes out again until it is given up as lost (10 s) and the pause (1 s) passed.
        Assert.Equal(fixture.Now + ComplaintOutbox.AttemptTimeout + TimeSpan.FromSeconds(1), fixture.Complaint.NextAlertAt);
        Assert.Empty(fixture.Advance(TimeSpan.FromSeconds(10)).Deliveries);
        Assert.Equal(2, Assert.Single(fixture.Advance(TimeSpan.FromSeconds(1)).Deliveries).Delivery.Attempts);
    }

    [Fact]
    public void A_channel_without_an_outbound_address_shows_none_and_nothing_goes_out()
    {
        var fixture = new ComplaintFixture();
        fixture.Act((c, now) => c.Respond("Vabandame!", true, "ann", now));

        Assert.Equal(DeliveryState.None, fixture.State.Timeline.Single(entry => entry.Type == TimelineType.Responded).Delivery);
        Assert.Empty(fixture.Tick().Deliveries);
        Assert.Empty(fixture.State.Outbox);
    }

    [Fact]
    public void Failed_attempts_are_tried_again_after_pauses_doubling_from_one_second_to_five_minutes()
    {
        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300], Enumerable.Range(1, 11).Select(n => ComplaintOutbox.Pause(n).TotalSeconds));

        var (fixture, attempt) = Responded();
        fixture.Act((c, now) => c.Outbox.Settle(new DeliveryOutcome(Delivery, attempt.Delivery.Attempts, false, null, null, "HTTP 500"), now));
        Assert.Equal(fixture.Now + TimeSpan.FromSeconds(1), fixture.Complaint.NextAlertAt);
        var second = Assert.Single(fixture.Advance(TimeSpan.FromSeconds(1)).Deliveries);
        Assert.Equal((Delivery, 2), (second.Delivery.DeliveryId, second.Delivery.Attempts));

        // A late failure of the first attempt is stale: the second is still out.
        Assert.False(fixture.Act((c, now) => c.Outbox.Settle(new DeliveryOutcome(Delivery, 1, false, null, null, "late"), now)).Changed);
        fixture.Act((c, now) => c.Outbox.Settle(new DeliveryOutcome(Delivery, 2, false, null, null, "HTTP 502"), now));
        Assert.Equal(fixture.Now + TimeSpan.FromSeconds(2), fixture.Complaint.NextAlertAt);
    }

    [Fact]
    public void A_success_settles_the_delivery_once_with_the_replys_id_and_address()
    {
        var (fixture, attempt) = Responded();

        var delivered = fixture.Act((c, now) => c.Outbox.Settle(new DeliveryOutcome(Delivery, 1, true, "fb-reply-7", "https://facebook.example/r/7", null), now));

        Assert.Equal([ComplaintEventKind.ComplaintUpdated], delivered.Events);
        Assert.Equal(DeliveryState.Delivered, fixture.State.Timeline.Single(entry => entry.Type == TimelineType.Responded).Delivery);
        var receipt = fixture.State.Timeline[^1];
        Assert.Equal((TimelineType.ResponseDelivered, Delivery, "fb-reply-7", "https://facebook.example/r/7"), (receipt.Type, receipt.DeliveryId, receipt.ExternalId, receipt.Url));
        Assert.Empty(fixture.State.Outbox);
        Assert.False(fixture.Act((c, now) => c.Outbox.Settle(new DeliveryOutcome(Delivery, attempt.Delivery.Attempts, true, null, null, null), now)).Changed);
        Assert.Empty(fixture.Advance(TimeSpan.FromHours(1)).Deliveries);
    }

    [Fact]
    public void After_24_hours_without_success_the_delivery_fails_and_the_assignee_is_told_then_a_retry_sends_it_again()
    {
        var (fixture, _) = Responded();
        var attempts = 1;
        var last = new ComplaintChanges();
        while (fixture.State.Outbox.Count == 1)
        {
            fixture.Act((c, now) => c.Outbox.Settle(new DeliveryOutcome(Delivery, attempts, false, null, null, "The outbound address answered 503."), now));
            last = fixture.Advance(fixture.State.Outbox[0].NextAttemptAt - fixture.Now);
            attempts += last.Deliveries.Count;
        }

        Assert.InRange(fixture.Now, ComplaintFixture.Start + ComplaintOutbox.GiveUpAfter, ComplaintFixture.Start + ComplaintOutbox.GiveUpAfter + TimeSpan.FromMinutes(5));
        var failure = Assert.Single(last.DeliveryFailures);
        Assert.Equal(Delivery, failure.DeliveryId);
        Assert.Equal($"Not delivered after {attempts} attempts in 24 hours: The outbound address answered 503.", failure.Reason);
        Assert.Equal(failure.Reason, fixture.State.Timeline[^1].Text);
        Assert.Contains(ComplaintEventKind.ComplaintUpdated, last.Events);
        Assert.Equal(DeliveryState.Failed, fixture.State.Timeline.Single(entry => entry.Type == TimelineType.Responded).Delivery);
        Assert.Equal(TimelineType.ResponseDeliveryFailed, fixture.State.Timeline[^1].Type);
        Assert.InRange(attempts, 290, 310); // doubling to five minutes, then every five minutes for a day

        fixture.Act((c, now) => c.Outbox.Retry(Delivery, now));
        var again = Assert.Single(fixture.Tick().Deliveries);
        Assert.Equal((Delivery, 1, "fb-2"), (again.Delivery.DeliveryId, again.Delivery.Attempts, again.Delivery.InReplyTo));
        Assert.Equal(DeliveryState.Pending, fixture.State.Timeline.Single(entry => entry.Type == TimelineType.Responded).Delivery);
        Assert.Throws<TransitionNotAllowedException>(() => fixture.Act((c, now) => c.Outbox.Retry(Delivery, now)));
    }

    [Fact]
    public void Erasing_drops_what_waits_to_go_out()
    {
        var (fixture, _) = Responded();

        fixture.Act((c, now) => c.Erase("admin", "erased:1", now));

        Assert.Empty(fixture.State.Outbox);
        Assert.Equal(DeliveryState.Failed, fixture.State.Timeline.Single(entry => entry.Type == TimelineType.Responded).Delivery);
        Assert.Empty(fixture.Advance(TimeSpan.FromMinutes(1)).Deliveries);
        Assert.Throws<TransitionNotAllowedException>(() => fixture.Act((c, now) => c.Outbox.Retry(Delivery, now)));
    }
}
