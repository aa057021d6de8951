namespace Escalation.Grains.Logs;

[GenerateSerializer]
public sealed class PagedLogState<T>
{
    /// <summary>The entries not yet sealed in a page.</summary>
    [Id(0)] public List<T> Entries { get; set; } = [];

    /// <summary>How many pages (<see cref="ILogPageGrain{T}"/>) hold the earlier entries.</summary>
    [Id(1)] public int Pages { get; set; }
}

/// <summary>
/// An append-only log kept under a key (a team's day of NPS answers, a day of the audit log, a customer's past
/// complaints) whose every write stays small: each <see cref="PageSize"/> entries are sealed into a page grain written
/// once, and only the rest is stored with the log itself. A crash between sealing and storing leaves the sealed entries
/// also in the stored rest; the next seal writes the same page again, so nothing is kept twice.
/// </summary>
public sealed class PagedLog<T>(IPersistentState<PagedLogState<T>> state, IGrainFactory grains, string key)
{
    public const int PageSize = 500;

    public async ValueTask Append(T entry)
    {
        state.State.Entries.Add(entry);
        if (state.State.Entries.Count >= PageSize)
        {
            await Page(state.State.Pages).Keep([.. state.State.Entries]);
            state.State.Entries.Clear();
            state.State.Pages++;
        }

        await state.WriteStateAsync();
    }

    /// <summary>The entries that <paramref name="keep"/> accepts, sealed pages first.</summary>
    public async ValueTask<IReadOnlyList<T>> Read(Func<T, bool> keep)
    {
        var unsealed = state.State.Entries.Where(keep).ToList();
        var pages = await Task.WhenAll(Enumerable.Range(0, state.State.Pages).Select(page => Page(page).Entries().AsTask()));
        return [.. pages.SelectMany(entries => entries.Where(keep)), .. unsealed];
    }

    /// <summary>
    /// Replaces the entries <paramref name="change"/> answers with another one, in the sealed pages and the rest; the
    /// only way an entry changes once written (an erasure). Pages it changes nothing in are not written.
    /// </summary>
    public async ValueTask Rewrite(Func<T, T> change)
    {
        for (var page = 0; page < state.State.Pages; page++)
        {
            var entries = await Page(page).Entries();
            var changed = entries.Select(change).ToList();
            if (!changed.SequenceEqual(entries))
            {
                await Page(page).Keep(changed);
            }
        }

        var rest = state.State.Entries.Select(change).ToList();
        if (!rest.SequenceEqual(state.State.Entries))
        {
            state.State.Entries = rest;
            await state.WriteStateAsync();
        }
    }

    /// <summary>Deletes the log's pages and its own record (an erasure of whatever its key names).</summary>
    public async ValueTask Clear()
    {
        await Task.WhenAll(Enumerable.Range(0, state.State.Pages).Select(page => Page(page).Clear().AsTask()));
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        state.State = new();
    }

    private ILogPageGrain<T> Page(int page) => grains.GetGrain<ILogPageGrain<T>>(LogPage.KeyOf(key, page));
}
