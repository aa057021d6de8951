using Microsoft.Extensions.Hosting;

namespace Escalation.Grains;

/// <summary>
/// Items this silo's grains hand over together rather than in a call each, kept per destination until the next
/// <see cref="Flush"/> (when is the subclass's choice). One flush at a time, so a destination gets its batches in order;
/// a batch its destination could not take goes back before what arrived meanwhile and waits for the next flush, at most
/// <see cref="MaxPending"/> per destination (the oldest go first). A flush on stopping hands over what is left.
/// </summary>
public abstract class SiloBatch<TKey, TItem> : BackgroundService
    where TKey : notnull
{
    private readonly Lock gate = new();
    private readonly SemaphoreSlim flushing = new(1, 1);
    private Dictionary<TKey, List<TItem>> pending = [];

    /// <summary>How many items a destination that stays unreachable may keep waiting.</summary>
    protected virtual int MaxPending => int.MaxValue;

    /// <summary>Hands every pending item to its destination now; returns once a flush already under way has finished too.</summary>
    public async Task Flush()
    {
        await flushing.WaitAsync();
        try
        {
            Dictionary<TKey, List<TItem>> batch;
            lock (gate)
            {
                (batch, pending) = (pending, []);
            }

            await Task.WhenAll(batch.Select(destination => HandOver(destination.Key, destination.Value)));
        }
        finally
        {
            flushing.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await Flush();
    }

    protected void Add(TKey key, IEnumerable<TItem> items)
    {
        lock (gate)
        {
            (pending.TryGetValue(key, out var list) ? list : pending[key] = []).AddRange(items);
        }
    }

    /// <summary>The call that hands a destination its batch.</summary>
    protected abstract Task Send(TKey key, IReadOnlyList<TItem> items);

    /// <summary>Says that a batch could not be handed over and waits for the next flush.</summary>
    protected abstract void Failed(Exception exception, TKey key, int count);

    private async Task HandOver(TKey key, List<TItem> items)
    {
        try
        {
            await Send(key, items);
        }
        catch (Exception exception)
        {
            Failed(exception, key, items.Count);
            lock (gate)
            {
                var later = pending.TryGetValue(key, out var list) ? list : pending[key] = [];
                later.InsertRange(0, items);
                if (later.Count > MaxPending)
                {
                    later.RemoveRange(0, later.Count - MaxPending);
                }
            }
        }
    }
}
