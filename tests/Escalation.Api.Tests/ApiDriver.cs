using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Escalation.Connectors;

namespace Escalation.Api.Tests;

/// <summary>What tests do with a running api: log in, call it as a user, post signed complaints.</summary>
public abstract class ApiDriver
{
    public const string Secret = "dev-secret";

    private readonly Dictionary<string, string> tokens = [];

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>The api's clock: connector timestamps are signed on it.</summary>
    public abstract TimeProvider Time { get; }

    protected void Connect(Uri baseAddress)
    {
        BaseAddress = baseAddress;
        Anonymous = new HttpClient { BaseAddress = baseAddress };
    }

    /// <summary>The password of the users the fixture made.</summary>
    protected virtual string Password => "demo";

    public async Task<string> Token(string username, string? password = null)
    {
        password ??= Password;
        if (!tokens.TryGetValue(username, out var token))
        {
            var response = await Anonymous.PostAsJsonAsync("/api/auth/login", new { username, password });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            tokens[username] = token;
        }

        return token;
    }

    public async Task<HttpClient> ClientFor(string username)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Token(username));
        return client;
    }

    /// <summary>
    /// A complaint's details (as a manager sees them) once they show what the test waits for: what settles a moment
    /// after the call that caused it, outside it (a delivery's outcome, reported by the silo that made the attempt).
    /// </summary>
    public Task<JsonElement> DetailsWhen(Guid complaint, Func<JsonElement, bool> done, TimeSpan? patience = null) =>
        GetWhen("manager1", $"/api/complaints/{complaint}", done, patience);

    /// <summary>What <paramref name="path"/> answers <paramref name="username"/> once it shows what the test waits for.</summary>
    public async Task<JsonElement> GetWhen(string username, string path, Func<JsonElement, bool> done, TimeSpan? patience = null)
    {
        using var client = await ClientFor(username);
        var giveUpAt = DateTimeOffset.UtcNow + (patience ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var answer = await client.GetFromJsonAsync<JsonElement>(path);
            if (done(answer) || DateTimeOffset.UtcNow > giveUpAt)
            {
                Assert.True(done(answer), $"{path} never got there: {answer}");
                return answer;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Posts a body to a connector endpoint, signed as a connector would sign it.</summary>
    public async Task<HttpResponseMessage> PostSigned(string channel, string body, string secret = Secret, long? timestamp = null, string? signature = null)
    {
        var stamp = (timestamp ?? Time.GetUtcNow().ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        using var request = SignedRequest.Create(SignedRequest.ComplaintsPath(channel), secret, Encoding.UTF8.GetBytes(body), stamp, signature);
        var response = await Anonymous.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>Posts a new complaint and returns its id.</summary>
    public async Task<Guid> NewComplaint(string? priority = "P1", string? text = null, string channel = "facebook")
    {
        var externalId = "fb-" + Guid.NewGuid().ToString("N");
        var response = await PostSigned(channel, JsonSerializer.Serialize(new
        {
            externalId,
            customer = new { id = "fb:" + externalId[3..11], name = "Mari Maasikas" },
            text = text ?? "Tellimus pole kolme nädala jooksul kohale jõudnud!",
            @public = true,
            priority,
        }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid();
    }
}
