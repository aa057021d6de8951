using Escalation.Queues;
using Orleans.Concurrency;

namespace Escalation.Grains.Index;

[StatelessWorker]
public sealed class ComplaintQueueGrain(IComplaintIndex index) : Grain, IComplaintQueueGrain
{
    public async ValueTask<ComplaintPage> Page(ComplaintQuery query) => await index.Page(query);
}
