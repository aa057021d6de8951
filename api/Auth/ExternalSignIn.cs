using System.Security.Claims;
using Escalation.Api.Json;
using Escalation.Directory;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Escalation.Api.Auth;

/// <summary>
/// Sign-in through an external OpenID Connect provider beside local accounts, off unless
/// <c>Escalation:Auth:Oidc:Authority</c> is set. The console sends the provider's access token as it would a local
/// one; its keys come from the provider's discovery document, and its claims name the user, role and team. Such users
/// are not in the directory: the provider ends their sessions, not the security stamp.
/// </summary>
internal static class ExternalSignIn
{
    public const string Scheme = "oidc";
    public const string ProviderClaim = "idp";
    private const string Selector = "bearer";

    /// <summary>Bound from <c>Escalation:Auth:Oidc</c>.</summary>
    internal sealed class OidcOptions
    {
        public const string SectionName = $"{AuthOptions.SectionName}:Oidc";

        /// <summary>The provider's issuer URL, whose <c>/.well-known/openid-configuration</c> names its keys.</summary>
        public string? Authority { get; set; }

        /// <summary>The audience the provider's tokens carry for this api.</summary>
        public string? Audience { get; set; }

        public string UsernameClaim { get; set; } = "preferred_username";

        /// <summary>Its value is <c>agent</c>, <c>supervisor</c>, <c>manager</c> or <c>admin</c>; a token without one is refused.</summary>
        public string RoleClaim { get; set; } = "role";

        public string TeamClaim { get; set; } = "team";

        /// <summary>Only a test's local provider may be reached over plain http.</summary>
        public bool RequireHttpsMetadata { get; set; } = true;
    }

    /// <summary>
    /// Adds the provider's scheme and makes the default one choose by the token's issuer: the api's own tokens go to
    /// the local scheme as before. Returns the default scheme's name.
    /// </summary>
    public static string Add(AuthenticationBuilder authentication, IConfiguration configuration, string local, Func<HttpContext, string?> tokenOf)
    {
        var options = configuration.GetSection(OidcOptions.SectionName).Get<OidcOptions>();
        if (options?.Authority is not { Length: > 0 } authority)
        {
            return local;
        }

        var issuer = configuration[$"{AuthOptions.SectionName}:Issuer"] ?? new AuthOptions().Issuer;
        authentication.AddJwtBearer(Scheme, jwt =>
        {
            jwt.Authority = authority;
            jwt.Audience = options.Audience;
            jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters { NameClaimType = ConsoleUser.UsernameClaim, RoleClaimType = ConsoleUser.RoleClaim };
            jwt.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    context.Token = tokenOf(context.HttpContext);
                    return Task.CompletedTask;
                },
                OnTokenValidated = context => Translate(context, options),
            };
        });
        authentication.AddPolicyScheme(Selector, null, policy => policy.ForwardDefaultSelector = http =>
            tokenOf(http) is { } token && IssuerOf(token) is { } tokenIssuer && tokenIssuer != issuer ? Scheme : local);
        return Selector;
    }

    /// <summary>The provider's claims in the api's own terms (<see cref="ConsoleUser"/>), or a failure.</summary>
    private static Task Translate(TokenValidatedContext context, OidcOptions options)
    {
        var principal = context.Principal!;
        var username = principal.FindFirstValue(options.UsernameClaim) ?? principal.FindFirstValue("sub");
        if (username is null || !Enum.TryParse<UserRole>(principal.FindFirstValue(options.RoleClaim), ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            context.Fail("The provider's token names no user or no role of agent, supervisor, manager or admin.");
            return Task.CompletedTask;
        }

        var team = principal.FindFirstValue(options.TeamClaim);
        if (role is UserRole.Agent or UserRole.Supervisor && team is null)
        {
            context.Fail("The provider's token gives an agent or supervisor no team.");
            return Task.CompletedTask;
        }

        List<Claim> claims =
        [
            new(ConsoleUser.UsernameClaim, username),
            new(ConsoleUser.RoleClaim, JsonSetup.ToCamelCase(role.ToString())),
            new(ProviderClaim, Scheme),
        ];
        if (team is not null)
        {
            claims.Add(new Claim(ConsoleUser.TeamClaim, team));
        }

        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ConsoleUser.UsernameClaim, ConsoleUser.RoleClaim));
        return Task.CompletedTask;
    }

    private static string? IssuerOf(string token)
    {
        try
        {
            return new JsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
