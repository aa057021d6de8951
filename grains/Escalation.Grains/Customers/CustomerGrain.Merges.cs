using Escalation.Complaints;
using Escalation.Customers;

namespace Escalation.Grains.Customers;

/// <summary>
/// Merges: the customer merged into keeps the record of all its ids (<see cref="CustomerState.Members"/>), each merged
/// id only the id it went to, so that a complaint arriving under any id counts for one customer. Contacts (e-mail,
/// phone) are indexed by <see cref="IContactGrain"/> to suggest merges; a person always decides.
/// </summary>
public sealed partial class CustomerGrain
{
    /// <summary>The customer this one was merged into, which every call goes on to; null for a customer of its own.</summary>
    private ICustomerGrain? MergedInto => S.MergedInto is { } into ? GrainFactory.GetGrain<ICustomerGrain>(into) : null;

    public async ValueTask<string> Root() => MergedInto is { } root ? await root.Root() : this.GetPrimaryKeyString();

    /// <remarks>
    /// The record is taken over and stored here before the other customer points here, so that a crash between the two
    /// loses nothing: repeated, the merge sees the other id among the members and only points it here.
    /// </remarks>
    public async ValueTask<CustomerProfile> Merge(string other)
    {
        if (MergedInto is { } root)
        {
            return await root.Merge(other);
        }

        var me = this.GetPrimaryKeyString();
        var otherRoot = await GrainFactory.GetGrain<ICustomerGrain>(other).Root();
        if (otherRoot != me)
        {
            var merged = GrainFactory.GetGrain<ICustomerRecordGrain>(otherRoot);
            if (!S.Members.Contains(otherRoot))
            {
                Absorb(otherRoot, await merged.Record());
                await state.WriteStateAsync();
            }

            await merged.PointTo(me);
        }

        return await GetProfile();
    }

    public async ValueTask<IReadOnlyList<string>> SuggestedMerges()
    {
        if (MergedInto is { } root)
        {
            return await root.SuggestedMerges();
        }

        var known = new HashSet<string>([this.GetPrimaryKeyString(), .. S.Members], StringComparer.Ordinal);
        var sharing = await Task.WhenAll(ContactKeys().Select(contact => GrainFactory.GetGrain<IContactGrain>(contact).Customers().AsTask()));
        return [.. sharing.SelectMany(ids => ids).Where(id => !known.Contains(id)).Distinct().Order(StringComparer.Ordinal)];
    }

    public async ValueTask<CustomerState> Record() => new()
    {
        Name = S.Name,
        Open = [.. S.Open],
        Past = [.. S.Past.Concat(await Past.Read(_ => true)).Distinct()],
        Recent = [.. S.Recent],
        LatestNps = S.LatestNps,
        NpsLogs = [.. S.NpsLogs],
        Key = S.Key,
        Members = [.. S.Members],
        Emails = [.. S.Emails],
        Phones = [.. S.Phones],
    };

    public async ValueTask PointTo(string root)
    {
        if (S.MergedInto != root)
        {
            await Past.Clear();
            state.State = new CustomerState { MergedInto = root };
            await state.WriteStateAsync();
        }
    }

    private void Absorb(string id, CustomerState other)
    {
        S.Name ??= other.Name;
        S.Open = [.. S.Open.Union(other.Open)];
        S.Past = [.. S.Past.Union(other.Past)];
        S.Recent = [.. S.Recent.Concat(other.Recent).Order()];
        S.LatestNps ??= other.LatestNps;
        S.NpsLogs = [.. S.NpsLogs.Union(other.NpsLogs, StringComparer.Ordinal)];
        S.Members = [.. S.Members.Union([id, .. other.Members], StringComparer.Ordinal)];
        S.Emails = [.. S.Emails.Union(other.Emails, StringComparer.Ordinal)];
        S.Phones = [.. S.Phones.Union(other.Phones, StringComparer.Ordinal)];
    }

    /// <summary>Remembers a new e-mail or phone of the customer, and indexes it under this id.</summary>
    private async Task KeepContacts(CustomerRef customer)
    {
        var me = this.GetPrimaryKeyString();
        foreach (var (known, contact, key) in new[] { (S.Emails, customer.Email, "email:"), (S.Phones, customer.Phone, "phone:") })
        {
            if (contact is not null && !known.Contains(contact))
            {
                await GrainFactory.GetGrain<IContactGrain>(key + contact).Add(me);
                known.Add(contact);
            }
        }
    }

    /// <summary>Takes every id of the customer out of the contact index (an erasure).</summary>
    private Task ForgetContacts() => Task.WhenAll(ContactKeys().Select(contact =>
        GrainFactory.GetGrain<IContactGrain>(contact).Remove([this.GetPrimaryKeyString(), .. S.Members]).AsTask()));

    private IEnumerable<string> ContactKeys() => S.Emails.Select(email => "email:" + email).Concat(S.Phones.Select(phone => "phone:" + phone));
}
