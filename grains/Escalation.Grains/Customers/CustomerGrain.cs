using Escalation.Complaints;
using Escalation.Customers;
using Microsoft.Extensions.Options;

namespace Escalation.Grains.Customers;

public sealed class CustomerGrain(
    [PersistentState("customer", StorageNames.Escalation)] IPersistentState<CustomerState> state,
    IGrainRuntime runtime,
    IOptions<EscalationOptions> options) : Grain, ICustomerGrain
{
    private static readonly TimeSpan HistoryWindow = TimeSpan.FromDays(90);

    private CustomerState S => state.State;

    private TimeSpan Window => options.Value.PersistentDissatisfactionWindow;

    public async ValueTask<CustomerStanding> RecordComplaint(Guid complaintId, string? name, DateTimeOffset at)
    {
        var now = runtime.TimeProvider.GetUtcNow();
        if (!S.Open.Contains(complaintId) && !S.Past.Contains(complaintId))
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

    public async ValueTask SetComplaintOpen(Guid complaintId, bool open)
    {
        var (from, to) = open ? (S.Past, S.Open) : (S.Open, S.Past);
        if (from.Remove(complaintId))
        {
            to.Add(complaintId);
            await state.WriteStateAsync();
        }
    }

    public ValueTask<CustomerProfile> GetProfile()
    {
        var now = runtime.TimeProvider.GetUtcNow();
        return ValueTask.FromResult(new CustomerProfile(
            this.GetPrimaryKeyString(),
            S.Name,
            [.. S.Open],
            [.. S.Past],
            CountSince(now - HistoryWindow),
            IsPersistent(CountSince(now - Window)),
            S.LatestNps));
    }

    public async ValueTask RecordNps(int score)
    {
        S.LatestNps = score;
        await state.WriteStateAsync();
    }

    private bool IsPersistent(int complaintsInWindow) => complaintsInWindow >= options.Value.PersistentDissatisfactionComplaints;

    private int CountSince(DateTimeOffset from) => S.Recent.Count(written => written >= from);
}
