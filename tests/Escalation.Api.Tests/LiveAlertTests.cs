using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Api.Tests;

/// <summary>
/// From a connector's signed post to the consoles' hub connections. P1 (as the connector sends it): first
/// response 15 min, warning at 12 min, acknowledgement 10 min. The silo's clock is advanced, never slept on.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LiveAlertTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_signed_complaint_reaches_the_agents_console_and_is_assigned_to_the_online_agent()
    {
        var id = await fixture.NewComplaint();

        var created = await fixture.Agent.WaitFor("complaintCreated", id);
        Assert.Equal("facebook", created.GetProperty("channel").GetString());
        Assert.Equal("P1", created.GetProperty("priority").GetString());
        Assert.Equal("care", created.GetProperty("team").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", created.GetProperty("at").GetString());
        var assigned = await fixture.Agent.WaitFor("complaintAssigned", id);
        Assert.Equal("agent1", assigned.GetProperty("assignee").GetString());
        await fixture.Supervisor.WaitFor("complaintCreated", id);
        await fixture.Manager.WaitFor("complaintCreated", id);
    }

    [Fact]
    public async Task An_unanswered_complaint_escalates_to_the_supervisor_then_to_a_manager()
    {
        var id = await fixture.NewComplaint();
        var start = DateTimeOffset.Parse(
            (await fixture.Agent.WaitFor("complaintCreated", id)).GetProperty("createdAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        await fixture.Advance(TimeSpan.FromMinutes(12));
        var warning = await fixture.Agent.WaitFor("slaWarning", id);
        Assert.Equal("firstResponse", warning.GetProperty("reason").GetString());
        Assert.Equal(start.AddMinutes(15), warning.GetProperty("dueAt").GetDateTimeOffset());
        await fixture.Supervisor.WaitFor("slaWarning", id);

        await fixture.Advance(TimeSpan.FromMinutes(3));
        var level1 = await fixture.Supervisor.WaitFor("complaintEscalated", id);
        Assert.Equal(1, level1.GetProperty("level").GetInt32());
        Assert.Equal("firstResponse", level1.GetProperty("reason").GetString());
        Assert.Equal(start.AddMinutes(15), level1.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(start.AddMinutes(15), level1.GetProperty("at").GetDateTimeOffset());

        await fixture.Advance(TimeSpan.FromMinutes(10));
        var level2 = await fixture.Manager.WaitFor("complaintEscalated", id);
        Assert.Equal(2, level2.GetProperty("level").GetInt32());
        Assert.Equal(start.AddMinutes(25), level2.GetProperty("dueAt").GetDateTimeOffset());

        // Each event goes to the consoles the contract names and no one else.
        Assert.DoesNotContain(fixture.Agent.For(id), e => e.Name == "complaintEscalated");
        Assert.DoesNotContain(fixture.Manager.For(id), e => e.Name is "complaintEscalated" && e.Payload.GetProperty("level").GetInt32() == 1);
        Assert.DoesNotContain(fixture.Supervisor.For(id), e => e.Name is "complaintEscalated" && e.Payload.GetProperty("level").GetInt32() == 2);
        Assert.DoesNotContain(fixture.Manager.For(id), e => e.Name == "slaWarning");
    }

    [Fact]
    public async Task A_response_in_time_prevents_the_escalation()
    {
        var id = await fixture.NewComplaint();
        using var agent = await fixture.ClientFor("agent1");
        var response = await agent.PostAsJsonAsync($"/api/complaints/{id}/responses", new
        {
            text = "Vabandame! Teie tellimus saadeti teele kaks nädalat tagasi; pakume 30% allahindlust.",
            @public = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("responded", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        await fixture.Advance(TimeSpan.FromMinutes(30));
        var details = await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{id}");
        Assert.DoesNotContain(details.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("type").GetString() is "escalated" or "slaWarning");
        Assert.Equal(0, details.GetProperty("escalationLevel").GetInt32());
    }

    [Fact]
    public async Task A_supervisor_acknowledges_an_escalation_and_it_stops_there()
    {
        var id = await fixture.NewComplaint();
        await fixture.Advance(TimeSpan.FromMinutes(15));
        await fixture.Supervisor.WaitFor("complaintEscalated", id);

        using var supervisor = await fixture.ClientFor("supervisor1");
        var acknowledged = await supervisor.PostAsync(new Uri($"/api/complaints/{id}/escalation/acknowledge", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        await fixture.Supervisor.WaitFor("complaintUpdated", id, e => e.GetProperty("escalationAcknowledged").GetBoolean());

        await fixture.Advance(TimeSpan.FromMinutes(15));
        var details = await supervisor.GetFromJsonAsync<JsonElement>($"/api/complaints/{id}");
        Assert.Single(details.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("type").GetString() == "escalated");
        Assert.Single(details.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("type").GetString() == "escalationAcknowledged");
    }

    [Fact]
    public async Task A_second_api_instance_pushes_the_same_events_to_its_own_consoles()
    {
        var (second, address) = await fixture.StartAnotherApi();
        await using var _ = second;
        await using var elsewhere = await HubListener.Connect(address, await fixture.Token("supervisor1"));

        var id = await fixture.NewComplaint();
        var created = await elsewhere.WaitFor("complaintCreated", id);
        Assert.Equal(id, created.GetProperty("id").GetGuid());
        await fixture.Supervisor.WaitFor("complaintCreated", id);
    }
}
