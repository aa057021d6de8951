using Orleans.Concurrency;

namespace Escalation.Complaints;

/// <summary>
/// One complaint: its lifecycle, SLA clocks, audit timeline and escalations. Every action takes the
/// <c>actor</c> (a username) for the timeline and returns the updated summary; an action the current status
/// does not allow throws <see cref="TransitionNotAllowedException"/>, one on a complaint never created throws
/// <see cref="ComplaintNotFoundException"/>.
/// </summary>
public interface IComplaintGrain : IGrainWithGuidKey
{
    /// <summary>Creates the complaint, or returns it unchanged with <c>Duplicate</c> when it exists.</summary>
    ValueTask<CreateResult> Create(NewComplaint message);

    /// <summary>
    /// Takes a connector message (this grain's id is <see cref="ComplaintIds.Of"/> the message): opens this complaint, or,
    /// for a follow-up whose earlier message belongs to an open complaint of the same customer, adds it to that one.
    /// The same message again changes nothing and answers as the first time did.
    /// </summary>
    ValueTask<IngestResult> Ingest(NewComplaint message);

    /// <summary>The complaint this message joined, or is (also while it is being created); null when none.</summary>
    [AlwaysInterleave]
    ValueTask<ComplaintThread?> Thread();

    /// <summary>Null when no complaint was created under this id.</summary>
    ValueTask<ComplaintDetails?> GetDetails();

    /// <summary>Null when no complaint was created under this id.</summary>
    ValueTask<ComplaintSummary?> GetSummary();

    ValueTask<ComplaintSummary> Assign(string agent, string actor);

    /// <summary>
    /// Routing: gives the complaint to the agent only while it is open and nobody holds it; false, changing nothing,
    /// otherwise (it was taken or resolved since the team read its queue).
    /// </summary>
    ValueTask<bool> AssignFromQueue(string agent);

    /// <summary>An answer to the customer: meets the first-response deadline and answers a pending customer message.</summary>
    ValueTask<ComplaintSummary> Respond(string text, bool isPublic, string actor);

    /// <summary>An internal note: never counts as a response.</summary>
    ValueTask<ComplaintSummary> AddNote(string text, string actor);

    ValueTask<ComplaintSummary> WaitForCustomer(string actor);

    ValueTask<ComplaintSummary> ResumeAfterWait(string actor);

    ValueTask<ComplaintSummary> Resolve(string? note, string actor);

    ValueTask<ComplaintSummary> Reopen(string actor);

    ValueTask<ComplaintSummary> AcknowledgeEscalation(string actor);

    /// <summary>
    /// A follow-up from the customer: starts the next-response clock, ends a wait for the customer and reopens
    /// a resolved complaint. A closed complaint refuses it (the caller opens a new complaint).
    /// </summary>
    ValueTask<ComplaintSummary> AddCustomerMessage(CustomerMessage message);

    /// <summary>
    /// Erases the complaint's personal data (its texts, the customer's messages and name, responses and notes), whatever
    /// its status, and puts <paramref name="pseudonym"/> where the customer's id was (in the complaint, its timeline and
    /// the records of its follow-ups); deadlines, counts and the timeline's entries stay, and the timeline records the
    /// erasure. Under a follow-up's id it renames the customer in that record; under an unknown id nothing happens.
    /// </summary>
    ValueTask ErasePersonalData(string actor, string pseudonym);

    /// <summary>Records what a delivery attempt of a response came to (from the silo that made it).</summary>
    ValueTask Settle(DeliveryOutcome outcome);

    /// <summary>Sends a response whose delivery failed again; refused when it has not failed.</summary>
    ValueTask<ComplaintSummary> RetryDelivery(Guid deliveryId);

    /// <summary>
    /// Raises what fell due; the complaint's deadline shard calls it at the wake-up the complaint stored. Returns the next
    /// wake-up it stored (null when none), so that the shard can hold one due before its next read of the index.
    /// </summary>
    ValueTask<DateTimeOffset?> Wake();
}
