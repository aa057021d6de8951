using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AdministrationTests(ApiFixture fixture)
{
    private static readonly string[] Holidays = ["2026-12-24"];

    [Fact]
    public async Task An_admin_creates_a_user_who_can_then_log_in_and_deletes_them()
    {
        using var admin = await fixture.ClientFor("admin");
        var created = await admin.PutAsJsonAsync("/api/users/agent9", new { role = "agent", team = "care", password = "secret-9-long-enough" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("agent", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        var login = await fixture.Anonymous.PostAsJsonAsync("/api/auth/login", new { username = "agent9", password = "secret-9-long-enough" });
        Assert.Equal("care", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("team").GetString());

        var users = await admin.GetStringAsync(new Uri("/api/users", UriKind.Relative));
        Assert.Contains("agent9", users, StringComparison.Ordinal);
        Assert.DoesNotContain("pbkdf2", users, StringComparison.Ordinal);

        // Changing the role keeps the password when none is given.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/users/agent9", new { role = "supervisor", team = "care" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Anonymous.PostAsJsonAsync("/api/auth/login", new { username = "agent9", password = "secret-9-long-enough" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri("/api/users/agent9", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(new Uri("/api/users/agent9", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous.PostAsJsonAsync("/api/auth/login", new { username = "agent9", password = "secret-9-long-enough" })).StatusCode);
    }

    [Fact]
    public async Task Invalid_users_and_the_last_admin_are_refused()
    {
        using var admin = await fixture.ClientFor("admin");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/users/Bad Name", new { role = "agent", team = "care", password = "x1234" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/users/nobody", new { role = "agent", password = "x1234" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/users/nobody", new { role = "agent", team = "care" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/users/nobody", new { role = "wizard", team = "care", password = "x1234" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync(new Uri("/api/users/admin", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Sla_policies_and_calendars_are_read_by_anyone_and_changed_by_admins()
    {
        using var admin = await fixture.ClientFor("admin");
        var calendar = await admin.PutAsJsonAsync("/api/calendars/office", new
        {
            timeZone = "Europe/Tallinn",
            week = new Dictionary<string, string[][]>
            {
                ["monday"] = [["09:00", "12:00"], ["13:00", "17:00"]],
                ["friday"] = [["09:00", "15:00"]],
            },
            holidays = Holidays,
        });
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        try
        {
            var policy = await admin.PutAsJsonAsync("/api/sla/policies/P4", new
            {
                firstResponse = "08:00:00", nextResponse = "1.00:00:00", resolution = "3.00:00:00", warningAt = 0.75, escalationAcknowledge = "01:00:00", calendar = "office",
            });
            Assert.Equal(HttpStatusCode.OK, policy.StatusCode);

            using var agent = await fixture.ClientFor("agent1");
            var policies = await agent.GetFromJsonAsync<JsonElement[]>("/api/sla/policies");
            var p4 = Assert.Single(policies!, p => p.GetProperty("priority").GetString() == "P4");
            Assert.Equal("office", p4.GetProperty("calendar").GetString());
            Assert.Equal("08:00:00", p4.GetProperty("firstResponse").GetString());
            var calendars = await agent.GetFromJsonAsync<JsonElement[]>("/api/calendars");
            Assert.Equal("24x7", calendars![0].GetProperty("name").GetString());
            var office = Assert.Single(calendars, c => c.GetProperty("name").GetString() == "office");
            Assert.Equal("13:00", office.GetProperty("week").GetProperty("monday")[1][0].GetString());
            Assert.Equal("2026-12-24", office.GetProperty("holidays")[0].GetString());
        }
        finally
        {
            // The policies are shared by every test of the fixture.
            (await admin.PutAsJsonAsync("/api/sla/policies/P4", new
            {
                firstResponse = "08:00:00", nextResponse = "1.00:00:00", resolution = "3.00:00:00", warningAt = 0.8, escalationAcknowledge = "01:00:00", calendar = "24x7",
            })).EnsureSuccessStatusCode();
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/calendars/broken", new
        {
            timeZone = "Mars/Olympus", week = new Dictionary<string, string[][]> { ["funday"] = [["17:00", "09:00"]] },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/sla/policies/P4", new
        {
            firstResponse = "08:00:00", nextResponse = "1.00:00:00", resolution = "3.00:00:00", warningAt = 2, escalationAcknowledge = "01:00:00", calendar = "nowhere",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/sla/policies/P7", new { })).StatusCode);
    }

    [Fact]
    public async Task A_supervisor_sees_the_team_at_a_glance()
    {
        using var supervisor = await fixture.ClientFor("supervisor1");
        var team = await supervisor.GetFromJsonAsync<JsonElement>("/api/teams/care");
        var agent1 = Assert.Single(team.GetProperty("members").EnumerateArray(), m => m.GetProperty("username").GetString() == "agent1");
        Assert.True(agent1.GetProperty("online").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync(new Uri("/api/teams/billing", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Health_openapi_and_metrics_are_served()
    {
        Assert.Equal(HttpStatusCode.OK, (await fixture.Anonymous.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        var openApi = await fixture.Anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Contains("/api/connectors/{channel}/complaints", openApi, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Anonymous.GetAsync(new Uri("/scalar/v1", UriKind.Relative))).StatusCode);

        await fixture.NewComplaint();
        var metrics = await fixture.Anonymous.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("escalation_complaints_ingested_total", metrics, StringComparison.Ordinal);
        Assert.Contains("escalation_hub_connections", metrics, StringComparison.Ordinal);
    }
}
