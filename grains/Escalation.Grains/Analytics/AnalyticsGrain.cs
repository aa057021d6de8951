using Escalation.Analytics;

namespace Escalation.Grains.Analytics;

/// <summary>
/// Keeps a team's complaint facts of one day as they happen, so that figures over a period read a few days' facts
/// instead of every complaint. Facts are stored in batches (<see cref="WriteDelay"/>), so that a burst of complaints
/// costs one write rather than one each; a crash in that moment loses those facts from the analytics (never from the
/// complaints themselves). A busy day seals every <see cref="PageSize"/> facts into a page grain written once, so that
/// a write never grows with the day.
/// </summary>
public sealed class AnalyticsGrain([PersistentState("analytics", StorageNames.Escalation)] IPersistentState<AnalyticsState> state)
    : Grain, IAnalyticsGrain
{
    public const int PageSize = 2_000;
    private const int FactsPerDelay = 200;
    private static readonly TimeSpan MinWriteDelay = TimeSpan.FromMilliseconds(500);
    private IGrainTimer? pendingWrite;

    public ValueTask Record(IReadOnlyList<ComplaintFact> facts)
    {
        state.State.Facts.AddRange(facts);
        StoreSoon();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Interleaves with recording: the unsealed facts and the page count are taken before the first await, and a
    /// page below that count is never written again.
    /// </summary>
    public async ValueTask<IReadOnlyList<ComplaintFact>> Facts(Period period)
    {
        var unsealed = Within(state.State.Facts, period);
        var pages = await Task.WhenAll(Enumerable.Range(0, state.State.Pages).Select(page => Page(page).Facts(period).AsTask()));
        return [.. pages.SelectMany(facts => facts), .. unsealed];
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (pendingWrite is not null)
        {
            await Store();
        }
    }

    internal static IReadOnlyList<ComplaintFact> Within(List<ComplaintFact> facts, Period period) =>
        [.. facts.Where(fact => period.Contains(fact.At))];

    /// <summary>
    /// Seals full pages, then stores the rest. A crash between the two leaves the sealed facts also in the stored
    /// rest; the next seal writes the same page again, so nothing is counted twice.
    /// </summary>
    private void StoreSoon() =>
        pendingWrite ??= this.RegisterGrainTimer(Store, new GrainTimerCreationOptions(WriteDelay(state.State.Facts.Count), Timeout.InfiniteTimeSpan));

    /// <summary>
    /// How long facts wait to be stored: half a second, and half a second more for every <see cref="FactsPerDelay"/>
    /// facts not yet sealed, at most 5 s. Each write stores every unsealed fact again: with a fixed half second, a team
    /// receiving 40 facts a second wrote each fact 50 times on average before its page was sealed (a silo with 25 such
    /// teams spent twice as long serialising them as serialising the complaints' own states); with these waits, about
    /// 10 times, whatever the number of busy teams.
    /// </summary>
    internal static TimeSpan WriteDelay(int unsealed) => MinWriteDelay * Math.Min(1 + (unsealed / FactsPerDelay), 10);

    /// <remarks>A failed write (the database away) is tried again after the same wait.</remarks>
    private async Task Store()
    {
        pendingWrite?.Dispose();
        pendingWrite = null;
        try
        {
            while (state.State.Facts.Count >= PageSize)
            {
                await Page(state.State.Pages).Keep(state.State.Facts[..PageSize]);
                state.State.Facts.RemoveRange(0, PageSize);
                state.State.Pages++;
            }

            await state.WriteStateAsync();
        }
        catch
        {
            StoreSoon();
            throw;
        }
    }

    private IAnalyticsPageGrain Page(int page) => GrainFactory.GetGrain<IAnalyticsPageGrain>(IAnalyticsPageGrain.KeyOf(this.GetPrimaryKeyString(), page));
}
