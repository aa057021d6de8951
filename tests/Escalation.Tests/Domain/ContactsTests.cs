using Escalation.Complaints;

namespace Escalation.Tests.Domain;

public sealed class ContactsTests
{
    [Theory]
    [InlineData(" Mari.Maasikas@Example.COM ", "mari.maasikas@example.com")]
    [InlineData("a@b", "a@b")]
    [InlineData("no-at-sign", null)]
    [InlineData("two@at@signs", null)]
    [InlineData("@example.com", null)]
    [InlineData("mari@", null)]
    [InlineData("mari maasikas@example.com", null)]
    public void An_email_is_compared_trimmed_and_in_lower_case(string given, string? kept) => Assert.Equal(kept, Contacts.Email(given));

    [Theory]
    [InlineData("+372 (5) 555-1234", "+37255551234")]
    [InlineData("5555.1234", "55551234")]
    [InlineData("+3725 5551234", "+37255551234")]
    [InlineData("12345", null)]
    [InlineData("1234567890123456", null)]
    [InlineData("555-CALL-NOW", null)]
    [InlineData("55+51234", null)]
    public void A_phone_is_compared_as_its_digits_with_a_leading_plus(string given, string? kept) => Assert.Equal(kept, Contacts.Phone(given));
}
