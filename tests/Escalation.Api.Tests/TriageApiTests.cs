using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class TriageApiTests(ApiFixture fixture)
{
    [Fact]
    public async Task An_accepted_complaint_carries_its_language_topic_and_priority_reasons()
    {
        var id = await fixture.NewComplaint(priority: null, text: "Kuller jättis paki vihma kätte ja karp oli läbimärg! Kui raha tagasi ei saa, pöördun tarbijakaitsesse.");
        using var agent = await fixture.ClientFor("agent1");
        var complaint = await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{id}");
        Assert.Equal("et", complaint.GetProperty("language").GetString());
        Assert.Equal("delivery", complaint.GetProperty("topic").GetString());
        Assert.Equal("P1", complaint.GetProperty("priority").GetString());
        var reasons = complaint.GetProperty("priorityReasons").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("public post", reasons);
        Assert.Contains("legal words (tarbijakaitse)", reasons);
        Assert.Contains(complaint.GetProperty("triageReasons").EnumerateArray(), r => r.GetString()!.StartsWith("topic: ", StringComparison.Ordinal) && r.GetString()!.Contains("kuller", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_draft_is_checked_against_the_playbook_and_templates_follow_the_complaints_topic()
    {
        var id = await fixture.NewComplaint(priority: null, text: "My parcel never arrived and the courier tracking is stuck for two weeks.");
        using var agent = await fixture.ClientFor("agent1");
        var bad = await (await agent.PostAsJsonAsync("/api/responses/check", new { text = "We are not responsible for the courier, contact the carrier.", complaintId = id }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ["deflection", "redirect", "noApology", "noNextStep"],
            bad.GetProperty("flags").EnumerateArray().Select(f => f.GetProperty("rule").GetString()));
        Assert.All(bad.GetProperty("templates").EnumerateArray(), t => Assert.Equal("delivery", t.GetProperty("topic").GetString()));
        Assert.Equal(2, bad.GetProperty("templates").GetArrayLength());

        var good = await (await agent.PostAsJsonAsync("/api/responses/check", new { text = "We are sorry for the delay. We will send the tracking link today and deliver a replacement tomorrow." }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, good.GetProperty("flags").GetArrayLength());
        Assert.Equal(12, good.GetProperty("templates").GetArrayLength());
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await agent.PostAsJsonAsync("/api/responses/check", new { text = "" }));
    }

    [Fact]
    public async Task A_detractor_opens_a_complaint_and_nps_counts_promoters_minus_detractors()
    {
        using var admin = await fixture.ClientFor("admin");
        await admin.PutAsJsonAsync("/api/channels/survey", new { secret = "survey-secret", team = "nps-team" });
        using var manager = await fixture.ClientFor("manager1");
        var scores = new[] { 10, 9, 8, 3 };
        var complaints = new List<JsonElement>();
        foreach (var score in scores)
        {
            var response = await manager.PostAsJsonAsync("/api/nps", new { customerId = $"mail:nps{score}@example.ee", score, comment = "Arveldus on segane", channel = "survey" });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            complaints.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId"));
        }

        Assert.Equal([JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.String], complaints.Select(c => c.ValueKind));
        var detractor = await manager.GetFromJsonAsync<JsonElement>($"/api/complaints/{complaints[3].GetString()}");
        Assert.Equal("nps-team", detractor.GetProperty("team").GetString());
        Assert.Equal("billing", detractor.GetProperty("topic").GetString());
        var customer = await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{Uri.EscapeDataString("mail:nps3@example.ee")}");
        Assert.Equal(3, customer.GetProperty("latestNps").GetInt32());
        var promoter = await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{Uri.EscapeDataString("mail:nps10@example.ee")}");
        Assert.Equal(10, promoter.GetProperty("latestNps").GetInt32());
        Assert.Empty(promoter.GetProperty("openComplaints").EnumerateArray());

        // The default period ends now; on the fixture's clock, which stands still, "now" is when the answers were given.
        await fixture.Advance(TimeSpan.FromSeconds(1));
        var nps = await manager.GetFromJsonAsync<JsonElement>("/api/nps?team=nps-team");
        Assert.Equal(4, nps.GetProperty("answers").GetInt32());
        Assert.Equal(25.0, nps.GetProperty("score").GetDouble());
        Assert.Equal(2, nps.GetProperty("promoters").GetInt32());
        Assert.Equal(1, nps.GetProperty("detractors").GetInt32());

        var invalid = await manager.PostAsJsonAsync("/api/nps", new { customerId = "x", score = 11, channel = "nowhere" });
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, invalid);
        Assert.True(problem.GetProperty("errors").TryGetProperty("score", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("channel", out _));
    }
}
