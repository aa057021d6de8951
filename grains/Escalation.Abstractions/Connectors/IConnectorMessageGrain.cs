using Escalation.Complaints;
using Orleans.Concurrency;

namespace Escalation.Connectors;

/// <summary>
/// One connector message, keyed by <see cref="KeyOf"/>: the idempotency boundary of ingestion. However often and
/// however concurrently the same message arrives, it yields one complaint (or one follow-up).
/// </summary>
public interface IConnectorMessageGrain : IGrainWithStringKey
{
    /// <summary>Opens the complaint, or appends it to the open complaint it replies to.</summary>
    ValueTask<IngestResult> Ingest(NewComplaint message);

    /// <summary>The complaint the message went to, or null when it has not been received.</summary>
    [AlwaysInterleave]
    ValueTask<Guid?> GetComplaintId();

    /// <summary>The key of a message's grain: channel names cannot contain the separator.</summary>
    public static string KeyOf(string channel, string externalId) => $"{channel}:{externalId}";
}
