using Escalation.Complaints;

namespace Escalation.Customers;

/// <summary>
/// One customer (key: the global customer id). Tells one-off from persistent dissatisfaction: repeat
/// complaints within a window.
/// </summary>
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Records a new complaint (idempotent per complaint) and returns the standing it arrives with.</summary>
    ValueTask<CustomerStanding> RecordComplaint(Guid complaintId, string? name, DateTimeOffset at);

    /// <summary>Moves a complaint between open and past as it is resolved or reopened.</summary>
    ValueTask SetComplaintOpen(Guid complaintId, bool open);

    ValueTask<CustomerProfile> GetProfile();

    /// <summary>Remembers the customer's latest NPS answer.</summary>
    ValueTask RecordNps(int score);
}
