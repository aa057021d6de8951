namespace Escalation.Api.Auth;

/// <summary>Bound from <c>Escalation:Auth</c>.</summary>
internal sealed class AuthOptions
{
    public const string SectionName = "Escalation:Auth";

    public const int MinimumSigningKeyLength = 32;

    /// <summary>
    /// Keys that were ever printed in this repository (documentation, scripts, the old embedded default): whoever
    /// read them could sign a token of any role, so the api refuses to start with one.
    /// </summary>
    public static readonly string[] PublishedKeys =
    [
        "at-least-32-characters-of-secret-key",
        "local-cluster-signing-key-change-me-please",
        "escalation-embedded-default-signing-key-not-a-secret",
    ];

    /// <summary>
    /// The key tokens are signed with. Required outside the embedded default; the embedded default without one uses
    /// a random key the cluster makes once (<see cref="SigningKey"/>).
    /// </summary>
    public string? SigningKey { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    public string Issuer { get; set; } = "escalation";
}
