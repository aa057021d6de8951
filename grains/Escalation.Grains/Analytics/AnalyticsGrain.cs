using Escalation.Analytics;

namespace Escalation.Grains.Analytics;

/// <summary>
/// Keeps a team's complaint facts of one day as they happen, so that figures over a period read a few days' facts
/// instead of every complaint. Facts are stored in batches at most <see cref="WriteDelay"/> after they arrive, so that a
/// burst of complaints costs one write rather than one each; a crash in that moment loses those facts from the
/// analytics (never from the complaints themselves).
/// </summary>
public sealed class AnalyticsGrain([PersistentState("analytics", StorageNames.Escalation)] IPersistentState<AnalyticsState> state)
    : Grain, IAnalyticsGrain
{
    private static readonly TimeSpan WriteDelay = TimeSpan.FromMilliseconds(500);
    private IGrainTimer? pendingWrite;

    public ValueTask Record(IReadOnlyList<ComplaintFact> facts)
    {
        state.State.Facts.AddRange(facts);
        pendingWrite ??= this.RegisterGrainTimer(Store, new GrainTimerCreationOptions(WriteDelay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<ComplaintFact>> Facts(Period period) =>
        ValueTask.FromResult<IReadOnlyList<ComplaintFact>>([.. state.State.Facts.Where(fact => period.Contains(fact.At))]);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (pendingWrite is not null)
        {
            await Store();
        }
    }

    private async Task Store()
    {
        pendingWrite?.Dispose();
        pendingWrite = null;
        await state.WriteStateAsync();
    }
}
