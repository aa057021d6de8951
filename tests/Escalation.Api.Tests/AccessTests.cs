using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Escalation.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AccessTests(ApiFixture fixture)
{
    [Fact]
    public async Task Login_returns_a_token_with_role_and_team_and_refuses_a_wrong_password()
    {
        var response = await fixture.Anonymous.PostAsJsonAsync("/api/auth/login", new { username = "supervisor1", password = "demo" });
        var login = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("supervisor", login.GetProperty("role").GetString());
        Assert.Equal("care", login.GetProperty("team").GetString());
        Assert.False(string.IsNullOrEmpty(login.GetProperty("accessToken").GetString()));

        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await fixture.Anonymous.PostAsJsonAsync("/api/auth/login", new { username = "supervisor1", password = "nope" }));
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await fixture.Anonymous.PostAsJsonAsync("/api/auth/login", new { username = "ghost", password = "demo" }));
    }

    [Fact]
    public async Task Without_a_token_every_api_endpoint_but_login_and_connectors_is_unauthorized()
    {
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await fixture.Anonymous.GetAsync(new Uri("/api/complaints", UriKind.Relative)));
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await fixture.Anonymous.GetAsync(new Uri("/api/sla/policies", UriKind.Relative)));
        using var forged = new HttpClient { BaseAddress = fixture.BaseAddress };
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9.c2lnbmF0dXJl");
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await forged.GetAsync(new Uri("/api/users", UriKind.Relative)));
    }

    [Fact]
    public async Task A_role_that_may_not_act_is_forbidden()
    {
        using var agent = await fixture.ClientFor("agent1");
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await agent.GetAsync(new Uri("/api/users", UriKind.Relative)));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await agent.PutAsJsonAsync("/api/sla/policies/P2", new { firstResponse = "00:10:00" }));

        var id = await fixture.NewComplaint();
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await agent.PostAsync(new Uri($"/api/complaints/{id}/escalation/acknowledge", UriKind.Relative), null));
    }

    [Fact]
    public async Task Agents_and_supervisors_act_only_on_their_own_teams_complaints()
    {
        using var admin = await fixture.ClientFor("admin");
        await admin.PutAsJsonAsync("/api/channels/billing-mail", new { secret = "billing-secret", team = "billing" });
        await admin.PutAsJsonAsync("/api/users/biller", new { role = "agent", team = "billing", password = "biller-password" });
        var response = await fixture.PostSigned("billing-mail", """{"externalId":"inv-1","customer":{"id":"mail:a@b.ee"},"text":"Arve on vale"}""", secret: "billing-secret");
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid();

        using var careAgent = await fixture.ClientFor("agent1");
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await careAgent.GetAsync(new Uri($"/api/complaints/{id}", UriKind.Relative)));
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await careAgent.PostAsync(new Uri($"/api/complaints/{id}/resolve", UriKind.Relative), null));
        Assert.DoesNotContain((await careAgent.GetFromJsonAsync<JsonElement[]>("/api/complaints"))!, c => c.GetProperty("id").GetGuid() == id);

        using var biller = new HttpClient { BaseAddress = fixture.BaseAddress };
        biller.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.Token("biller", "biller-password"));
        Assert.Contains((await biller.GetFromJsonAsync<JsonElement[]>("/api/complaints"))!, c => c.GetProperty("id").GetGuid() == id);
        using var manager = await fixture.ClientFor("manager1");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(new Uri($"/api/complaints/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_disallowed_transition_is_a_conflict_with_the_reason()
    {
        var id = await fixture.NewComplaint();
        using var agent = await fixture.ClientFor("agent1");
        var problem = await ProblemAssert.Is(HttpStatusCode.Conflict, await agent.PostAsync(new Uri($"/api/complaints/{id}/resume", UriKind.Relative), null));
        Assert.Contains("assigned", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAssert.Is(HttpStatusCode.Conflict, await agent.PostAsync(new Uri($"/api/complaints/{id}/reopen", UriKind.Relative), null));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await agent.PostAsync(new Uri($"/api/complaints/{Guid.NewGuid()}/resolve", UriKind.Relative), null));
    }

    [Fact]
    public async Task The_complaint_actions_follow_the_lifecycle()
    {
        var id = await fixture.NewComplaint(priority: null);
        using var agent = await fixture.ClientFor("agent1");
        async Task<string> Status(HttpResponseMessage response) =>
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()!;

        Assert.Equal("assigned", await Status(await agent.PostAsJsonAsync($"/api/complaints/{id}/assign", new { agent = "agent2" })));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await agent.PostAsJsonAsync($"/api/complaints/{id}/assign", new { agent = "manager1" }));
        using var broken = new StringContent("{\"agent\": ", System.Text.Encoding.UTF8, "application/json");
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await agent.PostAsync(new Uri($"/api/complaints/{id}/assign", UriKind.Relative), broken));
        var note = await agent.PostAsJsonAsync($"/api/complaints/{id}/notes", new { text = "Checked the warehouse" });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        Assert.Equal("responded", await Status(await agent.PostAsJsonAsync($"/api/complaints/{id}/responses", new { text = "Vabandame!", @public = false })));
        var waiting = await agent.PostAsync(new Uri($"/api/complaints/{id}/wait-for-customer", UriKind.Relative), null);
        var paused = await waiting.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("waitingForCustomer", paused.GetProperty("status").GetString());
        Assert.True(paused.GetProperty("slaPaused").GetBoolean());
        Assert.Equal(JsonValueKind.Null, paused.GetProperty("resolutionDueAt").ValueKind);
        Assert.Equal("responded", await Status(await agent.PostAsync(new Uri($"/api/complaints/{id}/resume", UriKind.Relative), null)));
        Assert.Equal("resolved", await Status(await agent.PostAsJsonAsync($"/api/complaints/{id}/resolve", new { note = "Refunded" })));
        Assert.Equal("assigned", await Status(await agent.PostAsync(new Uri($"/api/complaints/{id}/reopen", UriKind.Relative), null)));

        var details = await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{id}");
        Assert.Equal(
            ["created", "assigned", "assigned", "note", "responded", "waitingForCustomer", "resumed", "resolved", "reopened"],
            details.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("agent1", details.GetProperty("timeline")[3].GetProperty("actor").GetString());

        var customer = await agent.GetFromJsonAsync<JsonElement>($"/api/customers/{Uri.EscapeDataString(details.GetProperty("customerId").GetString()!)}");
        Assert.Contains(customer.GetProperty("openComplaints").EnumerateArray(), c => c.GetGuid() == id);
        Assert.False(customer.GetProperty("persistentDissatisfaction").GetBoolean());
        await ProblemAssert.Is(HttpStatusCode.NotFound, await agent.GetAsync(new Uri("/api/customers/nobody%3A1", UriKind.Relative)));
    }

    [Fact]
    public void Outside_the_embedded_default_the_api_refuses_to_start_without_a_signing_key()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("ConnectionStrings:Escalation", "Host=127.0.0.1;Database=escalation")
            .UseSetting("Escalation:Auth:SigningKey", "too-short"));
        var refused = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.Contains("Escalation__Auth__SigningKey", refused.ToString(), StringComparison.Ordinal);
    }
}
