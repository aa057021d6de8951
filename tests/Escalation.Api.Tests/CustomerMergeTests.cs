using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Api.Tests;

/// <summary>One customer across channels: ids sharing an e-mail or phone are suggested, and a supervisor merges them.</summary>
[Collection(ApiCollection.Name)]
public sealed class CustomerMergeTests(ApiFixture fixture)
{
    [Fact]
    public async Task Ids_sharing_an_email_or_phone_are_suggested_and_once_merged_history_counts_and_persistent_dissatisfaction_span_them()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (facebook, mail, x) = ($"fb:{tag}", $"mail:mari.{tag}@example.com", $"x:{tag}");
        var digits = (BitConverter.ToUInt32(Guid.NewGuid().ToByteArray()) % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        var first = await Post(facebook, new { id = facebook, name = "Mari", email = $" Mari.{tag}@Example.COM ", phone = $"+372 (5) {digits[..3]}-{digits[3..]}" });
        var second = await Post(mail, new { id = mail, email = $"mari.{tag}@example.com" });
        await Post(x, new { id = x, phone = $"+3725{digits}" });
        using var supervisor = await fixture.ClientFor("supervisor1");
        using var agent = await fixture.ClientFor("agent1");

        Assert.Equal([mail, x], await Suggested(supervisor, facebook));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync(Path(facebook) + "/suggested-merges")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync(Path(facebook) + "/merge", new { other = mail })).StatusCode);
        Assert.False((await Profile(supervisor, facebook)).GetProperty("persistentDissatisfaction").GetBoolean());

        var merged = await Merge(supervisor, facebook, mail);
        Assert.Equal(facebook, merged.GetProperty("id").GetString());
        Assert.Equal([facebook, mail], Strings(merged, "ids"));
        Assert.Equal(new[] { first, second }.Order(), merged.GetProperty("openComplaints").EnumerateArray().Select(id => id.GetGuid()).Order());
        Assert.Equal(2, merged.GetProperty("complaintsLast90Days").GetInt32());
        Assert.Equal(merged.GetRawText(), (await Profile(supervisor, mail)).GetRawText());
        Assert.Equal([x], await Suggested(supervisor, mail));

        // The third complaint, under either id, is the merged customer's third: persistent dissatisfaction raises its priority.
        var third = await Post(mail, new { id = mail });
        using var manager = await fixture.ClientFor("manager1");
        var reasons = (await manager.GetFromJsonAsync<JsonElement>($"/api/complaints/{third}")).GetProperty("priorityReasons").EnumerateArray().Select(r => r.GetString());
        Assert.Contains(reasons, reason => reason!.StartsWith("persistent dissatisfaction: 3 complaints", StringComparison.Ordinal));
        Assert.True((await Profile(supervisor, facebook)).GetProperty("persistentDissatisfaction").GetBoolean());

        // Merging again changes nothing; merging through a merged id goes to the customer it was merged into.
        Assert.Equal([facebook, mail], Strings(await Merge(supervisor, mail, facebook), "ids"));
        Assert.Equal([facebook, mail, x], Strings(await Merge(supervisor, mail, x), "ids"));
        Assert.Empty(await Suggested(supervisor, x));
        Assert.Equal(4, (await Profile(supervisor, x)).GetProperty("openComplaints").GetArrayLength());

        using var admin = await fixture.ClientFor("admin");
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?to={Uri.EscapeDataString(fixture.Clock.GetUtcNow().AddSeconds(1).ToString("O"))}");
        Assert.Contains(audit.EnumerateArray(), entry => entry.GetProperty("action").GetString() == "customer.merged"
            && entry.GetProperty("target").GetString() == facebook && entry.GetProperty("actor").GetString() == "supervisor1");

        // Erasing the merged customer erases every id, and the contacts stop suggesting anyone.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Path(x))).StatusCode);
        foreach (var id in new[] { facebook, mail, x })
        {
            await ProblemAssert.Is(HttpStatusCode.NotFound, await admin.GetAsync(Path(id)));
        }

        var newcomer = $"web:{tag}";
        await Post(newcomer, new { id = newcomer, email = $"mari.{tag}@example.com" });
        Assert.Empty(await Suggested(admin, newcomer));
        Assert.StartsWith("erased:", (await manager.GetFromJsonAsync<JsonElement>($"/api/complaints/{second}")).GetProperty("customerId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merge_needs_another_id_that_exists_and_contacts_that_are_not_an_email_or_phone_are_refused()
    {
        var id = $"fb:{Guid.NewGuid():N}";
        await Post(id, new { id });
        using var supervisor = await fixture.ClientFor("supervisor1");

        await ProblemAssert.Is(HttpStatusCode.BadRequest, await supervisor.PostAsJsonAsync(Path(id) + "/merge", new { other = "" }));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await supervisor.PostAsJsonAsync(Path(id) + "/merge", new { other = "fb:nobody-at-all" }));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await supervisor.PostAsJsonAsync(Path("fb:nobody-at-all") + "/merge", new { other = id }));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await supervisor.GetAsync(Path("fb:nobody-at-all") + "/suggested-merges"));

        foreach (var customer in new object[] { new { id, email = "not-an-address" }, new { id, email = "a@b@c" }, new { id, phone = "call me maybe" }, new { id, phone = "12" } })
        {
            var response = await fixture.PostSigned("facebook", JsonSerializer.Serialize(new { externalId = Guid.NewGuid().ToString("N"), customer, text = "Tere" }));
            await ProblemAssert.Is(HttpStatusCode.BadRequest, response);
        }
    }

    private static string Path(string id) => $"/api/customers/{Uri.EscapeDataString(id)}";

    private static IEnumerable<string?> Strings(JsonElement profile, string field) => profile.GetProperty(field).EnumerateArray().Select(id => id.GetString());

    private static async Task<JsonElement> Profile(HttpClient client, string id) => await client.GetFromJsonAsync<JsonElement>(Path(id));

    private static async Task<IReadOnlyList<string>> Suggested(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<List<string>>(Path(id) + "/suggested-merges"))!;

    private static async Task<JsonElement> Merge(HttpClient client, string id, string other)
    {
        var response = await client.PostAsJsonAsync(Path(id) + "/merge", new { other });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<Guid> Post(string customerId, object customer)
    {
        var externalId = $"{customerId}-{Guid.NewGuid():N}";
        var response = await fixture.PostSigned("facebook", JsonSerializer.Serialize(new { externalId, customer, text = "Pakk on kadunud, keegi ei vasta" }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid();
    }
}
