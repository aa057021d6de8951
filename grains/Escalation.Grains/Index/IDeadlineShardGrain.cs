namespace Escalation.Grains.Index;

/// <summary>
/// One shard of the deadline index (key: 0 to <see cref="EscalationOptions.DeadlineShards"/> - 1): wakes the complaints
/// of its shard whose wake-ups fall due, on the second. It stays active; a reminder brings it back after its silo died or
/// the cluster restarted, and every silo wakes all shards as it starts.
/// </summary>
public interface IDeadlineShardGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Activates the shard (it then keeps itself active) and reads its due wake-ups now rather than at its next poll: a silo
    /// calls it as it starts, tests after moving their clock.
    /// </summary>
    ValueTask Start();
}
