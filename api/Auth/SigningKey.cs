using System.Text;
using Escalation.Directory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Escalation.Api.Auth;

/// <summary>
/// The key tokens are signed and checked with: the configured one, else (embedded default) the cluster's random key,
/// which the directory makes once and every api instance loads before it is ready. Until then no token is valid.
/// </summary>
internal sealed class SigningKey(IOptions<AuthOptions> options)
{
    private SymmetricSecurityKey? key = options.Value.SigningKey is { } configured ? Of(configured) : null;

    /// <summary>The key, or null while the cluster's key has not been loaded.</summary>
    public SymmetricSecurityKey? Current => key;

    /// <summary>Loads the cluster's key when none is configured; safe to call again.</summary>
    public async Task Load(IDirectoryGrain directory) => key ??= Of(await directory.GetSigningKey());

    /// <summary>Why a configured key may not be used, or null when it may.</summary>
    public static string? Refuse(string? configured, bool required) => configured switch
    {
        null when !required => null,
        { Length: >= AuthOptions.MinimumSigningKeyLength } when !AuthOptions.PublishedKeys.Contains(configured) => null,
        { Length: >= AuthOptions.MinimumSigningKeyLength } =>
            "Escalation__Auth__SigningKey is an example key published in this repository; anyone could sign tokens with it. Generate one, e.g. head -c 48 /dev/urandom | base64 -w0.",
        _ => $"Escalation__Auth__SigningKey is required outside the embedded default, at least {AuthOptions.MinimumSigningKeyLength} characters.",
    };

    private static SymmetricSecurityKey Of(string secret) => new(Encoding.UTF8.GetBytes(secret));
}
