using Orleans.Concurrency;
using Escalation.Teams;

namespace Escalation.Grains.Teams;

/// <summary>
/// Presence leases of one team's consoles, one per api instance, held in memory (see <see cref="ITeamPresenceGrain"/>).
/// A timer drops leases that ran out; every change of who is online goes to the team grain. It stays active while it
/// holds a lease. Reentrant: while it tells the team, the team (activating) may ask it who is online. Leases run on the
/// wall clock, not the business clock grains otherwise read: they measure whether connections live, and a test that moves
/// its deadlines' clock on must not end them.
/// </summary>
[Reentrant]
public sealed class TeamPresenceGrain : Grain, ITeamPresenceGrain
{
    private static readonly TimeProvider Wall = TimeProvider.System;
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, (IReadOnlyList<string> Connected, DateTimeOffset Until)> leases = [];
    private IReadOnlyList<string> online = [];
    private IGrainTimer? expiry;

    public async ValueTask Renew(string instance, IReadOnlyList<string> connected, TimeSpan lease)
    {
        if (connected.Count == 0)
        {
            leases.Remove(instance);
        }
        else
        {
            leases[instance] = (connected, Wall.GetUtcNow() + lease);
        }

        await Publish();
    }

    public ValueTask<IReadOnlyList<string>> GetOnline() => ValueTask.FromResult(Current(Wall.GetUtcNow()));

    public async ValueTask<IReadOnlyList<string>> Refresh()
    {
        await Publish();
        return online;
    }

    /// <summary>Drops leases that ran out, and tells the team when that or a renewal changed who is online.</summary>
    private async Task Publish()
    {
        var current = Current(Wall.GetUtcNow());
        if (leases.Count > 0)
        {
            expiry ??= this.RegisterGrainTimer(Publish, new GrainTimerCreationOptions(CheckEvery, CheckEvery) { KeepAlive = true });
        }
        else
        {
            expiry?.Dispose();
            expiry = null;
        }

        if (!current.SequenceEqual(online))
        {
            online = current;
            await GrainFactory.GetGrain<ITeamGrain>(this.GetPrimaryKeyString()).SetOnline(online);
        }
    }

    private IReadOnlyList<string> Current(DateTimeOffset now)
    {
        foreach (var instance in leases.Where(lease => lease.Value.Until <= now).Select(lease => lease.Key).ToList())
        {
            leases.Remove(instance);
        }

        return [.. leases.Values.SelectMany(lease => lease.Connected).Distinct().Order(StringComparer.Ordinal)];
    }
}
