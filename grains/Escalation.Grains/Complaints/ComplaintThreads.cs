using Escalation.Complaints;

namespace Escalation.Grains.Complaints;

/// <summary>Follow-ups: a connector message that answers an earlier one joins that message's complaint.</summary>
internal static class ComplaintThreads
{
    /// <summary>
    /// The complaint a follow-up joined: the one its earlier message belongs to, when that is the same customer's and not
    /// closed; null to open a new complaint (an unknown message, another customer's, or a closed complaint).
    /// </summary>
    public static async Task<ComplaintThread?> Join(IGrainFactory grains, NewComplaint message)
    {
        if (message.InReplyTo is not { } earlier || earlier == message.ExternalId
            || await grains.GetGrain<IComplaintGrain>(ComplaintIds.Of(message.Channel, earlier)).Thread() is not { } thread
            || thread.CustomerId != message.Customer.Id)
        {
            return null;
        }

        try
        {
            await grains.GetGrain<IComplaintGrain>(thread.ComplaintId)
                .AddCustomerMessage(new CustomerMessage(message.ExternalId, message.Text, message.CreatedAt));
            return thread;
        }
        catch (TransitionNotAllowedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Puts a pseudonym where the customer's id was in the thread records of the follow-ups a complaint holds (each
    /// follow-up's message keeps a record of the complaint it joined and whose it is), after the complaint's erasure.
    /// </summary>
    public static Task Pseudonymize(IGrainFactory grains, string channel, IEnumerable<TimelineEntry> timeline, string actor, string pseudonym) =>
        Task.WhenAll(timeline
            .Where(entry => entry is { Type: TimelineType.CustomerMessage, ExternalId: not null })
            .Select(entry => grains.GetGrain<IComplaintGrain>(ComplaintIds.Of(channel, entry.ExternalId!)).ErasePersonalData(actor, pseudonym).AsTask()));
}
