namespace Escalation.Complaints;

public enum TimelineType
{
    Created,
    CustomerMessage,
    Assigned,
    Responded,
    Note,
    WaitingForCustomer,
    Resumed,
    SlaWarning,
    Escalated,
    EscalationAcknowledged,
    Resolved,
    Reopened,
    Closed,
    PriorityChanged,
    Erased,
    ResponseDelivered,
    ResponseDeliveryFailed,
}
