namespace Escalation.Grains.Customers;

/// <summary>
/// A customer's record as one customer hands it to another: to the pseudonym that takes it over on an erasure
/// (<see cref="Escalation.Customers.ICustomerGrain.Pseudonymize"/>, the name erased, no ids or contacts), and to the
/// customer another is merged into (<see cref="Escalation.Customers.ICustomerGrain.Merge"/>).
/// </summary>
public interface ICustomerRecordGrain : IGrainWithStringKey
{
    ValueTask Adopt(CustomerState record);

    /// <summary>Everything the customer counts: complaints, recent times, NPS, merged ids, contacts.</summary>
    ValueTask<CustomerState> Record();

    /// <summary>From now on the customer is <paramref name="root"/>'s: it keeps only that, and passes every call on.</summary>
    ValueTask PointTo(string root);
}
