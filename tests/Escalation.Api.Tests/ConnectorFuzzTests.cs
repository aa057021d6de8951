using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Escalation.Api.Tests;

/// <summary>
/// The connector endpoint against random and hostile bodies, signed as a real connector signs (so that they reach
/// the parser and the checks) and a few not: each is refused with 400, 401 or 413, never a 5xx, and nothing is
/// stored. The randomness is seeded: a failure repeats.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ConnectorFuzzTests(ApiFixture fixture)
{
    private const string Channel = "fuzz-mail";
    private const string ChannelSecret = "fuzz-secret";

    /// <summary>Each makes an otherwise valid body invalid in one way; the rest of the body is random.</summary>
    private static readonly Action<JsonObject, Random>[] Breakers =
    [
        (body, _) => body.Remove("externalId"),
        (body, _) => body.Remove("text"),
        (body, random) => body["externalId"] = random.Next(2) == 0 ? "" : new string('e', 201),
        (body, random) => body["externalId"] = "id\u0000with-control" + random.Next(),
        (body, _) => body["customer"] = JsonValue.Create(42),
        (body, _) => body["customer"] = new JsonObject { ["name"] = "no id" },
        (body, _) => body["text"] = new string('ä', 10_001),
        (body, _) => body["text"] = "nul \u0000 inside",
        (body, _) => body["text"] = "   ",
        (body, random) => body["createdAt"] = random.Next(3) switch { 0 => "0001-01-01T00:00:00Z", 1 => "9999-12-31T00:00:00Z", _ => "yesterday" },
        (body, _) => body["createdAt"] = "2099-01-01T00:00:00.000Z",
        (body, random) => body["priority"] = random.Next(2) == 0 ? "P0" : "urgent",
        (body, _) => body["language"] = "klingon",
        (body, random) => body["url"] = random.Next(3) switch { 0 => "javascript:alert(1)", 1 => "file:///etc/passwd", _ => "https://" + new string('u', 3000) },
        (body, _) => body["public"] = "yes",
        (body, _) => body["inReplyTo"] = new JsonArray(1, 2),
    ];

    private static readonly string[] Hostile =
    [
        "<script>alert(1)</script>", "' OR 1=1; --", "${jndi:ldap://x}", "=cmd|' /C calc'!A0", "\ud83d\ude00", "\u202etxt.exe", "../../etc/passwd", "%00", "\r\n\r\nHTTP/1.1 200",
    ];

    [Fact]
    public async Task Random_and_hostile_bodies_are_refused_without_a_server_error_and_store_nothing()
    {
        using var admin = await fixture.ClientFor("admin");
        (await admin.PutAsJsonAsync($"/api/channels/{Channel}", new { secret = ChannelSecret, team = "fuzz-team" })).EnsureSuccessStatusCode();
        var random = new Random(20261130);
        var failures = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            var (body, signed) = (i % 10) switch
            {
                0 => (RandomBytes(random), true),
                1 => (Encoding.UTF8.GetBytes(Structural(random)), true),
                2 => (Encoding.UTF8.GetBytes(Broken(random).ToJsonString()), false),
                _ => (Encoding.UTF8.GetBytes(Broken(random).ToJsonString()), true),
            };
            var response = await fixture.PostSigned(Channel, Encoding.UTF8.GetString(body), ChannelSecret, signature: signed ? null : "sha256=" + Convert.ToHexStringLower(RandomBytes(random)));
            if ((int)response.StatusCode is not (400 or 401 or 413))
            {
                failures.Add($"#{i} {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 200)]}");
            }
        }

        Assert.Empty(failures);
        using var manager = await fixture.ClientFor("manager1");
        foreach (var status in new[] { "open", "resolved", "closed" })
        {
            Assert.Empty((await manager.GetFromJsonAsync<JsonElement[]>($"/api/complaints?team=fuzz-team&status={status}"))!);
        }
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 300)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>JSON that is broken in shape: cut short, nested past any depth, the wrong kind of value at the top.</summary>
    private static string Structural(Random random) => random.Next(6) switch
    {
        0 => Broken(random).ToJsonString()[..random.Next(1, 20)],
        1 => new string('[', 5_000) + new string(']', 5_000),
        2 => "{\"externalId\":" + new string('{', 2_000),
        3 => "\"just a string\"",
        4 => "1e99999",
        _ => "{\"externalId\":\"a\",\"externalId\":{},\"customer\":{\"id\":\"c\"},\"text\":\"t\"}",
    };

    /// <summary>A body with random, often hostile, values, made invalid by one of <see cref="Breakers"/>.</summary>
    private static JsonObject Broken(Random random)
    {
        string Text() => random.Next(3) == 0 ? Hostile[random.Next(Hostile.Length)] : Guid.NewGuid().ToString("N")[..random.Next(1, 32)];
        var body = new JsonObject
        {
            ["externalId"] = "fuzz-" + Text(),
            ["customer"] = new JsonObject { ["id"] = "fuzz:" + Text(), ["name"] = Text() },
            ["text"] = Text(),
        };
        if (random.Next(2) == 0)
        {
            body["public"] = random.Next(2) == 0;
        }

        if (random.Next(3) == 0)
        {
            body[Text()] = Text();
        }

        Breakers[random.Next(Breakers.Length)](body, random);
        return body;
    }
}
