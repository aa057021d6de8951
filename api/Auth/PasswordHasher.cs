using System.Security.Cryptography;

namespace Escalation.Api.Auth;

/// <summary>Salted PBKDF2-SHA256, stored as <c>pbkdf2-sha256$iterations$salt$hash</c> (base64).</summary>
internal static class PasswordHasher
{
    /// <summary>OWASP's figure for PBKDF2-HMAC-SHA256. Hashes stored with fewer still verify and are replaced on the next login.</summary>
    public const int Iterations = 600_000;

    public const int MinimumLength = 12;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string Scheme = "pbkdf2-sha256";

    /// <summary>Checked when the user does not exist, so that an unknown name costs as long as a wrong password.</summary>
    private static readonly string Decoy = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));

    public static string Hash(string password, int iterations = Iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>
    /// Whether the password matches <paramref name="stored"/> (false when null, after the same work), and whether the
    /// stored hash is weaker than today's and should be replaced.
    /// </summary>
    public static (bool Valid, bool Outdated) Verify(string password, string? stored)
    {
        var parts = (stored ?? Decoy).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], out var iterations))
        {
            return (false, false);
        }

        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, Convert.FromBase64String(parts[2]), iterations, HashAlgorithmName.SHA256, expected.Length);
        var valid = stored is not null && CryptographicOperations.FixedTimeEquals(actual, expected);
        return (valid, valid && iterations < Iterations);
    }
}
