using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Escalation.Api.Tests;

/// <summary>
/// Every endpoint the api maps, called with no token, as an agent of care, a supervisor of another team, a manager
/// and an admin. Requests that are allowed are made so that they change nothing (an empty body, a transition the
/// complaint's status forbids), so the statuses say who may act. An endpoint missing from the table fails the test.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RoleMatrixTests(ApiFixture fixture)
{
    private static readonly string[] Callers = ["nobody", "agent1", "matrix-sup", "manager1", "admin"];

    /// <summary>What is tried on an endpoint that takes any method (the hub's).</summary>
    private static readonly string[] AnyMethod = ["GET", "POST"];

    private sealed record Row(string Path, string Statuses, object? Body = null);

    [Fact]
    public async Task The_orleans_dashboard_is_not_served_unless_turned_on()
    {
        // The fixture's api turns it on (so the matrix covers it): there a caller without a token is refused.
        using var fixtureApi = new HttpClient { BaseAddress = fixture.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixtureApi.GetAsync("/dashboard/DashboardCounters")).StatusCode);

        var (api, address) = await fixture.StartAnotherApi(new Dictionary<string, string> { ["Escalation:Dashboard:Enabled"] = "false" });
        await using var _ = api;
        using var http = new HttpClient { BaseAddress = address };
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/dashboard/DashboardCounters")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/dashboard/index.html")).StatusCode);
    }

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_the_contract_says()
    {
        using var admin = await fixture.ClientFor("admin");
        if ((await admin.PutAsJsonAsync("/api/users/matrix-sup", new { role = "supervisor", team = "matrix" })).StatusCode == HttpStatusCode.BadRequest)
        {
            (await admin.PutAsJsonAsync("/api/users/matrix-sup", new { role = "supervisor", team = "matrix", password = "matrix-password" })).EnsureSuccessStatusCode();
        }

        var open = await fixture.NewComplaint();
        var resolved = await fixture.NewComplaint();
        (await admin.PostAsJsonAsync($"/api/complaints/{resolved}/resolve", new { note = "done" })).EnsureSuccessStatusCode();
        var customer = Uri.EscapeDataString((await admin.GetFromJsonAsync<JsonElement>($"/api/complaints/{open}")).GetProperty("customerId").GetString()!);
        var improvement = (await (await admin.PostAsJsonAsync("/api/improvements", new { title = "Matrix", topic = "other", owner = "agent1", deadline = fixture.Clock.GetUtcNow().AddDays(9) }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var tooLong = new { note = new string('n', 10_001) };

        // nobody, agent (care), supervisor (other team), manager, admin
        var table = new Dictionary<string, Row>
        {
            ["POST /api/auth/login"] = new("/api/auth/login", "400 400 400 400 400", new { }),
            ["GET /api/users/"] = new("/api/users", "401 403 403 403 200"),
            ["PUT /api/users/{username}"] = new("/api/users/matrix-x", "401 403 403 403 400", new { }),
            ["DELETE /api/users/{username}"] = new("/api/users/matrix-nobody", "401 403 403 403 404"),
            ["GET /api/channels/"] = new("/api/channels", "401 403 403 403 200"),
            ["PUT /api/channels/{name}"] = new("/api/channels/matrix-x", "401 403 403 403 400", new { }),
            ["GET /api/teams/"] = new("/api/teams", "401 403 200 200 200"),
            ["GET /api/teams/{team}"] = new("/api/teams/care", "401 403 403 200 200"),
            ["GET /api/teams/{team}/routing/"] = new("/api/teams/care/routing", "401 403 403 403 200"),
            ["PUT /api/teams/{team}/routing/"] = new("/api/teams/care/routing", "401 403 403 403 400", new { capacity = -1 }),
            ["GET /api/teams/{team}/escalation"] = new("/api/teams/care/escalation", "401 403 403 200 200"),
            ["PUT /api/teams/{team}/escalation"] = new("/api/teams/care/escalation", "401 403 403 403 400", new { }),
            ["GET /api/teams/{team}/roster"] = new("/api/teams/care/roster", "401 403 403 200 200"),
            ["PUT /api/teams/{team}/roster"] = new("/api/teams/care/roster", "401 403 403 403 400", new { timeZone = "Matrix/Nowhere" }),
            ["POST /api/connectors/{channel}/complaints"] = new("/api/connectors/facebook/complaints", "401 401 401 401 401", new { }),
            ["POST /api/connectors/{channel}/nps"] = new("/api/connectors/facebook/nps", "401 401 401 401 401", new { }),
            ["GET /api/complaints/"] = new("/api/complaints", "401 200 200 200 200"),
            ["GET /api/complaints/{id:guid}"] = new($"/api/complaints/{open}", "401 200 403 200 200"),
            ["POST /api/complaints/{id:guid}/assign"] = new($"/api/complaints/{resolved}/assign", "401 400 403 400 400", new { }),
            ["POST /api/complaints/{id:guid}/responses"] = new($"/api/complaints/{resolved}/responses", "401 400 403 400 400", new { }),
            ["POST /api/complaints/{id:guid}/notes"] = new($"/api/complaints/{resolved}/notes", "401 400 403 400 400", new { }),
            ["POST /api/complaints/{id:guid}/wait-for-customer"] = new($"/api/complaints/{resolved}/wait-for-customer", "401 409 403 409 409"),
            ["POST /api/complaints/{id:guid}/resume"] = new($"/api/complaints/{resolved}/resume", "401 409 403 409 409"),
            ["POST /api/complaints/{id:guid}/resolve"] = new($"/api/complaints/{resolved}/resolve", "401 400 403 400 400", tooLong),
            ["POST /api/complaints/{id:guid}/reopen"] = new($"/api/complaints/{open}/reopen", "401 409 403 409 409"),
            ["POST /api/complaints/{id:guid}/deliveries/{deliveryId:guid}/retry"] =
                new($"/api/complaints/{open}/deliveries/{Guid.NewGuid()}/retry", "401 409 403 409 409"),
            ["POST /api/complaints/{id:guid}/escalation/acknowledge"] = new($"/api/complaints/{resolved}/escalation/acknowledge", "401 403 403 409 409"),
            ["GET /api/customers/{id}"] = new($"/api/customers/{customer}", "401 200 404 200 200"),
            ["POST /api/customers/{id}/merge"] = new($"/api/customers/{customer}/merge", "401 403 404 400 400", new { }),
            ["GET /api/customers/{id}/suggested-merges"] = new($"/api/customers/{customer}/suggested-merges", "401 403 404 200 200"),
            ["GET /api/customers/{id}/export"] = new($"/api/customers/{customer}/export", "401 403 403 403 200"),
            ["DELETE /api/customers/{id}"] = new("/api/customers/matrix%3Anobody", "401 403 403 403 404"),
            ["GET /api/sla/policies/"] = new("/api/sla/policies", "401 200 200 200 200"),
            ["PUT /api/sla/policies/{priority}"] = new("/api/sla/policies/P4", "401 403 403 403 400", new { }),
            ["GET /api/sla/policy-sets/"] = new("/api/sla/policy-sets", "401 403 403 403 200"),
            ["GET /api/sla/policy-sets/{name}"] = new("/api/sla/policy-sets/matrix-none", "401 403 403 403 404"),
            ["PUT /api/sla/policy-sets/{name}"] = new("/api/sla/policy-sets/matrix-none", "401 403 403 403 400", new { }),
            ["DELETE /api/sla/policy-sets/{name}"] = new("/api/sla/policy-sets/matrix-none", "401 403 403 403 404"),
            ["GET /api/calendars/"] = new("/api/calendars", "401 200 200 200 200"),
            ["PUT /api/calendars/{name}"] = new("/api/calendars/matrix", "401 403 403 403 400", new { }),
            ["POST /api/responses/check"] = new("/api/responses/check", "401 400 400 400 400", new { }),
            ["POST /api/nps/"] = new("/api/nps", "401 400 400 400 400", new { }),
            ["GET /api/nps/"] = new("/api/nps", "401 403 200 200 200"),
            ["GET /api/analytics"] = new("/api/analytics", "401 403 200 200 200"),
            ["GET /api/reports/sla"] = new("/api/reports/sla", "401 403 200 200 200"),
            ["GET /api/reports/breaches"] = new("/api/reports/breaches", "401 403 200 200 200"),
            ["GET /api/digest"] = new("/api/digest", "401 403 200 200 200"),
            ["GET /api/goals"] = new("/api/goals", "401 403 200 200 200"),
            ["PUT /api/goals/{topic}"] = new("/api/goals/other", "401 403 403 400 400", new { }),
            ["GET /api/improvements/"] = new("/api/improvements", "401 200 200 200 200"),
            ["POST /api/improvements/"] = new("/api/improvements", "401 403 400 400 400", new { }),
            ["PATCH /api/improvements/{id:guid}"] = new($"/api/improvements/{improvement}", "401 403 403 200 200", new { }),
            ["GET /api/audit"] = new("/api/audit", "401 403 403 403 200"),
            ["GET /hubs/console/negotiate"] = new("/hubs/console/negotiate", "401 405 405 405 405"),
            ["POST /hubs/console/negotiate"] = new("/hubs/console/negotiate?negotiateVersion=1", "401 200 200 200 200"),
            ["GET /hubs/console"] = new("/hubs/console", "401 400 400 400 400"),
            ["POST /hubs/console"] = new("/hubs/console", "401 400 400 400 400"),
            ["GET /health/live"] = new("/health/live", "200 200 200 200 200"),
            ["GET /health/ready"] = new("/health/ready", "200 200 200 200 200"),
            ["GET /metrics"] = new("/metrics", "200 200 200 200 200"),
            ["POST /health/live"] = new("/health/live", "200 200 200 200 200"),
            ["POST /health/ready"] = new("/health/ready", "200 200 200 200 200"),
            ["POST /metrics"] = new("/metrics", "200 200 200 200 200"),
            ["GET /openapi/{documentName}.json"] = new("/openapi/v1.json", "200 200 200 200 200"),
            ["GET /scalar/{documentName?}"] = new("/scalar/v1", "200 200 200 200 200"),
            ["GET /scalar/scalar.js"] = new("/scalar/scalar.js", "200 200 200 200 200"),
            ["GET /scalar/scalar.aspnetcore.js"] = new("/scalar/scalar.aspnetcore.js", "200 200 200 200 200"),
            ["GET /scalar/favicon.svg"] = new("/scalar/favicon.svg", "200 200 200 200 200"),
        };

        var clients = new List<HttpClient>();
        foreach (var caller in Callers)
        {
            var client = new HttpClient { BaseAddress = fixture.BaseAddress };
            if (caller != "nobody")
            {
                client.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.Token(caller, caller == "matrix-sup" ? "matrix-password" : null));
            }

            clients.Add(client);
        }

        var endpoints = Endpoints().ToList();
        var failures = table.Keys.Except(endpoints.Select(endpoint => $"{endpoint.Method} {endpoint.Pattern}")).Select(key => $"{key}: no such endpoint").ToList();
        foreach (var (method, pattern) in endpoints)
        {
            var key = $"{method} {pattern}";
            var row = table.GetValueOrDefault(key)
                ?? (pattern.StartsWith("/dashboard", StringComparison.Ordinal) ? new Row(Concrete(pattern), "401 403 403 403 admin") : null);
            if (row is null)
            {
                failures.Add($"{key}: not in the table");
                continue;
            }

            var expected = row.Statuses.Split(' ');
            for (var i = 0; i < clients.Count; i++)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(row.Path, UriKind.Relative));
                if (row.Body is not null)
                {
                    request.Content = new StringContent(JsonSerializer.Serialize(row.Body), Encoding.UTF8, "application/json");
                }

                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                int status;
                try
                {
                    // Only the headers: a streaming endpoint's answer never ends.
                    using var response = await clients[i].SendAsync(request, HttpCompletionOption.ResponseHeadersRead, patience.Token);
                    status = (int)response.StatusCode;
                }
                catch (OperationCanceledException)
                {
                    failures.Add($"{key} as {Callers[i]}: no answer");
                    continue;
                }

                var fine = expected[i] == "admin" ? status is not (401 or 403) : $"{status}" == expected[i];
                if (!fine)
                {
                    failures.Add($"{key} as {Callers[i]}: {status}, expected {expected[i]}");
                }
            }
        }

        clients.ForEach(client => client.Dispose());
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private IEnumerable<(string Method, string Pattern)> Endpoints() =>
        fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? AnyMethod)
                .Select(method => (method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct();

    /// <summary>
    /// A dashboard route with its parameters filled in. Only who may call it is asserted: its data needs the dashboard's
    /// silo side, which the test silo does not run.
    /// </summary>
    private static string Concrete(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]*\}", "1");
}
