namespace Escalation.Complaints;

/// <summary>
/// The responses on their way to the customer's channel. A response is due at once; each attempt is given
/// <see cref="AttemptTimeout"/> to answer, a failed one is tried again after a pause that doubles from one second up to
/// five minutes, and <paramref name="giveUpAfter"/> (the contract's day, <see cref="GiveUpAfter"/>) after the response
/// (or its retry) the delivery fails. The outbox is kept
/// with the complaint and armed like its deadlines (<see cref="NextAt"/>), so that a delivery outlives any restart: an
/// attempt whose answer never came (its silo died) goes out again when its time is up, with the same delivery id.
/// </summary>
public sealed class ComplaintOutbox(Guid id, ComplaintState state, TimeSpan giveUpAfter)
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromHours(24);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(5);

    internal DateTimeOffset? NextAt => state.Outbox.Count == 0 ? null : state.Outbox.Min(delivery => delivery.NextAttemptAt);

    /// <summary>The pause after failed attempt number <paramref name="attempts"/>: 1 s, 2 s, 4 s, … at most five minutes.</summary>
    public static TimeSpan Pause(int attempts) =>
        attempts >= 10 ? LongestPause : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempts - 1), LongestPause.TotalSeconds));

    /// <summary>Adds a response to the timeline; with a delivery id it is queued, addressed to the customer's latest message.</summary>
    internal void AddResponse(TimelineEntry response, Guid? deliveryId)
    {
        state.Timeline.Add(response with { DeliveryId = deliveryId, Delivery = deliveryId is null ? DeliveryState.None : DeliveryState.Pending });
        if (deliveryId is { } delivery)
        {
            Queue(delivery, response);
        }
    }

    private void Queue(Guid deliveryId, TimelineEntry response)
    {
        var inReplyTo = state.Timeline.LastOrDefault(entry => entry.Type == TimelineType.CustomerMessage)?.ExternalId ?? state.Origin!.ExternalId;
        state.Outbox.Add(new PendingDelivery(deliveryId, response.Text!, response.Public ?? false, response.Actor, response.At, inReplyTo,
            response.At, 0, response.At));
    }

    /// <summary>Sends out every attempt that is due, and fails the deliveries whose time is up.</summary>
    internal void Tick(DateTimeOffset now, ComplaintChanges changes)
    {
        foreach (var delivery in state.Outbox.Where(delivery => delivery.NextAttemptAt <= now).ToList())
        {
            if (now - delivery.Since >= giveUpAfter)
            {
                GiveUp(delivery, delivery.LastFailure ?? "No attempt was answered.", now, changes);
                continue;
            }

            var attempt = delivery with { Attempts = delivery.Attempts + 1, NextAttemptAt = now + AttemptTimeout + Pause(delivery.Attempts + 1) };
            Replace(delivery, attempt);
            changes.Deliveries.Add(new OutboundDelivery(id, state.Origin!.Channel, state.Origin.Customer.Id, attempt));
        }
    }

    /// <summary>
    /// Records what an attempt came to. A success settles the delivery whichever attempt it answers; a failure counts
    /// only for the latest attempt (an older one's is stale). An outcome for a settled delivery changes nothing.
    /// </summary>
    public ComplaintChanges Settle(DeliveryOutcome outcome, DateTimeOffset now)
    {
        var changes = new ComplaintChanges();
        if (state.Outbox.Find(pending => pending.DeliveryId == outcome.DeliveryId) is not { } delivery
            || (!outcome.Delivered && outcome.Attempt != delivery.Attempts))
        {
            return changes;
        }

        if (outcome.Delivered)
        {
            state.Outbox.Remove(delivery);
            Mark(delivery.DeliveryId, DeliveryState.Delivered);
            state.Timeline.Add(new TimelineEntry(now, TimelineType.ResponseDelivered, Complaint.System, ExternalId: outcome.ExternalReplyId,
                DeliveryId: delivery.DeliveryId, Url: outcome.Url));
            changes.Events.Add(ComplaintEventKind.ComplaintUpdated);
        }
        else if (now - delivery.Since >= giveUpAfter)
        {
            GiveUp(delivery, outcome.Reason, now, changes);
        }
        else
        {
            Replace(delivery, delivery with { NextAttemptAt = now + Pause(delivery.Attempts), LastFailure = outcome.Reason });
            changes.OutboxChanged = true;
        }

        return changes;
    }

    /// <summary>Sends a failed delivery again, for as long again, with the same delivery id.</summary>
    public ComplaintChanges Retry(Guid deliveryId, DateTimeOffset now)
    {
        var index = state.Timeline.FindIndex(entry => entry.Type == TimelineType.Responded && entry.DeliveryId == deliveryId);
        if (index < 0 || state.Timeline[index] is not { Delivery: DeliveryState.Failed } response || response.Text is null or Erasure.Mark)
        {
            throw new TransitionNotAllowedException($"Response delivery {deliveryId} of complaint {id} has not failed (or its text was erased): it cannot be retried.");
        }

        Queue(deliveryId, response);
        state.Outbox[^1] = state.Outbox[^1] with { Since = now, NextAttemptAt = now };
        Mark(deliveryId, DeliveryState.Pending);
        return ComplaintChanges.Of(ComplaintEventKind.ComplaintUpdated);
    }

    /// <summary>Drops what waits to go out (an erasure: its texts are gone), as failed.</summary>
    internal void Drop()
    {
        foreach (var delivery in state.Outbox)
        {
            Mark(delivery.DeliveryId, DeliveryState.Failed);
        }

        state.Outbox.Clear();
    }

    private void GiveUp(PendingDelivery delivery, string? lastFailure, DateTimeOffset now, ComplaintChanges changes)
    {
        var tried = giveUpAfter >= TimeSpan.FromHours(1) ? $"{giveUpAfter.TotalHours:0.#} hours" : $"{giveUpAfter.TotalSeconds:0} seconds";
        var reason = $"Not delivered after {delivery.Attempts} attempts in {tried}: {lastFailure ?? "the connector did not accept the response."}";
        state.Outbox.Remove(delivery);
        Mark(delivery.DeliveryId, DeliveryState.Failed);
        state.Timeline.Add(new TimelineEntry(now, TimelineType.ResponseDeliveryFailed, Complaint.System, Text: reason, DeliveryId: delivery.DeliveryId));
        changes.Events.Add(ComplaintEventKind.ComplaintUpdated);
        changes.DeliveryFailures.Add(new DeliveryOutcome(delivery.DeliveryId, delivery.Attempts, Delivered: false, null, null, reason));
    }

    private void Replace(PendingDelivery delivery, PendingDelivery with) => state.Outbox[state.Outbox.IndexOf(delivery)] = with;

    /// <summary>Sets the state the response's entry shows (if it was sealed away, the entries that follow tell).</summary>
    private void Mark(Guid deliveryId, DeliveryState delivery)
    {
        var index = state.Timeline.FindIndex(entry => entry.Type == TimelineType.Responded && entry.DeliveryId == deliveryId);
        if (index >= 0)
        {
            state.Timeline[index] = state.Timeline[index] with { Delivery = delivery };
        }
    }
}
