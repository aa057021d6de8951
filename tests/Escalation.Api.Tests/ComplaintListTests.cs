using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Api.Tests;

/// <summary>
/// <c>GET /api/complaints</c>: pages from the complaint index, in deadline order, with every filter. Each test posts
/// through a channel of its own team, so that what it lists is what it made.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ComplaintListTests(ApiFixture fixture)
{
    private readonly string team = "list-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Rows_come_in_deadline_order_with_the_text_cut_at_280_characters()
    {
        using var manager = await Manager();
        var text = new string('x', 279) + "ÕÄÖÜ" + new string('y', 100);
        var p3 = await Post("P3", text);
        var p1 = await Post("P1", "Lühike kaebus");
        var p2 = await Post("P2", text);

        var (rows, total, next) = await Page(manager, $"team={team}");

        Assert.Equal([p1, p2, p3], rows.Select(Id));
        Assert.Equal(3, total);
        Assert.Null(next);
        Assert.Equal(("Lühike kaebus", false), (rows[0].GetProperty("text").GetString(), rows[0].GetProperty("textTruncated").GetBoolean()));
        Assert.Equal((text[..280], true), (rows[1].GetProperty("text").GetString(), rows[1].GetProperty("textTruncated").GetBoolean()));
        var detail = await manager.GetFromJsonAsync<JsonElement>($"/api/complaints/{p2}");
        Assert.Equal((text, false), (detail.GetProperty("text").GetString(), detail.GetProperty("textTruncated").GetBoolean()));
    }

    [Fact]
    public async Task A_page_goes_out_compressed_to_a_client_that_accepts_it_and_plain_to_one_that_does_not()
    {
        using var manager = await Manager();
        for (var i = 0; i < 5; i++)
        {
            await Post("P3", new string('x', 400));
        }

        foreach (var encoding in new[] { "br", "gzip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints?team={team}");
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await manager.SendAsync(request);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            var wire = await response.Content.ReadAsByteArrayAsync();
            await using var decoded = encoding == "br"
                ? (Stream)new System.IO.Compression.BrotliStream(new MemoryStream(wire), System.IO.Compression.CompressionMode.Decompress)
                : new System.IO.Compression.GZipStream(new MemoryStream(wire), System.IO.Compression.CompressionMode.Decompress);
            var rows = await JsonSerializer.DeserializeAsync<JsonElement>(decoded);
            Assert.Equal(5, rows.GetArrayLength());
            Assert.True(wire.Length * 4 < JsonSerializer.SerializeToUtf8Bytes(rows).Length, $"{encoding}: {wire.Length} bytes on the wire");
        }

        using var plain = await manager.GetAsync(new Uri($"/api/complaints?team={team}", UriKind.Relative));
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(5, (await plain.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
    }

    [Fact]
    public async Task Paging_lists_every_unchanged_complaint_once_while_others_come_and_go()
    {
        using var manager = await Manager();
        var original = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            original.Add(await Post(i % 2 == 0 ? "P2" : "P3", $"Kaebus {i}"));
        }

        var seen = new List<Guid>();
        var (rows, total, next) = await Page(manager, $"team={team}&limit=10");
        Assert.Equal(25, total);
        seen.AddRange(rows.Select(Id));
        var resolved = new List<Guid>();
        var pages = 1;
        while (next is not null)
        {
            // Between pages: urgent complaints arrive (they sort before the cursor) and listed and unlisted ones are resolved.
            await Post("P1", "Uus kiire kaebus");
            var unlisted = original.Except(seen).Except(resolved).First();
            foreach (var id in new[] { unlisted, seen[^1] })
            {
                (await manager.PostAsJsonAsync($"/api/complaints/{id}/resolve", new { note = "Done" })).EnsureSuccessStatusCode();
                resolved.Add(id);
            }

            (rows, _, next) = await Page(manager, next.Query.TrimStart('?'));
            seen.AddRange(rows.Select(Id));
            pages++;
        }

        Assert.True(pages >= 3, $"{pages} pages");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(original.Except(resolved).Except(seen));
    }

    [Fact]
    public async Task Every_filter_narrows_the_rows()
    {
        using var admin = await fixture.ClientFor("admin");
        var agent = $"{team}-agent";
        (await admin.PutAsJsonAsync($"/api/users/{agent}", new { role = "agent", team, password = "a-long-enough-password" })).EnsureSuccessStatusCode();
        using var manager = await Manager();
        var billing = await Post("P2", "Arvel on topeltmakse, raha tagasi palun", isPublic: false);
        var delivery = await Post("P1", "Kõrvaklapid jäid kullerile kinni, pakk ei jõudnud kohale");
        var other = await Post("P4", "Parkla on liiga väike", channel: "web");
        (await manager.PostAsJsonAsync($"/api/complaints/{billing}/assign", new { agent })).EnsureSuccessStatusCode();

        Assert.Equal([billing], await Ids(manager, $"assignee={agent}"));
        Assert.Equal([delivery, other], await Ids(manager, "assignee=none"));
        Assert.Equal([delivery], await Ids(manager, "priority=P1"));
        Assert.Equal([other], await Ids(manager, $"channel={team}-web"));
        Assert.Equal([billing], await Ids(manager, "topic=billing"));
        Assert.Equal([billing], await Ids(manager, "status=assigned"));
        Assert.Equal([delivery], await Ids(manager, $"dueBefore={Uri.EscapeDataString(fixture.Clock.GetUtcNow().AddMinutes(30).ToString("O"))}"));
        Assert.Equal([delivery], await Ids(manager, "q=KORVAKLAPID"));
        Assert.Equal([delivery], await Ids(manager, "q=kõrvaklapid%20jäid"));
        Assert.Equal([delivery, billing, other], await Ids(manager, $"q={team}-customer"));
        Assert.Empty(await Ids(manager, "escalated=true"));

        // The P1 is warned of (at risk, as the billing complaint, due in an hour, is not yet), then misses its first response;
        // acknowledging the escalation takes it off the escalated list again.
        Assert.Empty(await Ids(manager, "atRisk=true"));
        await fixture.Advance(TimeSpan.FromMinutes(12));
        Assert.Equal([delivery], await Ids(manager, "atRisk=true"));
        await fixture.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal([delivery], await Ids(manager, "escalated=true"));
        (await manager.PostAsJsonAsync($"/api/complaints/{delivery}/escalation/acknowledge", new { })).EnsureSuccessStatusCode();
        Assert.Empty(await Ids(manager, "escalated=true"));

        (await manager.PostAsJsonAsync($"/api/complaints/{other}/resolve", new { note = "Parkla laiendatakse" })).EnsureSuccessStatusCode();
        Assert.Equal([other], await Ids(manager, "status=resolved"));
        Assert.Equal([delivery, billing], await Ids(manager, ""));
    }

    [Fact]
    public async Task Agents_list_their_own_team_and_bad_parameters_are_named()
    {
        (await Manager()).Dispose();
        await Post("P2", "Teise meeskonna kaebus");
        using var agent = await fixture.ClientFor("agent1");
        Assert.DoesNotContain((await Page(agent, "limit=500")).Rows, row => row.GetProperty("team").GetString() == team);
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await agent.GetAsync(new Uri($"/api/complaints?team={team}", UriKind.Relative)));

        foreach (var (query, field) in new[]
        {
            ("limit=0", "limit"), ("limit=501", "limit"), ("cursor=not-a-cursor", "cursor"), ("priority=P9", "priority"), ("status=bogus", "status"),
            ("topic=1", "topic"), ("escalated=maybe", "escalated"), ("dueBefore=0001-01-02T00:00:00Z", "dueBefore"),
        })
        {
            var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, await agent.GetAsync(new Uri($"/api/complaints?{query}", UriKind.Relative)));
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{query} names {field}");
        }
    }

    private static Guid Id(JsonElement row) => row.GetProperty("id").GetGuid();

    private async Task<HttpClient> Manager()
    {
        using var admin = await fixture.ClientFor("admin");
        foreach (var channel in new[] { $"{team}-facebook", $"{team}-web" })
        {
            (await admin.PutAsJsonAsync($"/api/channels/{channel}", new { secret = "list-secret", team })).EnsureSuccessStatusCode();
        }

        return await fixture.ClientFor("manager1");
    }

    private async Task<Guid> Post(string priority, string text, bool isPublic = true, string channel = "facebook")
    {
        var externalId = Guid.NewGuid().ToString("N");
        var response = await fixture.PostSigned($"{team}-{channel}", JsonSerializer.Serialize(new
        {
            externalId,
            customer = new { id = $"{team}-customer-{externalId[..6]}", name = "Mari Maasikas" },
            text,
            @public = isPublic,
            priority,
        }), secret: "list-secret");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid();
    }

    private async Task<List<Guid>> Ids(HttpClient client, string query) => [.. (await Page(client, $"team={team}&{query}")).Rows.Select(Id)];

    private static async Task<(List<JsonElement> Rows, int Total, Uri? Next)> Page(HttpClient client, string query)
    {
        using var response = await client.GetAsync(new Uri($"/api/complaints?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var next = response.Headers.TryGetValues("Link", out var links)
            ? new Uri(new Uri("http://api"), links.Single().Split('>')[0].TrimStart('<'))
            : null;
        var total = int.Parse(response.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);
        return ([.. (await response.Content.ReadFromJsonAsync<JsonElement[]>())!], total, next);
    }
}
