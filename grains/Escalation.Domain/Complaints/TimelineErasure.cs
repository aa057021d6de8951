namespace Escalation.Complaints;

/// <summary>
/// What an erasure does to each timeline entry: its text becomes the erasure mark, and when the customer's id is
/// replaced by a pseudonym (a customer's erasure, not the retention of closed texts), the entries the customer wrote
/// name the pseudonym instead. Who else did what, and when, stays.
/// </summary>
public sealed record TimelineErasure(string Customer, string Pseudonym)
{
    /// <summary>Whether the customer's id is replaced.</summary>
    public bool Renames => Customer != Pseudonym;

    public TimelineEntry Apply(TimelineEntry entry)
    {
        var erased = entry.Text is null or Erasure.Mark ? entry : entry with { Text = Erasure.Mark };
        return erased.Type is TimelineType.Created or TimelineType.CustomerMessage && erased.Actor == Customer && Renames
            ? erased with { Actor = Pseudonym }
            : erased;
    }
}
