using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AuditTests(ApiFixture fixture)
{
    [Fact]
    public async Task Every_administrative_change_is_in_the_audit_log_with_who_and_never_a_secret()
    {
        var before = fixture.Clock.GetUtcNow();
        using var admin = await fixture.ClientFor("admin");
        (await admin.PutAsJsonAsync("/api/users/audited", new { role = "agent", team = "care", password = "audited-password" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/users/audited", new { role = "supervisor", team = "care" })).EnsureSuccessStatusCode();
        (await admin.DeleteAsync(new Uri("/api/users/audited", UriKind.Relative))).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/channels/audited-mail", new { secret = "audited-secret", team = "care" })).EnsureSuccessStatusCode();
        // The policy P4 already has (other tests rely on it): recorded all the same.
        (await admin.PutAsJsonAsync("/api/sla/policies/P4", new
        {
            firstResponse = "08:00:00", nextResponse = "1.00:00:00", resolution = "3.00:00:00", warningAt = 0.8, escalationAcknowledge = "01:00:00", calendar = "24x7",
        })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/calendars/audited", new { timeZone = "Europe/Tallinn", week = new Dictionary<string, string[][]> { ["monday"] = [["09:00", "17:00"]] } })).EnsureSuccessStatusCode();

        fixture.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var range = $"from={Uri.EscapeDataString(before.ToString("O"))}&to={Uri.EscapeDataString(fixture.Clock.GetUtcNow().ToString("O"))}";
        var response = await admin.GetAsync(new Uri($"/api/audit?{range}", UriKind.Relative));
        var log = (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
        var mine = log.Where(e => e.GetProperty("target").GetString()!.StartsWith("audited", StringComparison.Ordinal) || e.GetProperty("target").GetString() == "P4").ToList();
        Assert.Equal(
            [("user.created", "audited"), ("user.updated", "audited"), ("user.deleted", "audited"), ("channel.created", "audited-mail"), ("policy.updated", "P4"), ("calendar.updated", "audited")],
            mine.Select(e => (e.GetProperty("action").GetString(), e.GetProperty("target").GetString())));
        Assert.All(mine, e => Assert.Equal("admin", e.GetProperty("actor").GetString()));
        Assert.All(mine, e => Assert.Equal(["at", "actor", "action", "target", "details"], e.EnumerateObject().Select(p => p.Name)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("audited-password", text, StringComparison.Ordinal);
        Assert.DoesNotContain("audited-secret", text, StringComparison.Ordinal);

        using var manager = await fixture.ClientFor("manager1");
        await ProblemAssert.Is(HttpStatusCode.Forbidden, await manager.GetAsync(new Uri("/api/audit", UriKind.Relative)));
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await admin.GetAsync(new Uri("/api/audit?from=0001-01-01T00:00:00Z", UriKind.Relative)));
    }
}
