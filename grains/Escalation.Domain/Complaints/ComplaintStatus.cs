namespace Escalation.Complaints;

public enum ComplaintStatus
{
    New,
    Assigned,
    Responded,
    WaitingForCustomer,
    Resolved,
    Closed,
}
