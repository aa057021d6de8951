using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Escalation.Caching;

/// <summary>
/// What one watched grain holds, cached in this process (a silo or an api instance) and dropped when the grain says it
/// changed. The cache watches the grain with a lease it renews; until it watches, it does not cache. Leases run on the
/// wall clock, in the cache and in the grain alike. A silo cannot make the cache's observer reference inside a grain, so
/// it reads the cache once as it starts (<see cref="GrainCacheExtensions.AddGrainCache"/>); a read inside a grain before
/// that only reads.
/// </summary>
public sealed partial class GrainCache<TGrain, TContent>(IGrainFactory grains, Func<TGrain, Task<TContent>> read, ILogger<GrainCache<TGrain, TContent>> logger)
    : ICacheObserver
    where TGrain : IWatchedGrain
    where TContent : class
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(3);
    private readonly Lock gate = new();
    private ICacheObserver? reference;
    private DateTimeOffset watchedUntil;
    private TContent? content;
    private bool invalidatedDuringRead;

    private TGrain Grain => grains.GetGrain<TGrain>(0);

    public async Task<TContent> Get()
    {
        TContent? cached;
        lock (gate)
        {
            cached = DateTimeOffset.UtcNow < watchedUntil ? content : null;
        }

        if (cached is not null)
        {
            return cached;
        }

        await Watch();
        var fresh = await read(Grain);
        lock (gate)
        {
            // A change told while this read ran dropped nothing yet: the read may be older than it, so it is not kept.
            content = invalidatedDuringRead ? null : fresh;
            invalidatedDuringRead = false;
        }

        return fresh;
    }

    public Task Invalidated()
    {
        lock (gate)
        {
            content = null;
            invalidatedDuringRead = true;
        }

        return Task.CompletedTask;
    }

    /// <summary>Watches (or renews) when less than half the lease is left.</summary>
    private async Task Watch()
    {
        if (DateTimeOffset.UtcNow + (Lease / 2) < watchedUntil)
        {
            return;
        }

        try
        {
            reference ??= grains.CreateObjectReference<ICacheObserver>(this);
            await Grain.Watch(reference, Lease);
            lock (gate)
            {
                watchedUntil = DateTimeOffset.UtcNow + Lease;
                invalidatedDuringRead = false;
            }
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException or InvalidOperationException)
        {
            LogWatchFailed(logger, exception, typeof(TGrain).Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not watch {Grain}; reading it without caching")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception, string grain);
}

public static class GrainCacheExtensions
{
    /// <summary>Caches what <paramref name="read"/> reads of the grain (key 0) in this process, for as long as it does not change.</summary>
    public static IServiceCollection AddGrainCache<TGrain, TContent>(this IServiceCollection services, Func<TGrain, Task<TContent>> read)
        where TGrain : IWatchedGrain
        where TContent : class =>
        services.AddSingleton(provider => new GrainCache<TGrain, TContent>(
            provider.GetRequiredService<IGrainFactory>(), read, provider.GetRequiredService<ILogger<GrainCache<TGrain, TContent>>>()));
}
