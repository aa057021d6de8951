using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Escalation.Api.Auth;

internal static class AuthExtensions
{
    /// <summary>Paths whose clients cannot set an Authorization header: SignalR's browser transports, the dashboard.</summary>
    private static readonly string[] QueryTokenPaths = ["/hubs", DashboardExtensions.Path];

    /// <summary>
    /// Bearer tokens signed with <c>Escalation:Auth:SigningKey</c>. The embedded default falls back to a fixed
    /// development key; any other profile refuses to start without a key of at least 32 characters.
    /// </summary>
    public static WebApplicationBuilder AddEscalationAuth(this WebApplicationBuilder builder)
    {
        var embedded = EscalationProfile.IsEmbeddedDefault(builder.Configuration);
        var configured = builder.Configuration[$"{AuthOptions.SectionName}:SigningKey"];
        if (!embedded && configured is not { Length: >= AuthOptions.MinimumSigningKeyLength })
        {
            throw new InvalidOperationException(
                $"Escalation__Auth__SigningKey is required outside the embedded default, at least {AuthOptions.MinimumSigningKeyLength} characters.");
        }

        builder.Services.AddOptions<AuthOptions>()
            .Bind(builder.Configuration.GetSection(AuthOptions.SectionName))
            .PostConfigure(options => options.SigningKey ??= AuthOptions.EmbeddedDefaultSigningKey);

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, TimeProvider>((jwt, auth, time) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Issuer,
                    IssuerSigningKey = TokenIssuer.KeyOf(auth.Value),
                    NameClaimType = ConsoleUser.UsernameClaim,
                    RoleClaimType = ConsoleUser.RoleClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),

                    // Lifetimes are checked on the api's own clock, the one that issues tokens.
                    LifetimeValidator = (notBefore, expires, _, parameters) => IsCurrent(notBefore, expires, time.GetUtcNow().UtcDateTime, parameters.ClockSkew),
                };
                jwt.Events = new JwtBearerEvents { OnMessageReceived = ReadTokenOutsideTheHeader };
            });
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.AddSingleton<TokenIssuer>();
        return builder;
    }

    private static bool IsCurrent(DateTime? notBefore, DateTime? expires, DateTime now, TimeSpan skew) =>
        (notBefore is null || notBefore <= now + skew) && expires is { } end && end > now - skew;

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
