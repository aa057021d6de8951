using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Api.Tests;

/// <summary>A team's capacities over the api, in a team of its own (<c>routing</c>) so that no other test's assignments change.</summary>
[Collection(ApiCollection.Name)]
public sealed class RoutingApiTests(ApiFixture fixture)
{
    private const string Path = "/api/teams/routing/routing";

    [Fact]
    public async Task An_admin_or_the_teams_supervisor_sets_capacities_that_the_overview_shows()
    {
        using var admin = await fixture.ClientFor("admin");
        foreach (var (user, role) in new[] { ("routing-agent", "agent"), ("routing-sup", "supervisor") })
        {
            if ((await admin.PutAsJsonAsync($"/api/users/{user}", new { role, team = "routing" })).StatusCode == HttpStatusCode.BadRequest)
            {
                (await admin.PutAsJsonAsync($"/api/users/{user}", new { role, team = "routing", password = "routing-password" })).EnsureSuccessStatusCode();
            }
        }

        using var supervisor = new HttpClient { BaseAddress = fixture.BaseAddress };
        supervisor.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.Token("routing-sup", "routing-password"));
        var initial = await supervisor.GetFromJsonAsync<JsonElement>(Path);
        Assert.Equal(JsonValueKind.Null, initial.GetProperty("capacity").ValueKind);

        var set = await supervisor.PutAsJsonAsync(Path, new { capacity = 8, agents = new Dictionary<string, int?> { ["routing-agent"] = 3 } });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var routing = await admin.GetFromJsonAsync<JsonElement>(Path);
        Assert.Equal(8, routing.GetProperty("capacity").GetInt32());
        Assert.Equal(3, routing.GetProperty("agents").GetProperty("routing-agent").GetInt32());
        var member = (await admin.GetFromJsonAsync<JsonElement>("/api/teams/routing")).GetProperty("members").EnumerateArray()
            .Single(m => m.GetProperty("username").GetString() == "routing-agent");
        Assert.Equal(3, member.GetProperty("capacity").GetInt32());

        var errors = (await ProblemAssert.Is(HttpStatusCode.BadRequest, await admin.PutAsJsonAsync(Path, new { capacity = -1, agents = new Dictionary<string, int?> { ["agent1"] = 2 } })))
            .GetProperty("errors");
        Assert.True(errors.TryGetProperty("capacity", out _));
        Assert.True(errors.TryGetProperty("agents.agent1", out _)); // an agent of another team
        Assert.Equal(8, (await admin.GetFromJsonAsync<JsonElement>(Path)).GetProperty("capacity").GetInt32());

        using var otherSupervisor = await fixture.ClientFor("supervisor1");
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await otherSupervisor.PutAsJsonAsync(Path, new { capacity = 1 }));
        using var manager = await fixture.ClientFor("manager1");
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await manager.GetAsync(Path));
        await ProblemAssert.Is(HttpStatusCode.NotFound, await admin.GetAsync("/api/teams/no-such-team/routing"));

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?to={Uri.EscapeDataString(fixture.Clock.GetUtcNow().AddSeconds(1).ToString("O"))}");
        Assert.Contains(audit.EnumerateArray(), entry => entry.GetProperty("action").GetString() == "routing.updated"
            && entry.GetProperty("details").GetString() == "capacity=8, routing-agent=3" && entry.GetProperty("actor").GetString() == "routing-sup");
    }
}
