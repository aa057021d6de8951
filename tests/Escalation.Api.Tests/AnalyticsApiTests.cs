using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AnalyticsApiTests(ApiFixture fixture)
{
    private const string Team = "insight";

    // The fixture's clock stands still while this test runs: a period around it holds everything the test did.
    private string Range => $"from={Uri.EscapeDataString(fixture.Clock.GetUtcNow().AddDays(-1).ToString("O"))}&to={Uri.EscapeDataString(fixture.Clock.GetUtcNow().AddHours(1).ToString("O"))}";

    [Fact]
    public async Task Analytics_digest_goals_and_improvements_are_served_with_every_key()
    {
        using var admin = await fixture.ClientFor("admin");
        await admin.PutAsJsonAsync("/api/channels/insight-web", new { secret = "insight-secret", team = Team });
        var posted = await fixture.PostSigned("insight-web", """{"externalId":"i-1","customer":{"id":"web:i1"},"text":"The courier lost my parcel","public":true}""", secret: "insight-secret");
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid();
        using var manager = await fixture.ClientFor("manager1");
        (await manager.PostAsJsonAsync($"/api/complaints/{id}/responses", new { text = "Sorry! We send a new one today.", @public = true })).EnsureSuccessStatusCode();
        (await manager.PostAsJsonAsync($"/api/complaints/{id}/resolve", new { note = "Resent" })).EnsureSuccessStatusCode();
        (await manager.PostAsJsonAsync("/api/nps", new { customerId = "web:i1", score = 2, comment = "<script>alert(1)</script> courier courier late", channel = "insight-web" })).EnsureSuccessStatusCode();

        var figures = await manager.GetFromJsonAsync<JsonElement>($"/api/analytics?team={Team}&{Range}");
        Assert.Equal(
            ["team", "from", "to", "complaints", "publicShare", "slaCompliance", "firstResponseSeconds", "resolutionSeconds", "escalations", "topics", "persistentDissatisfaction", "nps", "responded", "resolved"],
            figures.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, figures.GetProperty("complaints").GetInt32());
        Assert.Equal(0.5, figures.GetProperty("publicShare").GetDouble());
        Assert.Equal(1, figures.GetProperty("resolved").GetInt32());
        Assert.Equal(-100.0, figures.GetProperty("nps").GetProperty("score").GetDouble());
        var delivery = Assert.Single(figures.GetProperty("topics").EnumerateArray(), t => t.GetProperty("topic").GetString() == "delivery");
        Assert.Equal(2, delivery.GetProperty("count").GetInt32());

        var csv = await manager.GetStringAsync(new Uri($"/api/digest?team={Team}&format=csv&{Range}", UriKind.Relative));
        Assert.Contains("figure,\"complaints\",\"2\",", csv, StringComparison.Ordinal);
        Assert.Contains("frequentWords,delivery,\"courier:2", csv, StringComparison.Ordinal);
        var html = await manager.GetStringAsync(new Uri($"/api/digest?team={Team}&{Range}", UriKind.Relative));
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync("/api/goals/delivery", new { reductionPercent = 20, deadline = fixture.Clock.GetUtcNow().AddMonths(3) })).StatusCode);
        Assert.Contains((await manager.GetFromJsonAsync<JsonElement[]>("/api/goals"))!, g => g.GetProperty("topic").GetString() == "delivery" && g.GetProperty("reductionPercent").GetDouble() == 20);

        var invalid = await manager.PostAsJsonAsync("/api/improvements", new { title = "No owner" });
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, invalid);
        Assert.True(problem.GetProperty("errors").TryGetProperty("owner", out _));
        var created = await manager.PostAsJsonAsync("/api/improvements", new { title = "New courier contract", topic = "delivery", owner = "supervisor1", deadline = fixture.Clock.GetUtcNow().AddDays(30), complaintIds = new[] { id } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var improvement = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("planned", improvement.GetProperty("status").GetString());
        var improvementId = improvement.GetProperty("id").GetGuid();
        var updated = await manager.PatchAsJsonAsync($"/api/improvements/{improvementId}", new { status = "done", outcome = "Signed" });
        Assert.Equal("done", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        using var agent = await fixture.ClientFor("agent1");
        Assert.Contains((await agent.GetFromJsonAsync<JsonElement[]>("/api/improvements"))!, i => i.GetProperty("id").GetGuid() == improvementId);
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await agent.PostAsJsonAsync("/api/improvements", new { title = "x" }));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await agent.GetAsync(new Uri("/api/analytics", UriKind.Relative)));
    }
}
