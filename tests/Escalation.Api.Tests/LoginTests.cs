using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Escalation.Api.Auth;
using Escalation.Directory;

namespace Escalation.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class LoginTests(ApiFixture fixture)
{
    private const string Password = "a-long-enough-password";

    [Fact]
    public async Task An_unknown_username_costs_as_long_as_a_wrong_password()
    {
        async Task<TimeSpan> Median(string username)
        {
            var times = new List<TimeSpan>();
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.PostAsJsonAsync("/api/auth/login", new { username, password = "not-the-password" })).StatusCode);
                times.Add(watch.Elapsed);
            }

            return times.Order().ElementAt(2);
        }

        var known = await Median("agent2");
        var unknown = await Median("nobody-of-that-name");

        // Hashing is most of a login's time (hundreds of milliseconds); skipping it for unknown names made them ~100x faster.
        // A quarter leaves room for a busy machine and still tells the two apart.
        Assert.True(unknown > known / 4, $"unknown user {unknown.TotalMilliseconds} ms, wrong password {known.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_password_hashed_with_fewer_iterations_still_signs_in_and_is_rehashed_without_ending_tokens()
    {
        const string username = "old-hash";
        var directory = fixture.Cluster.GetGrain<IDirectoryGrain>(0);
        await directory.PutUser(new UserRecord(username, UserRole.Agent, "care", PasswordHasher.Hash(Password, iterations: 100_000)));

        var first = await SignIn(username, Password);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.StartsWith($"pbkdf2-sha256${PasswordHasher.Iterations}$", (await directory.GetUser(username))!.PasswordHash, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await SignIn(username, Password)).StatusCode);
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/complaints", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_new_password_shorter_than_twelve_characters_is_refused()
    {
        using var admin = await fixture.ClientFor("admin");
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, await admin.PutAsJsonAsync("/api/users/short-pass", new { role = "agent", team = "care", password = "elevenchars" }));
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsJsonAsync("/api/users/short-pass", new { role = "agent", team = "care", password = "twelve-chars" })).StatusCode);
    }

    [Theory]
    [InlineData("LoginsPerMinute", HttpStatusCode.TooManyRequests)]
    [InlineData("LoginsPerMinutePerAccount", HttpStatusCode.OK)]
    public async Task Too_many_logins_from_one_address_or_to_one_account_are_refused_with_retry_after(string limit, HttpStatusCode otherAccount)
    {
        var (api, address) = await fixture.StartAnotherApi(new Dictionary<string, string> { [$"Escalation:RateLimits:{limit}"] = "3" });
        await using var _ = api;
        using var http = new HttpClient { BaseAddress = address };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await http.PostAsJsonAsync("/api/auth/login", new { username = "agent2", password = "guess-" + i })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        var refused = await http.PostAsJsonAsync("/api/auth/login", new { username = "AGENT2", password = "demo" });
        await ProblemAssert.Is(HttpStatusCode.TooManyRequests, refused);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(otherAccount, (await http.PostAsJsonAsync("/api/auth/login", new { username = "supervisor1", password = "demo" })).StatusCode);
    }

    private Task<HttpResponseMessage> SignIn(string username, string password) =>
        fixture.Anonymous.PostAsJsonAsync("/api/auth/login", new { username, password });
}
