using Escalation.Complaints;
using Escalation.Customers;
using Escalation.Grains.Logs;
using Microsoft.Extensions.Options;

namespace Escalation.Grains.Customers;

/// <summary>
/// One customer: open complaints, the times of recent ones (for persistent dissatisfaction), the latest NPS answer. The
/// past complaints are kept in a paged log of their own, so that a long history is never rewritten on a change.
/// </summary>
public sealed class CustomerGrain(
    [PersistentState("customer", StorageNames.Escalation)] IPersistentState<CustomerState> state,
    [PersistentState("customerPast", StorageNames.Escalation)] IPersistentState<PagedLogState<Guid>> past,
    IGrainRuntime runtime,
    IOptions<EscalationOptions> options) : Grain, ICustomerGrain
{
    private static readonly TimeSpan HistoryWindow = TimeSpan.FromDays(90);

    private CustomerState S => state.State;

    private TimeSpan Window => options.Value.PersistentDissatisfactionWindow;

    private PagedLog<Guid> Past => field ??= new(past, GrainFactory, this.GetPrimaryKeyString());

    public async ValueTask<CustomerStanding> RecordComplaint(Guid complaintId, string? name, DateTimeOffset at)
    {
        var now = runtime.TimeProvider.GetUtcNow();
        // A complaint records itself once, as it is created (again only when that failed): it is open then.
        if (!S.Open.Contains(complaintId))
        {
            S.Name = name ?? S.Name;
            S.Open.Add(complaintId);
            var keepFrom = now - (Window > HistoryWindow ? Window : HistoryWindow);
            S.Recent.RemoveAll(written => written < keepFrom);
            S.Recent.Insert(S.Recent.FindLastIndex(written => written <= at) + 1, at);
            await state.WriteStateAsync();
        }

        var inWindow = CountSince(now - Window);
        return new CustomerStanding(inWindow, IsPersistent(inWindow));
    }

    /// <remarks>
    /// The past log is append-only: a reopened complaint stays in it and is read as open, and one resolved again (or a
    /// change retried after a failure) is read once.
    /// </remarks>
    public async ValueTask SetComplaintOpen(Guid complaintId, bool open)
    {
        if (open == S.Open.Contains(complaintId))
        {
            return;
        }

        if (open)
        {
            S.Open.Add(complaintId);
        }
        else
        {
            await Past.Append(complaintId);
            S.Open.Remove(complaintId);
        }

        await state.WriteStateAsync();
    }

    public async ValueTask<CustomerProfile> GetProfile()
    {
        var now = runtime.TimeProvider.GetUtcNow();
        var logged = await Past.Read(_ => true);
        return new CustomerProfile(
            this.GetPrimaryKeyString(),
            S.Name,
            [.. S.Open],
            [.. S.Past.Concat(logged).Distinct().Where(complaint => !S.Open.Contains(complaint))],
            CountSince(now - HistoryWindow),
            IsPersistent(CountSince(now - Window)),
            S.LatestNps);
    }

    public async ValueTask RecordNps(int score, string answeredIn)
    {
        S.LatestNps = score;
        if (!S.NpsLogs.Contains(answeredIn))
        {
            S.NpsLogs.Add(answeredIn);
        }

        await state.WriteStateAsync();
    }

    public ValueTask<IReadOnlyList<string>> NpsLogs() => ValueTask.FromResult<IReadOnlyList<string>>([.. S.NpsLogs]);

    public async ValueTask EraseName()
    {
        if (S.Name is not (null or Erasure.Mark))
        {
            S.Name = Erasure.Mark;
            await state.WriteStateAsync();
        }
    }

    private bool IsPersistent(int complaintsInWindow) => complaintsInWindow >= options.Value.PersistentDissatisfactionComplaints;

    private int CountSince(DateTimeOffset from) => S.Recent.Count(written => written >= from);
}
