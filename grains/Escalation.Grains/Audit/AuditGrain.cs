using Escalation.Audit;
using Escalation.Grains.Logs;

namespace Escalation.Grains.Audit;

public sealed class AuditGrain([PersistentState("auditDay", StorageNames.Escalation)] IPersistentState<PagedLogState<AuditEntry>> state)
    : PagedLogGrain<AuditEntry>(state), IAuditGrain
{
    public ValueTask Record(AuditEntry entry) => Append(entry);

    public ValueTask<IReadOnlyList<AuditEntry>> Entries(Period period) => Read(entry => period.Contains(entry.At));
}
