using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Escalation.Api.Auth;

internal static class AuthExtensions
{
    /// <summary>Paths whose clients cannot set an Authorization header: SignalR's browser transports, the dashboard.</summary>
    private static readonly string[] QueryTokenPaths = ["/hubs", DashboardExtensions.Path];

    /// <summary>
    /// Bearer tokens signed with <c>Escalation:Auth:SigningKey</c>, or in the embedded default without one with the
    /// cluster's random key; any other profile refuses to start without a key of at least 32 characters, and every
    /// profile refuses a key published in this repository. A token counts only while its user exists with the stamp
    /// it was issued under. An external OpenID Connect provider may sign users in too (<see cref="ExternalSignIn"/>).
    /// </summary>
    public static WebApplicationBuilder AddEscalationAuth(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[$"{AuthOptions.SectionName}:SigningKey"];
        if (SigningKey.Refuse(configured, required: !EscalationProfile.IsEmbeddedDefault(builder.Configuration)) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.SectionName));
        var authentication = builder.Services.AddAuthentication().AddJwtBearer();
        var scheme = ExternalSignIn.Add(authentication, builder.Configuration, JwtBearerDefaults.AuthenticationScheme, TokenOf);
        builder.Services.Configure<AuthenticationOptions>(options => options.DefaultScheme = scheme);
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, SigningKey, TimeProvider>((jwt, auth, key, time) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Issuer,
                    IssuerSigningKeyResolver = (_, _, _, _) => key.Current is { } current ? [current] : [],
                    NameClaimType = ConsoleUser.UsernameClaim,
                    RoleClaimType = ConsoleUser.RoleClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),

                    // Lifetimes are checked on the api's own clock, the one that issues tokens.
                    LifetimeValidator = (notBefore, expires, _, parameters) => IsCurrent(notBefore, expires, time.GetUtcNow().UtcDateTime, parameters.ClockSkew),
                };
                jwt.Events = new JwtBearerEvents { OnMessageReceived = ReadToken, OnTokenValidated = RequireCurrentStamp };
            });
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddSingleton<SigningKey>();
        builder.Services.AddSingleton<UserStamps>();
        builder.Services.AddSingleton<TokenIssuer>();
        return builder;
    }

    private static bool IsCurrent(DateTime? notBefore, DateTime? expires, DateTime now, TimeSpan skew) =>
        (notBefore is null || notBefore <= now + skew) && expires is { } end && end > now - skew;

    private static async Task RequireCurrentStamp(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var stamps = context.HttpContext.RequestServices.GetRequiredService<UserStamps>();
        if (!await stamps.IsCurrent(ConsoleUser.From(principal).Username, principal.FindFirstValue(ConsoleUser.StampClaim)))
        {
            context.Fail("The user was deleted, or their role, team or password changed: sign in again.");
        }
    }

    private static Task ReadToken(MessageReceivedContext context)
    {
        context.Token = TokenOf(context.HttpContext);
        return Task.CompletedTask;
    }

    /// <summary>The bearer token of the Authorization header, or on paths whose clients cannot set one, of the query or the dashboard's cookie.</summary>
    private static string? TokenOf(HttpContext http)
    {
        var request = http.Request;
        const string bearer = "Bearer ";
        if (request.Headers.Authorization.FirstOrDefault() is { } header && header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return header[bearer.Length..].Trim();
        }

        return Array.Exists(QueryTokenPaths, path => request.Path.StartsWithSegments(path))
            ? request.Query["access_token"].FirstOrDefault() ?? request.Cookies[DashboardExtensions.TokenCookie]
            : null;
    }
}
