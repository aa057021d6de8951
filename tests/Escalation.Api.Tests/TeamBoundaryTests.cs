using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Api.Tests;

/// <summary>
/// Agents and supervisors act on their own team only: NPS for its channels, its improvements, its customers. Team
/// <c>harbour</c> (channel <c>harbour-mail</c>, supervisor <c>harbour-sup</c>) is the other team here.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TeamBoundaryTests(ApiFixture fixture)
{
    private const string Channel = "harbour-mail";
    private const string ChannelSecret = "harbour-secret";

    private async Task<HttpClient> WithHarbour()
    {
        var admin = await fixture.ClientFor("admin");
        (await admin.PutAsJsonAsync($"/api/channels/{Channel}", new { secret = ChannelSecret, team = "harbour" })).EnsureSuccessStatusCode();
        // The password only once: setting it again would end the token a test before this one holds.
        if ((await admin.PutAsJsonAsync("/api/users/harbour-sup", new { role = "supervisor", team = "harbour" })).StatusCode == HttpStatusCode.BadRequest)
        {
            (await admin.PutAsJsonAsync("/api/users/harbour-sup", new { role = "supervisor", team = "harbour", password = "harbour-password" })).EnsureSuccessStatusCode();
        }

        return admin;
    }

    private async Task<Guid> HarbourComplaint(string customerId)
    {
        var response = await fixture.PostSigned(Channel, JsonSerializer.Serialize(new { externalId = Guid.NewGuid().ToString(), customer = new { id = customerId }, text = "Pakk on katki" }), ChannelSecret);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid();
    }

    [Fact]
    public async Task Staff_record_nps_only_for_their_own_teams_channels()
    {
        using var admin = await WithHarbour();
        using var agent = await fixture.ClientFor("agent1");
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await agent.PostAsJsonAsync("/api/nps", new { customerId = "web:n1", score = 9, channel = Channel }));
        Assert.Equal(HttpStatusCode.Accepted, (await agent.PostAsJsonAsync("/api/nps", new { customerId = "web:n1", score = 9, channel = "web" })).StatusCode);
        using var manager = await fixture.ClientFor("manager1");
        Assert.Equal(HttpStatusCode.Accepted, (await manager.PostAsJsonAsync("/api/nps", new { customerId = "web:n1", score = 9, channel = Channel })).StatusCode);
    }

    [Fact]
    public async Task A_connector_posts_a_signed_survey_answer_and_an_unsigned_one_is_refused()
    {
        using var admin = await WithHarbour();
        var path = $"/api/connectors/{Channel}/nps";
        async Task<HttpResponseMessage> Post(object body, string? signature = null)
        {
            var stamp = fixture.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            using var request = Escalation.Connectors.SignedRequest.Create(path, ChannelSecret, JsonSerializer.SerializeToUtf8Bytes(body), stamp, signature);
            return await fixture.Anonymous.SendAsync(request);
        }

        var promoter = await Post(new { customerId = "mail:survey-1", score = 9, comment = "Fine" });
        Assert.Equal(HttpStatusCode.Accepted, promoter.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await promoter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").ValueKind);

        var detractor = await (await Post(new { customerId = "mail:survey-2", score = 2, comment = "Arve on vale" })).Content.ReadFromJsonAsync<JsonElement>();
        using var manager = await fixture.ClientFor("manager1");
        var complaint = await manager.GetFromJsonAsync<JsonElement>($"/api/complaints/{detractor.GetProperty("complaintId").GetGuid()}");
        Assert.Equal("harbour", complaint.GetProperty("team").GetString());

        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await Post(new { customerId = "mail:survey-3", score = 1 }, signature: "sha256=00"));
        var invalid = await ProblemAssert.Is(HttpStatusCode.BadRequest, await Post(new { customerId = "mail:survey-3", score = 11 }));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("score", out _));
        var customer = await manager.GetAsync(new Uri("/api/customers/mail%3Asurvey-3", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, customer.StatusCode);
    }

    [Fact]
    public async Task Supervisors_create_and_change_only_their_own_teams_improvements_linking_complaints_they_see()
    {
        using var admin = await WithHarbour();
        var deadline = fixture.Clock.GetUtcNow().AddDays(30);
        var harbourComplaint = await HarbourComplaint("mail:improve-1");
        var careComplaint = await fixture.NewComplaint();
        using var supervisor = await fixture.ClientFor("supervisor1");
        object Draft(string owner, params Guid[] ids) => new { title = "Fix it", topic = "delivery", owner, deadline, complaintIds = ids };

        await ProblemAssert.Is(HttpStatusCode.Forbidden, await supervisor.PostAsJsonAsync("/api/improvements", Draft("harbour-sup")));
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, await supervisor.PostAsJsonAsync("/api/improvements", Draft("agent1", careComplaint, harbourComplaint)));
        Assert.Contains(harbourComplaint.ToString(), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await supervisor.PostAsJsonAsync("/api/improvements", Draft("agent1", Guid.NewGuid())));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await supervisor.PostAsJsonAsync("/api/improvements", Draft("agent1", [.. Enumerable.Range(0, 101).Select(_ => Guid.NewGuid())])));
        Assert.Equal(HttpStatusCode.Created, (await supervisor.PostAsJsonAsync("/api/improvements", Draft("agent1", careComplaint))).StatusCode);

        using var manager = await fixture.ClientFor("manager1");
        var theirs = await (await manager.PostAsJsonAsync("/api/improvements", Draft("harbour-sup", harbourComplaint))).Content.ReadFromJsonAsync<JsonElement>();
        var id = theirs.GetProperty("id").GetGuid();
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await supervisor.PatchAsJsonAsync($"/api/improvements/{id}", new { status = "dropped" }));
        using var harbourSupervisor = new HttpClient { BaseAddress = fixture.BaseAddress };
        harbourSupervisor.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.Token("harbour-sup", "harbour-password"));
        Assert.Equal(HttpStatusCode.OK, (await harbourSupervisor.PatchAsJsonAsync($"/api/improvements/{id}", new { status = "inProgress" })).StatusCode);
    }

    [Fact]
    public async Task Agents_see_a_customer_only_through_a_complaint_of_their_team_and_others_cannot_tell_it_exists()
    {
        using var admin = await WithHarbour();
        await HarbourComplaint("mail:private-1");
        var path = new Uri("/api/customers/mail%3Aprivate-1", UriKind.Relative);
        using var agent = await fixture.ClientFor("agent1");
        var hidden = await ProblemAssert.Is(HttpStatusCode.NotFound, await agent.GetAsync(path));
        var missing = await ProblemAssert.Is(HttpStatusCode.NotFound, await agent.GetAsync(new Uri("/api/customers/mail%3Anobody-at-all", UriKind.Relative)));
        Assert.Equal(
            missing.GetProperty("detail").GetString()!.Replace("nobody-at-all", "", StringComparison.Ordinal),
            hidden.GetProperty("detail").GetString()!.Replace("private-1", "", StringComparison.Ordinal));

        using var harbourSupervisor = new HttpClient { BaseAddress = fixture.BaseAddress };
        harbourSupervisor.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.Token("harbour-sup", "harbour-password"));
        Assert.Equal(HttpStatusCode.OK, (await harbourSupervisor.GetAsync(path)).StatusCode);
        using var manager = await fixture.ClientFor("manager1");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(path)).StatusCode);
    }
}
