using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Escalation.Connectors;

/// <summary>
/// <c>X-Escalation-Signature: sha256=&lt;hex&gt;</c>: HMAC-SHA256 keyed with the channel secret over the timestamp
/// header value, a dot, and the body bytes exactly as received.
/// </summary>
public static class ConnectorSignature
{
    public const string TimestampHeader = "X-Escalation-Timestamp";
    public const string SignatureHeader = "X-Escalation-Signature";
    private const string Prefix = "sha256=";

    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Compute(secret, timestamp, body));

    /// <summary>Null when the request is authentic; otherwise why not.</summary>
    public static string? Check(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (timestamp is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return $"{TimestampHeader} must be the Unix time in seconds.";
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return $"{TimestampHeader} is more than {tolerance.TotalSeconds:0} s away from the server's time.";
        }

        if (signature is null || !signature.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return $"{SignatureHeader} must be 'sha256=' followed by the hex HMAC.";
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return $"{SignatureHeader} is not hexadecimal.";
        }

        return CryptographicOperations.FixedTimeEquals(given, Compute(secret, timestamp, body))
            ? null
            : "The signature does not match the request.";
    }

    private static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
