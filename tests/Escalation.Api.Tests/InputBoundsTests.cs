using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Api.Tests;

/// <summary>Input that used to break things: times off the calendar, endless notes, formulas in CSV cells, framing.</summary>
[Collection(ApiCollection.Name)]
public sealed class InputBoundsTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("/api/analytics?to=0001-01-02T00:00:00Z")]
    [InlineData("/api/analytics?from=1999-12-31T23:59:59Z&to=2000-01-02T00:00:00Z")]
    [InlineData("/api/digest?to=9999-12-31T00:00:00Z")]
    [InlineData("/api/nps?from=0001-01-01T00:00:00Z")]
    public async Task A_time_off_the_calendar_in_a_query_is_a_bad_request(string path)
    {
        using var manager = await fixture.ClientFor("manager1");
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await manager.GetAsync(new Uri(path, UriKind.Relative)));
    }

    [Fact]
    public async Task A_goal_starting_in_year_one_is_refused_and_the_goals_stay_readable()
    {
        using var manager = await fixture.ClientFor("manager1");
        var refused = await manager.PutAsJsonAsync("/api/goals/other", new { reductionPercent = 10, start = "0001-01-01T00:00:00Z", deadline = "2030-01-01T00:00:00Z" });
        await ProblemAssert.Is(HttpStatusCode.BadRequest, refused);
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await manager.PutAsJsonAsync("/api/goals/other", new { reductionPercent = 10, deadline = "9999-06-01T00:00:00Z" }));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(new Uri("/api/goals", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("1999-12-31T23:59:59.000Z")]
    [InlineData("0001-01-01T00:00:00.000Z")]
    public async Task A_connector_created_at_before_2000_is_a_bad_request(string createdAt)
    {
        var body = JsonSerializer.Serialize(new { externalId = Guid.NewGuid().ToString(), customer = new { id = "x:old" }, text = "Old news", createdAt });
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await fixture.PostSigned("x", body));
    }

    [Fact]
    public async Task A_resolve_note_over_ten_thousand_characters_is_refused_and_changes_nothing()
    {
        var id = await fixture.NewComplaint();
        using var agent = await fixture.ClientFor("agent1");
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await agent.PostAsJsonAsync($"/api/complaints/{id}/resolve", new { note = new string('n', 10_001) }));
        Assert.NotEqual("resolved", (await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{id}")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync($"/api/complaints/{id}/resolve", new { note = new string('n', 10_000) })).StatusCode);
    }

    [Fact]
    public async Task Digest_csv_cells_a_spreadsheet_would_run_as_formulas_stay_text()
    {
        using var admin = await fixture.ClientFor("admin");
        (await admin.PutAsJsonAsync("/api/channels/csv-web", new { secret = "csv-web-secret", team = "csv-team" })).EnsureSuccessStatusCode();
        using var manager = await fixture.ClientFor("manager1");
        string[] comments = ["=HYPERLINK(\"https://evil.example\",\"x\")", "+1+2", "-3+cmd", "@SUM(A1)", "\tcmd", "\rcmd"];
        foreach (var comment in comments)
        {
            (await manager.PostAsJsonAsync("/api/nps", new { customerId = "web:csv", score = 1, comment, channel = "csv-web" })).EnsureSuccessStatusCode();
        }

        var now = fixture.Clock.GetUtcNow();
        var range = $"from={Uri.EscapeDataString(now.AddDays(-1).ToString("O"))}&to={Uri.EscapeDataString(now.AddHours(1).ToString("O"))}";
        var csv = await manager.GetStringAsync(new Uri($"/api/digest?team=csv-team&format=csv&{range}", UriKind.Relative));
        foreach (var comment in comments)
        {
            Assert.Contains($",\"'{comment.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", csv, StringComparison.Ordinal);
        }

        Assert.Contains("figure,\"nps.score\",\"-100\",", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/complaints")]
    [InlineData("/api/no-such-thing")]
    public async Task Every_response_forbids_framing_and_sniffing_and_foreign_scripts(string path)
    {
        var response = await fixture.Anonymous.GetAsync(new Uri(path, UriKind.Relative));
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy + ";", StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}
