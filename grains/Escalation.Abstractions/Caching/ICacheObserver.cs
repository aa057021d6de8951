namespace Escalation.Caching;

/// <summary>
/// A cache of what a grain holds (channels in each api instance, SLA policies in each silo), told when it changes. The
/// grain awaits every cache's answer before it answers the change itself, so that no cache is stale past it.
/// </summary>
public interface ICacheObserver : IGrainObserver
{
    /// <summary>What the cache holds changed: drop it and read it again when next needed.</summary>
    Task Invalidated();
}

/// <summary>A grain whose content is cached: caches watch it (a lease, renewed) to be told of changes.</summary>
public interface IWatchedGrain : IGrainWithIntegerKey
{
    /// <summary>Starts or renews watching, for <paramref name="lease"/>.</summary>
    ValueTask Watch(ICacheObserver observer, TimeSpan lease);
}
