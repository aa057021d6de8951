using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Escalation.Api.Tests;

/// <summary>Tokens are signed with a key nobody has read, and count only while their user stays as they were.</summary>
[Collection(ApiCollection.Name)]
public sealed class TokenTests(ApiFixture fixture)
{
    private const string Password = "long-enough-password";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task An_admin_token_signed_with_the_once_published_development_key_is_refused()
    {
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "escalation",
            Audience = "escalation",
            Subject = new ClaimsIdentity([new Claim("sub", "admin"), new Claim("role", "admin")]),
            Expires = fixture.Clock.GetUtcNow().UtcDateTime.AddHours(1),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes("escalation-embedded-default-signing-key-not-a-secret")), SecurityAlgorithms.HmacSha256),
        });
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", forged);
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await client.GetAsync(new Uri("/api/users", UriKind.Relative)));
    }

    [Theory]
    [InlineData("at-least-32-characters-of-secret-key", true)]
    [InlineData("local-cluster-signing-key-change-me-please", true)]
    [InlineData("local-cluster-signing-key-change-me-please", false)]
    public void A_key_published_as_an_example_is_refused_at_start(string key, bool durable)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Escalation:Auth:SigningKey", key);
            if (durable)
            {
                host.UseSetting("ConnectionStrings:Escalation", "Host=127.0.0.1;Database=escalation");
            }
        });
        var refused = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.Contains("example key published", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_instances_of_one_embedded_cluster_accept_each_others_tokens()
    {
        var (other, address) = await fixture.StartAnotherApi();
        await using var _ = other;
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.Token("agent1"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/complaints", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("role")]
    [InlineData("team")]
    [InlineData("password")]
    [InlineData("delete")]
    public async Task A_changed_or_deleted_user_loses_tokens_and_hub_connections_within_five_seconds(string change)
    {
        var username = $"stamp-{change}";
        using var admin = await CreateAgent(username);
        var (token, hub, closed) = await SignIn(fixture.BaseAddress, username);
        await using var _ = hub;

        var changed = Stopwatch.StartNew();
        (change switch
        {
            "role" => await admin.PutAsJsonAsync($"/api/users/{username}", new { role = "supervisor", team = "care" }),
            "team" => await admin.PutAsJsonAsync($"/api/users/{username}", new { role = "agent", team = "billing" }),
            "password" => await admin.PutAsJsonAsync($"/api/users/{username}", new { role = "agent", team = "care", password = Password + "-new" }),
            _ => await admin.DeleteAsync(new Uri($"/api/users/{username}", UriKind.Relative)),
        }).EnsureSuccessStatusCode();

        await UntilRefused(fixture.BaseAddress, token, changed);
        await closed.WaitAsync(Bound - changed.Elapsed);
    }

    [Fact]
    public async Task A_change_made_through_one_api_instance_ends_the_users_session_on_another_within_five_seconds()
    {
        const string username = "stamp-elsewhere";
        using var admin = await CreateAgent(username);
        var (other, address) = await fixture.StartAnotherApi();
        await using var _ = other;
        var (token, hub, closed) = await SignIn(address, username);
        await using var __ = hub;
        Assert.Equal(HttpStatusCode.OK, (await Get(address, token)).StatusCode);

        var changed = Stopwatch.StartNew();
        (await admin.PutAsJsonAsync($"/api/users/{username}", new { role = "agent", team = "returns" })).EnsureSuccessStatusCode();

        await UntilRefused(address, token, changed);
        await closed.WaitAsync(Bound - changed.Elapsed);
    }

    [Fact]
    public async Task A_user_whose_record_is_unchanged_keeps_their_token()
    {
        const string username = "stamp-same";
        using var admin = await CreateAgent(username);
        var token = await fixture.Token(username, Password);
        (await admin.PutAsJsonAsync($"/api/users/{username}", new { role = "agent", team = "care" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await Get(fixture.BaseAddress, token)).StatusCode);
    }

    /// <summary>Creates an agent of team care and returns the admin's client that did.</summary>
    private async Task<HttpClient> CreateAgent(string username)
    {
        var admin = await fixture.ClientFor("admin");
        (await admin.PutAsJsonAsync($"/api/users/{username}", new { role = "agent", team = "care", password = Password })).EnsureSuccessStatusCode();
        return admin;
    }

    private static async Task<(string Token, HubConnection Hub, Task Closed)> SignIn(Uri api, string username)
    {
        using var anonymous = new HttpClient { BaseAddress = api };
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { username, password = Password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(api, "/hubs/console"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await hub.StartAsync();
        return (token, hub, closed.Task);
    }

    /// <summary>Asks every 100 ms until the token is refused, failing once the contract's 5 s have passed.</summary>
    private static async Task UntilRefused(Uri api, string token, Stopwatch since)
    {
        while ((await Get(api, token)).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(since.Elapsed < Bound, $"the token still worked {since.Elapsed} after the change");
            await Task.Delay(100);
        }
    }

    private static async Task<HttpResponseMessage> Get(Uri api, string token)
    {
        using var client = new HttpClient { BaseAddress = api };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return await client.GetAsync(new Uri("/api/complaints", UriKind.Relative));
    }
}
