using Escalation.Events;

namespace Escalation.Api.Console;

/// <summary>
/// Which events this api instance has pushed, so that a replayed one is not pushed twice and a renewal asks only
/// for what is still missing: every event up to <see cref="Contiguous"/> has been pushed, and the few later ones in
/// <c>ahead</c> (events can arrive out of order). The first subscription says where this instance starts; a new
/// epoch (the events grain started afresh) counts from its beginning, which this instance missed. Not thread-safe.
/// </summary>
internal sealed class DeliveredEvents
{
    private readonly HashSet<long> ahead = [];

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
        return true;
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
