using Escalation.Complaints;
using Escalation.Grains.Logs;

namespace Escalation.Grains.Complaints;

/// <summary>
/// A complaint's older timeline entries, sealed away in pages (<see cref="ILogPageGrain{T}"/>, keyed by the complaint
/// and the page number) once the timeline held with the complaint reaches <see cref="Limit"/> entries, so that every
/// change of a long conversation stores only its latest entries. A page is written before the state that counts it:
/// after a crash between the two, the next seal writes the same page again.
/// </summary>
internal sealed class TimelinePages(IGrainFactory grains, Guid complaint, ComplaintState state)
{
    public const int PageSize = 200;

    /// <summary>The most entries the complaint's own state holds: it keeps at least <see cref="PageSize"/>.</summary>
    public const int Limit = 2 * PageSize;

    public async Task Seal()
    {
        if (state.Timeline.Count >= Limit)
        {
            await Page(state.TimelinePages).Keep(state.Timeline[..PageSize]);
            state.Timeline.RemoveRange(0, PageSize);
            state.TimelinePages++;
        }
    }

    /// <summary>The whole timeline, sealed pages first.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> All()
    {
        var pages = await Task.WhenAll(Enumerable.Range(0, state.TimelinePages).Select(page => Page(page).Entries().AsTask()));
        return [.. pages.SelectMany(entries => entries), .. state.Timeline];
    }

    /// <summary>Applies an erasure to the sealed entries; pages it changes nothing in are not written.</summary>
    public async Task Erase(TimelineErasure erasure)
    {
        for (var page = 0; page < state.TimelinePages; page++)
        {
            var entries = await Page(page).Entries();
            if (entries.Any(entry => erasure.Apply(entry) != entry))
            {
                await Page(page).Keep([.. entries.Select(erasure.Apply)]);
            }
        }
    }

    private ILogPageGrain<TimelineEntry> Page(int page) => grains.GetGrain<ILogPageGrain<TimelineEntry>>(LogPage.KeyOf(complaint.ToString("N"), page));
}
