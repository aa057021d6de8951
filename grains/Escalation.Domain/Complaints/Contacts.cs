namespace Escalation.Complaints;

/// <summary>
/// E-mail addresses and phone numbers as a customer's contacts are compared: an address trimmed and in lower case, a
/// number as its digits (with a leading + when it had one). Null for something that is neither.
/// </summary>
public static class Contacts
{
    public const int MaxEmailLength = 254;
    private const int MaxPhoneDigits = 15;

    public static string? Email(string? given)
    {
        var email = given?.Trim().ToLowerInvariant();
        var at = email?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        return email is { Length: > 2 and <= MaxEmailLength } && at > 0 && at < email.Length - 1 && email.IndexOf('@', at + 1) < 0
            && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            ? email
            : null;
    }

    /// <summary>Digits with the separators people write (spaces, dashes, dots, brackets) taken out: 6 to 15 of them.</summary>
    public static string? Phone(string? given)
    {
        var phone = given?.Trim();
        if (phone is null || phone.Any(c => !char.IsAsciiDigit(c) && c is not ('+' or ' ' or '-' or '.' or '(' or ')'))
            || phone.LastIndexOf('+') > 0)
        {
            return null;
        }

        var digits = string.Concat(phone.Where(char.IsAsciiDigit));
        return digits.Length is >= 6 and <= MaxPhoneDigits ? (phone.StartsWith('+') ? "+" : "") + digits : null;
    }
}
