using Orleans.Concurrency;

namespace Escalation.Connectors;

/// <summary>
/// One connector message, keyed by <see cref="ConnectorMessage.KeyOf"/>: the idempotency boundary of ingestion. However often and
/// however concurrently the same message arrives, it yields one complaint (or one follow-up).
/// </summary>
public interface IConnectorMessageGrain : IGrainWithStringKey
{
    ValueTask<IngestResult> Ingest(ConnectorMessage message);

    /// <summary>The complaint the message went to, or null when it has not been received.</summary>
    [AlwaysInterleave]
    ValueTask<Guid?> GetComplaintId();
}
