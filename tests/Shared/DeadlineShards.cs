using Escalation.Grains;
using Escalation.Grains.Index;

namespace Escalation.Tests.Shared;

/// <summary>
/// Compiled into each test project. A timer armed on a fake clock counts from the instant it is armed; a test that moves
/// the clock while a shard re-arms one would make it fire late by the jump. So after moving the clock a test asks every
/// shard to read its due wake-ups at once, and what fell due is woken whatever the timers do.
/// </summary>
internal static class DeadlineShards
{
    public static Task Wake(IGrainFactory grains) =>
        Task.WhenAll(Enumerable.Range(0, new EscalationOptions().DeadlineShards).Select(shard => grains.GetGrain<IDeadlineShardGrain>(shard).Start().AsTask()));
}
