namespace Escalation.Complaints;

/// <summary>
/// The live events of the public contract. The hub's method name is the camelCase of the member name
/// (<c>complaintCreated</c>, <c>slaWarning</c>, …), defined here once.
/// </summary>
public enum ComplaintEventKind
{
    ComplaintCreated,
    ComplaintAssigned,
    ComplaintUpdated,
    ComplaintResolved,
    SlaWarning,
    ComplaintEscalated,
    DeliveryFailed,
}
