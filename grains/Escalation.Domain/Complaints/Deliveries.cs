namespace Escalation.Complaints;

/// <summary>Where a response stands on its way to the customer's channel.</summary>
public enum DeliveryState
{
    /// <summary>The channel has no outbound address: the response is only on the timeline.</summary>
    None,
    Pending,
    Delivered,
    Failed,
}

/// <summary>
/// A response waiting in the complaint's outbox: what goes out, since when (<paramref name="Since"/>: the response, or
/// an agent's retry), how many attempts went out, and when the next one is due (while an attempt is out: when it is
/// given up as lost), and why the latest attempt failed.
/// </summary>
public sealed record PendingDelivery(
    Guid DeliveryId,
    string Text,
    bool Public,
    string Author,
    DateTimeOffset At,
    string InReplyTo,
    DateTimeOffset Since,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastFailure = null);

/// <summary>An attempt the host must make now: post the delivery to the complaint's channel.</summary>
public sealed record OutboundDelivery(Guid ComplaintId, string Channel, string CustomerId, PendingDelivery Delivery);

/// <summary>
/// What became of attempt <paramref name="Attempt"/>: delivered (with what the connector answered, if anything) or
/// not, and why.
/// </summary>
public sealed record DeliveryOutcome(Guid DeliveryId, int Attempt, bool Delivered, string? ExternalReplyId, string? Url, string? Reason);
