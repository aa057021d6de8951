using Escalation.Complaints;

namespace Escalation.Customers;

/// <summary>
/// One customer (key: the global customer id). Tells one-off from persistent dissatisfaction: repeat
/// complaints within a window.
/// </summary>
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records a new complaint (idempotent per complaint) with the name and contacts it came with, and returns the
    /// standing it arrives with.
    /// </summary>
    ValueTask<CustomerStanding> RecordComplaint(Guid complaintId, CustomerRef customer, DateTimeOffset at);

    /// <summary>Moves a complaint between open and past as it is resolved or reopened.</summary>
    ValueTask SetComplaintOpen(Guid complaintId, bool open);

    ValueTask<CustomerProfile> GetProfile();

    /// <summary>Remembers the customer's latest NPS answer, and the NPS log (an <c>INpsGrain</c> key) it was kept in.</summary>
    ValueTask RecordNps(int score, string answeredIn);

    /// <summary>The NPS logs that hold the customer's answers.</summary>
    ValueTask<IReadOnlyList<string>> NpsLogs();

    /// <summary>
    /// Begins the customer's erasure: returns the pseudonym that replaces their id (the same one when repeated; the
    /// key itself under a pseudonym) and hands the record, its name erased, over to the customer of that id.
    /// </summary>
    ValueTask<string> Pseudonymize();

    /// <summary>The id the customer's record is kept under: its own, or the one it was merged into.</summary>
    ValueTask<string> Root();

    /// <summary>
    /// Makes <paramref name="other"/> (and whatever was merged into it) one customer with this one, kept under this
    /// one's record; answers the merged profile. Merging ids that are already one changes nothing.
    /// </summary>
    ValueTask<CustomerProfile> Merge(string other);

    /// <summary>Ids not merged with this customer that share an e-mail address or phone number with it.</summary>
    ValueTask<IReadOnlyList<string>> SuggestedMerges();

    /// <summary>Ends the customer's erasure: deletes everything kept under their id. Only after <see cref="Pseudonymize"/>.</summary>
    ValueTask Forget();
}
