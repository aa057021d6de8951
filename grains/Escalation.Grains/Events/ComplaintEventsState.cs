using Escalation.Events;

namespace Escalation.Grains.Events;

[GenerateSerializer]
public sealed class ComplaintEventsState
{
    /// <summary>The subscribers, stored so that subscriptions outlive a restart of the cluster (the api instances stay up).</summary>
    [Id(0)] public List<IComplaintEventObserver> Subscribers { get; set; } = [];
}
