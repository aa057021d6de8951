using Orleans.Concurrency;

namespace Escalation.Queues;

/// <summary>
/// Lists complaints from the rows the complaints keep up to date as they change (the complaint index), never by waking
/// complaint grains (any key; stateless, one per silo and core).
/// </summary>
public interface IComplaintQueueGrain : IGrainWithIntegerKey
{
    [ReadOnly]
    ValueTask<ComplaintPage> Page(ComplaintQuery query);
}
