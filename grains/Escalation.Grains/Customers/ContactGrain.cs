namespace Escalation.Grains.Customers;

/// <summary>The customer ids known to share one e-mail address or phone number (key: <c>email:…</c> or <c>phone:…</c>, normalised).</summary>
public interface IContactGrain : IGrainWithStringKey
{
    ValueTask Add(string customerId);

    /// <summary>Takes the ids out; a contact left with none is deleted.</summary>
    ValueTask Remove(IReadOnlyList<string> customerIds);

    ValueTask<IReadOnlyList<string>> Customers();
}

/// <summary>
/// Suggestions only: at most <see cref="Limit"/> ids (the latest) per contact, so that an address many share (a shop's
/// own) never grows without bound.
/// </summary>
public sealed class ContactGrain([PersistentState("contact", StorageNames.Escalation)] IPersistentState<List<string>> state) : Grain, IContactGrain
{
    public const int Limit = 50;

    public async ValueTask Add(string customerId)
    {
        if (!state.State.Contains(customerId))
        {
            state.State.Add(customerId);
            if (state.State.Count > Limit)
            {
                state.State.RemoveAt(0);
            }

            await state.WriteStateAsync();
        }
    }

    public async ValueTask Remove(IReadOnlyList<string> customerIds)
    {
        if (state.State.RemoveAll(customerIds.Contains) == 0)
        {
            return;
        }

        if (state.State.Count > 0)
        {
            await state.WriteStateAsync();
        }
        else if (state.RecordExists)
        {
            await state.ClearStateAsync();
            state.State = [];
        }
    }

    public ValueTask<IReadOnlyList<string>> Customers() => ValueTask.FromResult<IReadOnlyList<string>>([.. state.State]);
}
