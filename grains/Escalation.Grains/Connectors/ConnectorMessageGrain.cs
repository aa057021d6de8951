using System.Security.Cryptography;
using System.Text;
using Escalation.Complaints;
using Escalation.Connectors;

namespace Escalation.Grains.Connectors;

/// <summary>
/// Turns a connector message into a complaint or a follow-up, once. The complaint id is derived from the
/// message key, so a retry after a crash between creating the complaint and recording it here finds the same
/// complaint instead of opening a second one.
/// </summary>
public sealed class ConnectorMessageGrain(
    [PersistentState("message", StorageNames.Escalation)] IPersistentState<ConnectorMessageState> state) : Grain, IConnectorMessageGrain
{
    public ValueTask<Guid?> GetComplaintId() => ValueTask.FromResult(state.State.ComplaintId);

    public async ValueTask<IngestResult> Ingest(NewComplaint message)
    {
        if (state.State.ComplaintId is { } known)
        {
            return new IngestResult(known, Duplicate: true, state.State.Appended);
        }

        if (await FollowedUpComplaint(message) is { } parent)
        {
            return await Record(parent, appended: true);
        }

        var id = ComplaintIdOf(this.GetPrimaryKeyString());
        await GrainFactory.GetGrain<IComplaintGrain>(id).Create(message);
        return await Record(id, appended: false);
    }

    /// <summary>The complaint a follow-up joins, or null to open a new one (no such message, or its complaint is closed).</summary>
    private async Task<Guid?> FollowedUpComplaint(NewComplaint message)
    {
        if (message.InReplyTo is not { } inReplyTo || inReplyTo == message.ExternalId)
        {
            return null;
        }

        var parent = await GrainFactory.GetGrain<IConnectorMessageGrain>(IConnectorMessageGrain.KeyOf(message.Channel, inReplyTo)).GetComplaintId();
        if (parent is not { } complaintId)
        {
            return null;
        }

        try
        {
            await GrainFactory.GetGrain<IComplaintGrain>(complaintId)
                .AddCustomerMessage(new CustomerMessage(message.ExternalId, message.Text, message.CreatedAt));
            return complaintId;
        }
        catch (TransitionNotAllowedException)
        {
            return null;
        }
    }

    private async Task<IngestResult> Record(Guid complaintId, bool appended)
    {
        state.State.ComplaintId = complaintId;
        state.State.Appended = appended;
        await state.WriteStateAsync();
        return new IngestResult(complaintId, Duplicate: false, appended);
    }

    private static Guid ComplaintIdOf(string messageKey)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(messageKey), hash);
        return new Guid(hash[..16]);
    }
}
