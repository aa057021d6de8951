using Escalation.Audit;
using Escalation.Grains.Logs;

namespace Escalation.Grains.Audit;

public sealed class AuditGrain([PersistentState("auditDay", StorageNames.Escalation)] IPersistentState<PagedLogState<AuditEntry>> state) : Grain, IAuditGrain
{
    private PagedLog<AuditEntry> Log => field ??= new(state, GrainFactory, this.GetPrimaryKeyString());

    public ValueTask Record(AuditEntry entry) => Log.Append(entry);

    public ValueTask<IReadOnlyList<AuditEntry>> Entries(Period period) => Log.Read(entry => period.Contains(entry.At));
}
