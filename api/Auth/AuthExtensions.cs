using System.Security.Claims;
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
    /// it was issued under.
    /// </summary>
    public static WebApplicationBuilder AddEscalationAuth(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[$"{AuthOptions.SectionName}:SigningKey"];
        if (SigningKey.Refuse(configured, required: !EscalationProfile.IsEmbeddedDefault(builder.Configuration)) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.SectionName));
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
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
                jwt.Events = new JwtBearerEvents { OnMessageReceived = ReadTokenOutsideTheHeader, OnTokenValidated = RequireCurrentStamp };
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

    private static Task ReadTokenOutsideTheHeader(MessageReceivedContext context)
    {
        var request = context.HttpContext.Request;
        if (Array.Exists(QueryTokenPaths, path => request.Path.StartsWithSegments(path)))
        {
            context.Token = request.Query["access_token"].FirstOrDefault() ?? request.Cookies[DashboardExtensions.TokenCookie];
        }

        return Task.CompletedTask;
    }
}
