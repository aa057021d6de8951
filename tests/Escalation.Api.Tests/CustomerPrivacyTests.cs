using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Api.Tests;

/// <summary>
/// A customer's export and erasure (GDPR): everything kept is exported, then every text and name becomes "[erased]", a
/// pseudonym replaces the id everywhere, and the counts stay under the pseudonym.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CustomerPrivacyTests(ApiFixture fixture)
{
    private const string Erased = "[erased]";

    [Fact]
    public async Task An_admin_exports_what_is_kept_about_a_customer_then_erases_it_everywhere_and_the_counts_stay_under_a_pseudonym()
    {
        var customer = "web:" + Guid.NewGuid().ToString("N")[..10];
        var path = $"/api/customers/{Uri.EscapeDataString(customer)}";
        var marker = "tamme" + Guid.NewGuid().ToString("N")[..8];
        var first = "fb-" + Guid.NewGuid().ToString("N");
        var complaint = await Post(new { externalId = first, customer = new { id = customer, name = "Mari Privaatne" }, text = $"Saatke pakk aadressile {marker} 5", @public = true, url = $"https://facebook.example/posts/{marker}",
            attachments = new[] { new { url = $"https://cdn.example/{marker}.jpg", name = $"{marker}.jpg" } } });
        Assert.Equal(complaint, await Post(new { externalId = first + "-2", customer = new { id = customer }, text = "Minu telefon on 5555 1234", inReplyTo = first }));
        using var admin = await fixture.ClientFor("admin");
        (await admin.PostAsJsonAsync($"/api/complaints/{complaint}/responses", new { text = "Vabandame, Mari! Saadame uue.", @public = true })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/complaints/{complaint}/notes", new { text = "Mari helistas ka" })).EnsureSuccessStatusCode();
        var nps = await admin.PostAsJsonAsync("/api/nps", new { customerId = customer, score = 2, channel = "facebook", comment = "Kuller oli ebaviisakas" });
        Assert.Equal(HttpStatusCode.Accepted, nps.StatusCode);
        var digest = $"/api/digest?team=care&format=csv&to={Uri.EscapeDataString(fixture.Clock.GetUtcNow().AddSeconds(1).ToString("O"))}";
        Assert.Contains("Kuller oli ebaviisakas", await admin.GetStringAsync(digest), StringComparison.Ordinal);
        var before = await admin.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal("1", await Found(admin, marker));

        var export = await admin.GetStringAsync(path + "/export");
        Assert.Contains(marker, export, StringComparison.Ordinal);
        Assert.Contains("5555 1234", export, StringComparison.Ordinal);
        Assert.Contains("Kuller oli ebaviisakas", export, StringComparison.Ordinal);
        var exported = JsonDocument.Parse(export).RootElement;
        Assert.Equal("Mari Privaatne", exported.GetProperty("customer").GetProperty("name").GetString());
        Assert.Equal(2, exported.GetProperty("complaints").GetArrayLength()); // the complaint and the detractor's answer's
        Assert.Equal(2, exported.GetProperty("npsAnswers")[0].GetProperty("score").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(path)).StatusCode);

        await ProblemAssert.Is(HttpStatusCode.NotFound, await admin.GetAsync(path));
        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/complaints/{complaint}");
        var pseudonym = details.GetProperty("customerId").GetString()!;
        Assert.StartsWith("erased:", pseudonym, StringComparison.Ordinal);
        Assert.DoesNotContain(customer, details.GetRawText(), StringComparison.Ordinal);
        var renamed = $"/api/customers/{Uri.EscapeDataString(pseudonym)}";
        Assert.Equal(Erased, details.GetProperty("text").GetString());
        Assert.Equal(Erased, details.GetProperty("customerName").GetString());
        Assert.Equal(JsonValueKind.Null, details.GetProperty("url").ValueKind);
        Assert.Equal(0, details.GetProperty("attachments").GetArrayLength());
        var timeline = details.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal("erased", timeline[^1].GetProperty("type").GetString());
        Assert.Equal("admin", timeline[^1].GetProperty("actor").GetString());
        Assert.All(timeline.Select(entry => entry.GetProperty("text")).Where(text => text.ValueKind == JsonValueKind.String),
            text => Assert.Equal(Erased, text.GetString()));
        Assert.NotNull(details.GetProperty("firstResponseDueAt").GetString());

        Assert.Equal("0", await Found(admin, marker));
        Assert.Equal("0", await Found(admin, Uri.EscapeDataString(customer)));

        var after = await admin.GetStringAsync(renamed + "/export");
        foreach (var kept in new[] { marker, "5555", "Mari", "Kuller", customer })
        {
            Assert.DoesNotContain(kept, after, StringComparison.Ordinal);
        }

        var answer = JsonDocument.Parse(after).RootElement.GetProperty("npsAnswers")[0];
        Assert.Equal(Erased, answer.GetProperty("comment").GetString());
        Assert.Equal(pseudonym, answer.GetProperty("customerId").GetString());
        Assert.Equal(2, answer.GetProperty("score").GetInt32());
        var digestAfter = await admin.GetStringAsync(digest);
        Assert.DoesNotContain("Kuller", digestAfter, StringComparison.Ordinal);
        Assert.DoesNotContain(Erased, digestAfter, StringComparison.Ordinal);
        var profile = await admin.GetFromJsonAsync<JsonElement>(renamed);
        Assert.Equal(Erased, profile.GetProperty("name").GetString());
        Assert.Equal(before.GetProperty("complaintsLast90Days").GetInt32(), profile.GetProperty("complaintsLast90Days").GetInt32());
        Assert.Equal(before.GetProperty("openComplaints").GetRawText(), profile.GetProperty("openComplaints").GetRawText());

        // The period is half-open and the clock stands still: ask up to a second from now.
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?to={Uri.EscapeDataString(fixture.Clock.GetUtcNow().AddSeconds(1).ToString("O"))}");
        Assert.Contains(audit.EnumerateArray(), entry => entry.GetProperty("action").GetString() == "customer.erased"
            && entry.GetProperty("target").GetString() == pseudonym && entry.GetProperty("actor").GetString() == "admin");
        Assert.DoesNotContain(customer, audit.GetRawText(), StringComparison.Ordinal);

        // Nothing is left under the id to erase again; under the pseudonym nothing new adds nothing to the timeline.
        await ProblemAssert.Is(HttpStatusCode.NotFound, await admin.DeleteAsync(path));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(renamed)).StatusCode);
        Assert.Equal(timeline.Count, (await admin.GetFromJsonAsync<JsonElement>($"/api/complaints/{complaint}")).GetProperty("timeline").GetArrayLength());

        // The same id writing again is a new customer: a reply to an erased message opens a new complaint.
        var again = await Post(new { externalId = first + "-3", customer = new { id = customer }, text = "Kas keegi vastab?", inReplyTo = first + "-2" });
        Assert.NotEqual(complaint, again);
        var fresh = await admin.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal([again.ToString()], fresh.GetProperty("openComplaints").EnumerateArray().Select(id => id.GetString()));
        Assert.Equal(1, fresh.GetProperty("complaintsLast90Days").GetInt32());
    }

    [Fact]
    public async Task Only_an_admin_exports_or_erases_and_an_unknown_customer_is_not_found()
    {
        using var admin = await fixture.ClientFor("admin");
        await ProblemAssert.Is(HttpStatusCode.NotFound, await admin.DeleteAsync("/api/customers/web%3Anobody-here"));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await admin.GetAsync("/api/customers/web%3Anobody-here/export"));

        var complaint = await fixture.NewComplaint();
        var customer = (await admin.GetFromJsonAsync<JsonElement>($"/api/complaints/{complaint}")).GetProperty("customerId").GetString()!;
        foreach (var user in new[] { "agent1", "supervisor1", "manager1" })
        {
            using var client = await fixture.ClientFor(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync($"/api/customers/{Uri.EscapeDataString(customer)}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/customers/{Uri.EscapeDataString(customer)}/export")).StatusCode);
        }

        Assert.Equal("Mari Maasikas", (await admin.GetFromJsonAsync<JsonElement>($"/api/complaints/{complaint}")).GetProperty("customerName").GetString());
    }

    private static async Task<string> Found(HttpClient client, string search)
    {
        using var response = await client.GetAsync($"/api/complaints?q={search}");
        return response.Headers.GetValues("X-Total-Count").Single();
    }

    private async Task<Guid> Post(object body)
    {
        var response = await fixture.PostSigned("facebook", JsonSerializer.Serialize(body));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid();
    }
}
