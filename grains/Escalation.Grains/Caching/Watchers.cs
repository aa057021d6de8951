using Escalation.Caching;

namespace Escalation.Grains.Caching;

/// <summary>One cache watching a grain, until its lease runs out.</summary>
[GenerateSerializer]
public sealed record Watcher([property: Id(0)] ICacheObserver Observer, [property: Id(1)] DateTimeOffset Until);

/// <summary>
/// The caches watching a grain, kept in the grain's stored state, so that a grain that moved to another silo still
/// tells every cache of the next change. Telling waits for each cache's answer (a cache that does not answer in time is
/// let go: its silo or api instance is gone, or it will watch again and read afresh). Leases run on the wall clock, as
/// the caches count them.
/// </summary>
public static class Watchers
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    /// <summary>Adds or renews a watcher; true when the list changed in a way worth storing (a new watcher).</summary>
    public static bool Watch(List<Watcher> watchers, ICacheObserver observer, TimeSpan lease)
    {
        var now = Now;
        var until = now + lease;
        watchers.RemoveAll(watcher => watcher.Until <= now);
        var known = watchers.FindIndex(watcher => watcher.Observer.Equals(observer));
        if (known >= 0)
        {
            watchers[known] = watchers[known] with { Until = until };
            return false;
        }

        watchers.Add(new Watcher(observer, until));
        return true;
    }

    /// <summary>Tells every watcher whose lease runs that the content changed, and waits for them.</summary>
    public static async Task Invalidate(List<Watcher> watchers)
    {
        var now = Now;
        watchers.RemoveAll(watcher => watcher.Until <= now);
        var answers = watchers.Select(async watcher =>
        {
            try
            {
                await watcher.Observer.Invalidated().WaitAsync(Patience);
                return null;
            }
            catch (Exception exception) when (exception is TimeoutException or OrleansException or ObjectDisposedException)
            {
                return watcher;
            }
        });
        foreach (var gone in (await Task.WhenAll(answers)).OfType<Watcher>())
        {
            watchers.Remove(gone);
        }
    }
}
