namespace Escalation.Grains.Customers;

/// <summary>
/// The record of an erased customer under their pseudonym (<see cref="Escalation.Customers.ICustomerGrain.Pseudonymize"/>):
/// it takes over what the customer's record held, their name erased, so that the counts and the complaints' history
/// stay while nothing links them to the customer's id.
/// </summary>
public interface IErasedCustomerGrain : IGrainWithStringKey
{
    ValueTask Adopt(CustomerState record);
}
