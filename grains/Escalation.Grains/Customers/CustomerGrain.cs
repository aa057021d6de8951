using Escalation.Complaints;
using Escalation.Customers;
using Escalation.Grains.Logs;
using Microsoft.Extensions.Options;

namespace Escalation.Grains.Customers;

/// <summary>
/// One customer: open complaints, the times of recent ones (for persistent dissatisfaction), the latest NPS answer. The
/// past complaints are kept in a paged log of their own, so that a long history is never rewritten on a change. An
/// erased customer's record is taken over by a pseudonym (<see cref="ICustomerRecordGrain"/>) and then forgotten. A
/// customer merged into another (<c>CustomerGrain.Merges.cs</c>) keeps only where it went, and passes every call on.
/// </summary>
public sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.Escalation)] IPersistentState<CustomerState> state,
    [PersistentState("customerPast", StorageNames.Escalation)] IPersistentState<PagedLogState<Guid>> past,
    IGrainRuntime runtime,
    IOptions<EscalationOptions> options) : Grain, ICustomerGrain, ICustomerRecordGrain
{
    private const string PseudonymPrefix = "erased:";

    private static readonly TimeSpan HistoryWindow = TimeSpan.FromDays(90);

    private CustomerState S => state.State;

    private TimeSpan Window => options.Value.PersistentDissatisfactionWindow;

    private PagedLog<Guid> Past => field ??= new(past, GrainFactory, this.GetPrimaryKeyString());

    public async ValueTask<CustomerStanding> RecordComplaint(Guid complaintId, CustomerRef customer, DateTimeOffset at)
    {
        if (MergedInto is { } root)
        {
            return await root.RecordComplaint(complaintId, customer, at);
        }

        var now = runtime.TimeProvider.GetUtcNow();
        await KeepContacts(customer);
        // Stored with the complaint's record below (a customer kept by an earlier version: with their next change).
        S.Key ??= Guid.NewGuid().ToString("N");

        // A complaint records itself once, as it is created (again only when that failed): it is open then.
        if (!S.Open.Contains(complaintId))
        {
            S.Name = customer.Name ?? S.Name;
            S.Open.Add(complaintId);
            var keepFrom = now - (Window > HistoryWindow ? Window : HistoryWindow);
            S.Recent.RemoveAll(written => written < keepFrom);
            S.Recent.Insert(S.Recent.FindLastIndex(written => written <= at) + 1, at);
            await state.WriteStateAsync();

            // Most customers complain once, and the next call is when that complaint is resolved: their activation goes
            // as soon as the complaint is recorded. Kept for IdleComplaintLifetime, every new customer of the last
            // minutes sat in the silo's heap, which the background collections mark whole. A customer with other recent
            // complaints is kept: another may follow soon, and would otherwise reload both stored states each time.
            if (S.Recent.Count == 1)
            {
                DeactivateOnIdle();
            }
        }

        var inWindow = CountSince(now - Window);
        return new CustomerStanding(inWindow, IsPersistent(inWindow), S.Key);
    }

    /// <remarks>
    /// The past log is append-only: a reopened complaint stays in it and is read as open, and one resolved again (or a
    /// change retried after a failure) is read once.
    /// </remarks>
    public async ValueTask SetComplaintOpen(Guid complaintId, bool open)
    {
        if (MergedInto is { } root)
        {
            await root.SetComplaintOpen(complaintId, open);
            return;
        }

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
        if (MergedInto is { } root)
        {
            return await root.GetProfile();
        }

        var now = runtime.TimeProvider.GetUtcNow();
        var logged = await Past.Read(_ => true);
        return new CustomerProfile(
            this.GetPrimaryKeyString(),
            S.Name,
            [.. S.Open],
            [.. S.Past.Concat(logged).Distinct().Where(complaint => !S.Open.Contains(complaint))],
            CountSince(now - HistoryWindow),
            IsPersistent(CountSince(now - Window)),
            S.LatestNps,
            [this.GetPrimaryKeyString(), .. S.Members],
            [.. S.Emails],
            [.. S.Phones]);
    }

    public async ValueTask RecordNps(int score, string answeredIn)
    {
        if (MergedInto is { } root)
        {
            await root.RecordNps(score, answeredIn);
            return;
        }

        S.LatestNps = score;
        if (!S.NpsLogs.Contains(answeredIn))
        {
            S.NpsLogs.Add(answeredIn);
        }

        await state.WriteStateAsync();
    }

    public ValueTask<IReadOnlyList<string>> NpsLogs() =>
        MergedInto is { } root ? root.NpsLogs() : ValueTask.FromResult<IReadOnlyList<string>>([.. S.NpsLogs]);

    /// <remarks>
    /// The pseudonym is stored before the record is handed over, so that an erasure repeated after a failure uses the
    /// same one; handing over again replaces what the pseudonym holds with the same record.
    /// </remarks>
    public async ValueTask<string> Pseudonymize()
    {
        if (MergedInto is { } root)
        {
            return await root.Pseudonymize();
        }

        if (this.GetPrimaryKeyString().StartsWith(PseudonymPrefix, StringComparison.Ordinal))
        {
            return this.GetPrimaryKeyString();
        }

        if (S.Pseudonym is null)
        {
            S.Pseudonym = PseudonymPrefix + Guid.NewGuid().ToString("N");
            await state.WriteStateAsync();
        }

        // Neither the merged ids nor the contacts go with it: nothing links the pseudonym to them.
        var record = await Record();
        record.Name = S.Name is null ? null : Erasure.Mark;
        record.Members = [];
        record.Emails = [];
        record.Phones = [];
        await GrainFactory.GetGrain<ICustomerRecordGrain>(S.Pseudonym).Adopt(record);
        return S.Pseudonym;
    }

    public async ValueTask Adopt(CustomerState record)
    {
        state.State = record;
        await state.WriteStateAsync();
    }

    /// <remarks>A customer merged into another holds nothing but where it went; the one merged into forgets the contacts of all.</remarks>
    public async ValueTask Forget()
    {
        if (S.Pseudonym is null && S.MergedInto is null)
        {
            return;
        }

        await ForgetContacts();
        await Past.Clear();
        await state.ClearStateAsync();
        state.State = new();
        DeactivateOnIdle();
    }

    private bool IsPersistent(int complaintsInWindow) => complaintsInWindow >= options.Value.PersistentDissatisfactionComplaints;

    private int CountSince(DateTimeOffset from) => S.Recent.Count(written => written >= from);
}
