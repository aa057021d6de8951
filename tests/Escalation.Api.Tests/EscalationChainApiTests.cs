using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Api.Tests;

/// <summary>
/// A team's escalation chain, roster and policy set over the api and the hub, in a team of its own (<c>chain</c>, channel
/// <c>chain-fb</c>) whose policy set makes P2 due 2 minutes after it arrives; the silo's clock is advanced, never slept on.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class EscalationChainApiTests(ApiFixture fixture)
{
    private const string Team = "chain";
    private const string Password = "chain-password";
    /// <summary>Supervisors at the deadline; 5 minutes later the one on duty, raising the priority; then managers and an agent, reassigning; then the team.</summary>
    private static readonly object FourLevels = new
    {
        levels = new object[]
        {
            new { after = "00:00:00", notify = new[] { "supervisors" } },
            new { after = "00:05:00", notify = new[] { "onDuty" }, raisePriority = true },
            new { after = "00:05:00", notify = new[] { "managers", "user:chain-agent2" }, reassign = true },
            new { after = "00:05:00", notify = new[] { "team" } },
        },
        reassignAfter = (string?)null,
    };

    private static readonly string[] SupervisorsOnly = ["supervisors"], TeamOnly = ["team"], BadTargets = ["everyone", "user:nobody-here"], BadDays = ["monday", "someday"];

    [Fact]
    public async Task Each_level_reaches_exactly_its_recipients_raises_the_priority_reassigns_and_acknowledging_stops_the_chain()
    {
        await using var staff = await Staff();
        using var admin = await fixture.ClientFor("admin");
        await Put(staff.Supervisor1Client, $"/api/teams/{Team}/escalation", FourLevels);
        var now = fixture.Clock.GetUtcNow();
        var roster = await Put(staff.Supervisor1Client, $"/api/teams/{Team}/roster", new
        {
            timeZone = "Europe/Tallinn",
            shifts = Array.Empty<object>(),
            overrides = new[] { new { user = "chain-sup2", from = now.AddHours(-1), to = now.AddDays(1) } },
        });
        Assert.Equal(["chain-sup2"], roster.GetProperty("onDuty").EnumerateArray().Select(user => user.GetString()));

        var id = await NewComplaint();
        var created = await staff.Supervisor1.WaitFor("complaintAssigned", id);
        Assert.Equal("chain-fast", created.GetProperty("slaPolicy").GetString());
        var (first, other) = created.GetProperty("assignee").GetString() == "chain-agent1" ? (staff.Agent1, staff.Agent2) : (staff.Agent2, staff.Agent1);

        await fixture.Advance(TimeSpan.FromMinutes(2));
        var level1 = await staff.Supervisor1.WaitFor("complaintEscalated", id);
        Assert.Equal(["chain-sup1", "chain-sup2"], Recipients(level1));
        await staff.Supervisor2.WaitFor("complaintEscalated", id, e => e.GetProperty("level").GetInt32() == 1);

        await fixture.Advance(TimeSpan.FromMinutes(5));
        var level2 = await staff.Supervisor2.WaitFor("complaintEscalated", id, e => e.GetProperty("level").GetInt32() == 2);
        Assert.Equal(["chain-sup2"], Recipients(level2));
        Assert.Equal("P1", level2.GetProperty("priority").GetString());

        await fixture.Advance(TimeSpan.FromMinutes(5));
        var level3 = await staff.Agent2.WaitFor("complaintEscalated", id, e => e.GetProperty("level").GetInt32() == 3);
        Assert.Equal(["chain-agent2", "manager1"], Recipients(level3));
        await fixture.Manager.WaitFor("complaintEscalated", id, e => e.GetProperty("level").GetInt32() == 3);
        var otherName = first == staff.Agent1 ? "chain-agent2" : "chain-agent1";
        Assert.Equal(otherName, level3.GetProperty("assignee").GetString());
        await other.WaitFor("complaintAssigned", id, e => e.GetProperty("assignee").GetString() == otherName);

        // Each level went to its recipients' consoles and to no one else's.
        Assert.Equal([1, 2], Levels(staff.Supervisor2, id));
        Assert.Equal([1], Levels(staff.Supervisor1, id));
        Assert.Equal([3], Levels(staff.Agent2, id));
        Assert.Empty(Levels(staff.Agent1, id));
        Assert.Equal([3], Levels(fixture.Manager, id));
        Assert.Empty(Levels(fixture.Supervisor, id));

        (await staff.Supervisor1Client.PostAsync(new Uri($"/api/complaints/{id}/escalation/acknowledge", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await fixture.Advance(TimeSpan.FromMinutes(10));
        var details = await fixture.DetailsWhen(id, d => d.GetProperty("escalationAcknowledged").GetBoolean());
        var timeline = details.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], timeline.Where(e => e.GetProperty("type").GetString() == "escalated").Select(e => e.GetProperty("level").GetInt32()));
        Assert.Contains(timeline, e => e.GetProperty("type").GetString() == "priorityChanged" && e.GetProperty("text").GetString() == "P2 → P1");
        Assert.Contains(timeline, e => e.GetProperty("type").GetString() == "assigned" && e.GetProperty("reason").GetString() == "escalation"
            && e.GetProperty("agent").GetString() == otherName);
        Assert.Equal(["chain-agent2", "manager1"],
            timeline.Single(e => e.GetProperty("type").GetString() == "escalated" && e.GetProperty("level").GetInt32() == 3)
                .GetProperty("notifiedUsers").EnumerateArray().Select(user => user.GetString()));
        Assert.Equal([3], Levels(fixture.Manager, id));
        await Resolve(admin, id);
    }

    [Fact]
    public async Task An_assignee_who_does_not_answer_within_reassignAfter_loses_the_complaint_to_another_online_agent_once()
    {
        await using var staff = await Staff();
        using var admin = await fixture.ClientFor("admin");
        await Put(admin, $"/api/teams/{Team}/escalation", new
        {
            levels = new[] { new { after = "00:00:00", notify = SupervisorsOnly } },
            reassignAfter = "00:01:00",
        });
        var id = await NewComplaint();
        var first = (await staff.Supervisor1.WaitFor("complaintAssigned", id)).GetProperty("assignee").GetString()!;
        var second = first == "chain-agent1" ? "chain-agent2" : "chain-agent1";

        await fixture.Advance(TimeSpan.FromMinutes(1));
        await staff.Supervisor1.WaitFor("complaintAssigned", id, e => e.GetProperty("assignee").GetString() == second);
        await fixture.Advance(TimeSpan.FromMinutes(1));
        await staff.Supervisor1.WaitFor("complaintAssigned", id, e => e.GetProperty("assignee").GetString() == first);

        // The first agent already lost it once for not answering: it stays.
        await fixture.Advance(TimeSpan.FromMinutes(3));
        var details = await fixture.DetailsWhen(id, d => d.GetProperty("escalationLevel").GetInt32() == 1);
        var moves = details.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "assigned").ToList();
        Assert.Equal([(first, null), (second, "noReply"), (first, "noReply")],
            moves.Select(e => (e.GetProperty("agent").GetString(), e.GetProperty("reason").GetString())));
        Assert.Equal(first, details.GetProperty("assignee").GetString());
        await Resolve(admin, id);
    }

    [Fact]
    public async Task Chains_rosters_and_policy_sets_refuse_what_is_wrong_and_leave_the_settings_as_they_were()
    {
        await using var staff = await Staff();
        using var admin = await fixture.ClientFor("admin");
        var before = await admin.GetStringAsync($"/api/teams/{Team}/escalation");

        var errors = (await ProblemAssert.Is(HttpStatusCode.BadRequest, await admin.PutAsJsonAsync($"/api/teams/{Team}/escalation", new
        {
            levels = new[] { new { after = "-00:01:00", notify = BadTargets } },
        }))).GetProperty("errors").GetProperty("escalation").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("level 1: after must be between 00:00:00 and 30 days.", errors);
        Assert.Contains("level 1: 'everyone' is not a target (supervisors, onDuty, managers, team or user:<username>).", errors);
        Assert.Contains("There is no user 'nobody-here'.", errors);
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await admin.PutAsJsonAsync($"/api/teams/{Team}/escalation", new { levels = Array.Empty<object>() }));
        Assert.Equal(before, await admin.GetStringAsync($"/api/teams/{Team}/escalation"));

        var rosterErrors = (await ProblemAssert.Is(HttpStatusCode.BadRequest, await admin.PutAsJsonAsync($"/api/teams/{Team}/roster", new
        {
            timeZone = "Europe/Tallinn",
            shifts = new[] { new { user = "chain-agent1", days = BadDays, from = "08:00", to = "16:00" } },
        }))).GetProperty("errors").GetProperty("roster").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["shift 1: 'someday' is not a day (monday to sunday).", "'chain-agent1' is not a supervisor of chain."], rosterErrors);

        using var otherSupervisor = await fixture.ClientFor("supervisor1");
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await otherSupervisor.PutAsJsonAsync($"/api/teams/{Team}/escalation", new { levels = new[] { new { notify = TeamOnly } } }));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await admin.GetAsync("/api/teams/no-such-team/roster"));

        var setErrors = (await ProblemAssert.Is(HttpStatusCode.BadRequest, await admin.PutAsJsonAsync("/api/sla/policy-sets/chain-bad", new
        {
            order = 1,
            calendar = "no-such-calendar",
            targets = new Dictionary<string, object> { ["P9"] = new { }, ["P1"] = new { firstResponse = "00:05:00" } },
        }))).GetProperty("errors").GetProperty("policySet").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("targets: 'P9' is not a priority (P1 to P4).", setErrors);
        Assert.Contains("P1: firstResponse, nextResponse, resolution, warningAt and escalationAcknowledge are required.", setErrors);
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await admin.PutAsJsonAsync("/api/sla/policy-sets/chain-bad", new { order = 1, calendar = "no-such-calendar" }));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await admin.GetAsync("/api/sla/policy-sets/chain-bad"));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await admin.DeleteAsync("/api/sla/policy-sets/chain-bad"));

        // A team that set no chain shows the default: supervisors at the deadline, managers after the policy's acknowledgement time.
        var care = await admin.GetFromJsonAsync<JsonElement>("/api/teams/care/escalation");
        Assert.Equal("""[{"after":"00:00:00","notify":["supervisors"],"reassign":false,"raisePriority":false},{"after":null,"notify":["managers"],"reassign":false,"raisePriority":false}]""",
            care.GetProperty("levels").GetRawText());
    }

    [Fact]
    public async Task The_sla_report_and_breach_list_show_a_missed_deadline_by_agent_and_as_csv()
    {
        await using var staff = await Staff();
        using var admin = await fixture.ClientFor("admin");
        await Put(admin, $"/api/teams/{Team}/escalation", new { levels = new[] { new { after = "00:00:00", notify = SupervisorsOnly } } });
        var from = Uri.EscapeDataString(fixture.Clock.GetUtcNow().AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture));
        var id = await NewComplaint();
        var assignee = (await staff.Supervisor1.WaitFor("complaintAssigned", id)).GetProperty("assignee").GetString()!;
        await fixture.Advance(TimeSpan.FromMinutes(2));
        await staff.Supervisor1.WaitFor("complaintEscalated", id);

        var to = Uri.EscapeDataString(fixture.Clock.GetUtcNow().AddMinutes(1).ToString("O", CultureInfo.InvariantCulture));
        var report = await staff.Supervisor1Client.GetFromJsonAsync<JsonElement>($"/api/reports/sla?from={from}&to={to}&groupBy=agent");
        Assert.Equal("agent", report.GetProperty("groupBy").GetString());
        var row = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == assignee);
        Assert.Equal((1, 0, 1, 0.0, 1), (row.GetProperty("deadlines").GetInt32(), row.GetProperty("met").GetInt32(), row.GetProperty("missed").GetInt32(),
            row.GetProperty("compliance").GetDouble(), row.GetProperty("escalations").GetInt32()));

        var breaches = await staff.Supervisor1Client.GetFromJsonAsync<JsonElement>($"/api/reports/breaches?from={from}&to={to}");
        var breach = breaches.EnumerateArray().Single(b => b.GetProperty("complaintId").GetGuid() == id);
        Assert.Equal(("firstResponse", assignee, Team, "chain-fb", "P2"), (breach.GetProperty("reason").GetString(), breach.GetProperty("assignee").GetString(),
            breach.GetProperty("team").GetString(), breach.GetProperty("channel").GetString(), breach.GetProperty("priority").GetString()));
        Assert.Equal(JsonValueKind.Null, breach.GetProperty("answeredAt").ValueKind);

        using var agent = new HttpClient { BaseAddress = fixture.BaseAddress };
        agent.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.Token(assignee, Password));
        (await agent.PostAsJsonAsync($"/api/complaints/{id}/responses", new { text = "Vabandame hilinemise pärast, saadame uue toote homme.", @public = true })).EnsureSuccessStatusCode();
        var answered = (await staff.Supervisor1Client.GetFromJsonAsync<JsonElement>($"/api/reports/breaches?from={from}&to={to}"))
            .EnumerateArray().Single(b => b.GetProperty("complaintId").GetGuid() == id);
        Assert.Equal(fixture.Clock.GetUtcNow(), answered.GetProperty("answeredAt").GetDateTimeOffset());

        var csv = await staff.Supervisor1Client.GetAsync(new Uri($"/api/reports/sla?from={from}&to={to}&groupBy=channel&format=csv", UriKind.Relative));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("channel,deadlines,met,missed,compliance,escalations,firstResponseP50,firstResponseP90", lines[0]);
        Assert.StartsWith("\"chain-fb\",", lines.Single(line => line.Contains("chain-fb", StringComparison.Ordinal)), StringComparison.Ordinal);

        // A supervisor sees their own team's report only; an agent none.
        using var otherSupervisor = await fixture.ClientFor("supervisor1");
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await otherSupervisor.GetAsync(new Uri($"/api/reports/sla?team={Team}", UriKind.Relative)));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await admin.GetAsync(new Uri("/api/reports/sla?groupBy=weather", UriKind.Relative)));
        await Resolve(admin, id);
    }

    private static IEnumerable<string?> Recipients(JsonElement escalation) => escalation.GetProperty("recipients").EnumerateArray().Select(user => user.GetString());

    private static IEnumerable<int> Levels(HubListener console, Guid id) =>
        console.For(id).Where(e => e.Name == "complaintEscalated").Select(e => e.Payload.GetProperty("level").GetInt32());

    private static async Task<JsonElement> Put(HttpClient client, string path, object body)
    {
        var response = await client.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task Resolve(HttpClient admin, Guid id) =>
        (await admin.PostAsJsonAsync($"/api/complaints/{id}/resolve", new { note = "done" })).EnsureSuccessStatusCode();

    private async Task<Guid> NewComplaint()
    {
        var externalId = "chain-" + Guid.NewGuid().ToString("N");
        var response = await fixture.PostSigned("chain-fb", JsonSerializer.Serialize(new
        {
            externalId,
            customer = new { id = "fb:" + externalId[6..14], name = "Mari Maasikas" },
            text = "Tellimus pole kolme nädala jooksul kohale jõudnud!",
            @public = true,
            priority = "P2",
        }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid();
    }

    /// <summary>The team's people (made once), its channel and fast policy set, and a console for each, connected.</summary>
    private async Task<Staffed> Staff()
    {
        using var admin = await fixture.ClientFor("admin");
        foreach (var (user, role) in new[] { ("chain-agent1", "agent"), ("chain-agent2", "agent"), ("chain-sup1", "supervisor"), ("chain-sup2", "supervisor") })
        {
            if ((await admin.PutAsJsonAsync($"/api/users/{user}", new { role, team = Team })).StatusCode == HttpStatusCode.BadRequest)
            {
                (await admin.PutAsJsonAsync($"/api/users/{user}", new { role, team = Team, password = Password })).EnsureSuccessStatusCode();
            }
        }

        (await admin.PutAsJsonAsync("/api/channels/chain-fb", new { secret = ApiDriver.Secret, team = Team })).EnsureSuccessStatusCode();
        await Put(admin, "/api/sla/policy-sets/chain-fast", new
        {
            order = 1,
            when = new { teams = new[] { Team } },
            calendar = "24x7",
            targets = new Dictionary<string, object>
            {
                ["P2"] = new { firstResponse = "00:02:00", nextResponse = "00:05:00", resolution = "02:00:00", warningAt = 0.5, escalationAcknowledge = "00:03:00" },
            },
        });
        var consoles = new List<HubListener>();
        foreach (var user in new[] { "chain-agent1", "chain-agent2", "chain-sup1", "chain-sup2" })
        {
            consoles.Add(await HubListener.Connect(fixture.BaseAddress, await fixture.Token(user, Password)));
        }

        // Both agents count as online before the first complaint arrives.
        await fixture.GetWhen("admin", $"/api/teams/{Team}", team => team.GetProperty("members").EnumerateArray().Count(m => m.GetProperty("online").GetBoolean()) == 4);
        var supervisor = new HttpClient { BaseAddress = fixture.BaseAddress };
        supervisor.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.Token("chain-sup1", Password));
        return new Staffed(consoles[0], consoles[1], consoles[2], consoles[3], supervisor);
    }

    private sealed record Staffed(HubListener Agent1, HubListener Agent2, HubListener Supervisor1, HubListener Supervisor2, HttpClient Supervisor1Client) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Supervisor1Client.Dispose();
            foreach (var console in new[] { Agent1, Agent2, Supervisor1, Supervisor2 })
            {
                await console.DisposeAsync();
            }
        }
    }
}
