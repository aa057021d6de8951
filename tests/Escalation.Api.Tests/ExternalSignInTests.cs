using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Escalation.Api.Tests;

/// <summary>
/// Sign-in through an external OpenID Connect provider: a small issuer started here (its discovery document and
/// keys on Kestrel) signs tokens, and an api configured for it takes them beside its own.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ExternalSignInTests(ApiFixture fixture)
{
    private const string Audience = "escalation-console";

    [Fact]
    public async Task Tokens_of_the_configured_provider_sign_users_in_with_the_role_and_team_their_claims_give()
    {
        using var key = RSA.Create(2048);
        await using var issuer = await Issuer.Start(key);
        var (api, address) = await fixture.StartAnotherApi(new Dictionary<string, string>
        {
            ["Escalation:Auth:Oidc:Authority"] = issuer.Url,
            ["Escalation:Auth:Oidc:Audience"] = Audience,
            ["Escalation:Auth:Oidc:RequireHttpsMetadata"] = "false",
        });
        await using var _ = api;
        async Task<HttpStatusCode> Get(string path, string token)
        {
            using var client = new HttpClient { BaseAddress = address };
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            return (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode;
        }

        var supervisor = issuer.Sign(key, ("preferred_username", "ext-sup"), ("role", "supervisor"), ("team", "care"));
        Assert.Equal(HttpStatusCode.OK, await Get("/api/teams/care", supervisor));
        Assert.Equal(HttpStatusCode.Forbidden, await Get("/api/teams/billing", supervisor));
        Assert.Equal(HttpStatusCode.Forbidden, await Get("/api/users", supervisor));
        Assert.Equal(HttpStatusCode.OK, await Get("/api/users", issuer.Sign(key, ("preferred_username", "ext-admin"), ("role", "admin"))));

        Assert.Equal(HttpStatusCode.Unauthorized, await Get("/api/complaints", issuer.Sign(key, ("preferred_username", "ext-x"), ("role", "wizard"))));
        Assert.Equal(HttpStatusCode.Unauthorized, await Get("/api/complaints", issuer.Sign(key, ("preferred_username", "ext-y"), ("role", "agent"))));
        using var stranger = RSA.Create(2048);
        Assert.Equal(HttpStatusCode.Unauthorized, await Get("/api/complaints", issuer.Sign(stranger, ("preferred_username", "ext-z"), ("role", "admin"))));

        // Local accounts go on as before, on this instance and on one without a provider, which refuses the provider's tokens.
        Assert.Equal(HttpStatusCode.OK, await Get("/api/complaints", await fixture.Token("agent1")));
        using var elsewhere = new HttpClient { BaseAddress = fixture.BaseAddress };
        elsewhere.DefaultRequestHeaders.Authorization = new("Bearer", supervisor);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync(new Uri("/api/complaints", UriKind.Relative))).StatusCode);
    }

    /// <summary>The provider: its discovery document and its public key (JWKS), served on a loopback port.</summary>
    private sealed class Issuer(WebApplication app, string url) : IAsyncDisposable
    {
        public string Url { get; } = url;

        public static async Task<Issuer> Start(RSA key)
        {
            var url = $"http://127.0.0.1:{ApiHost.FreePort()}";
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(url);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            var app = builder.Build();
            var parameters = key.ExportParameters(includePrivateParameters: false);
            app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = url,
                ["jwks_uri"] = $"{url}/jwks",
            }));
            app.MapGet("/jwks", () => Results.Json(new
            {
                keys = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = "test-key",
                        ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            }));
            await app.StartAsync();
            return new Issuer(app, url);
        }

        public string Sign(RSA key, params (string Type, string Value)[] claims) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Url,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString()), .. claims.Select(claim => new Claim(claim.Type, claim.Value))]),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
        });

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
