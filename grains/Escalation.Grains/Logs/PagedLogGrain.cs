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
/// An append-only log kept per key (a team's day of NPS answers, a day of the audit log) whose every write stays
/// small: each <see cref="PageSize"/> entries are sealed into a page grain written once, and only the rest is
/// stored with the log itself. A crash between sealing and storing leaves the sealed entries also in the stored rest;
/// the next seal writes the same page again, so nothing is kept twice.
/// </summary>
public abstract class PagedLogGrain<T>(IPersistentState<PagedLogState<T>> state) : Grain
{
    public const int PageSize = 500;

    protected async ValueTask Append(T entry)
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
    protected async ValueTask<IReadOnlyList<T>> Read(Func<T, bool> keep)
    {
        var unsealed = state.State.Entries.Where(keep).ToList();
        var pages = await Task.WhenAll(Enumerable.Range(0, state.State.Pages).Select(page => Page(page).Entries().AsTask()));
        return [.. pages.SelectMany(entries => entries.Where(keep)), .. unsealed];
    }

    private ILogPageGrain<T> Page(int page) => GrainFactory.GetGrain<ILogPageGrain<T>>(LogPage.KeyOf(this.GetPrimaryKeyString(), page));
}
