using Escalation.Events;

namespace Escalation.Api.Console;

/// <summary>
/// Which events of one channel this api instance has pushed, so that a replayed one is not pushed twice and a renewal
/// asks only for what is still missing: every event up to <see cref="Contiguous"/> has been pushed, and the few later
/// ones in <c>ahead</c> (events can arrive out of order). The first subscription says where this instance starts; a new
/// epoch (the channel started afresh) counts from its beginning. What it tracks stays bounded: past
/// <see cref="MaxAhead"/> events waiting for a gap that never fills, it gives the gap up and says so
/// (<see cref="TakeGaveUp"/>), for the consoles to resynchronise. Not thread-safe.
/// </summary>
internal sealed class DeliveredEvents
{
    public const int MaxAhead = 10_000;
    private readonly HashSet<long> ahead = [];
    private bool gaveUp;

    public EventPosition? Contiguous { get; private set; }

    /// <summary>Where this instance starts, from its first subscription; later calls change nothing.</summary>
    public void Start(EventPosition current)
    {
        if (Contiguous is not null)
        {
            return;
        }

        Contiguous = current;
        ahead.RemoveWhere(sequence => sequence <= current.Sequence);
        Advance();
    }

    /// <summary>Records the event; false when it was pushed before.</summary>
    public bool TryAdd(EventPosition position)
    {
        if (Contiguous is null)
        {
            // Arrived before the first subscription's answer: it is after the start, whatever that turns out to be.
            return ahead.Add(position.Sequence);
        }

        if (Contiguous.Epoch != position.Epoch)
        {
            Contiguous = new EventPosition(position.Epoch, 0);
            ahead.Clear();
        }

        if (position.Sequence <= Contiguous.Sequence || !ahead.Add(position.Sequence))
        {
            return false;
        }

        Advance();
        if (ahead.Count > MaxAhead)
        {
            Resynchronize(Contiguous with { Sequence = ahead.Max() });
            gaveUp = true;
        }

        return true;
    }

    /// <summary>
    /// Starts again from <paramref name="current"/>: what came before it is taken as seen (the consoles refetch it); what
    /// was pushed after it, in the same epoch, stays known, so that the replay that follows does not push it twice. A
    /// renewal's answer can be older than the events pushed while it was on its way: it never moves the start back.
    /// Returns whether it skipped events not pushed (only then do the consoles need to refetch); moving the start on
    /// always does, since the event after <see cref="Contiguous"/> was not pushed, or it would be contiguous.
    /// </summary>
    public bool Resynchronize(EventPosition current)
    {
        if (Contiguous?.Epoch == current.Epoch)
        {
            if (current.Sequence <= Contiguous.Sequence)
            {
                return false;
            }

            ahead.RemoveWhere(sequence => sequence <= current.Sequence);
        }
        else
        {
            ahead.Clear();
        }

        Contiguous = current;
        Advance();
        return true;
    }

    /// <summary>Whether a gap was given up since the last call.</summary>
    public bool TakeGaveUp()
    {
        var result = gaveUp;
        gaveUp = false;
        return result;
    }

    private void Advance()
    {
        var next = Contiguous!.Sequence;
        while (ahead.Remove(next + 1))
        {
            next++;
        }

        Contiguous = Contiguous with { Sequence = next };
    }
}
