namespace Escalation.Api.Auth;

/// <summary>Bound from <c>Escalation:Auth</c>.</summary>
internal sealed class AuthOptions
{
    public const string SectionName = "Escalation:Auth";

    /// <summary>
    /// Used by the embedded default when no key is configured, so that several api instances accept each other's
    /// tokens. Every other profile refuses to start without a key of its own.
    /// </summary>
    public const string EmbeddedDefaultSigningKey = "escalation-embedded-default-signing-key-not-a-secret";

    public const int MinimumSigningKeyLength = 32;

    public string? SigningKey { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    public string Issuer { get; set; } = "escalation";
}
