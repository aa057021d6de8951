using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ConnectorIngestionTests(ApiFixture fixture)
{
    private static string Body(string externalId, string? text = null, string? extra = null, string? customer = null) =>
        $$"""{"externalId":"{{externalId}}","customer":{"id":"{{customer ?? $"x:{externalId}"}}","name":"John Smith"},"text":{{JsonSerializer.Serialize(text ?? "My parcel arrived damaged and nobody answers.")}}{{extra}}}""";

    private static string NewId() => "m-" + Guid.NewGuid().ToString("N");

    private async Task<HttpClient> Admin() => await fixture.ClientFor("admin");

    private async Task<int> OpenComplaintsWithExternalId(string externalId)
    {
        using var manager = await fixture.ClientFor("manager1");
        var open = await manager.GetFromJsonAsync<JsonElement>("/api/complaints?status=open");
        return open.EnumerateArray().Count(c => c.GetProperty("externalId").GetString() == externalId);
    }

    [Fact]
    public async Task An_accepted_complaint_is_immediately_readable_with_its_deadlines()
    {
        var externalId = NewId();
        var response = await fixture.PostSigned("x", Body(externalId, extra: ""","public":false,"language":"en","url":"https://x.com/p/1" """));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(accepted.GetProperty("duplicate").GetBoolean());
        var id = accepted.GetProperty("complaintId").GetGuid();

        using var agent = await fixture.ClientFor("agent1");
        var complaint = await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{id}");
        Assert.Equal(externalId, complaint.GetProperty("externalId").GetString());
        Assert.Equal("x:" + externalId, complaint.GetProperty("customerId").GetString());
        Assert.Equal("P3", complaint.GetProperty("priority").GetString());
        Assert.Equal("en", complaint.GetProperty("language").GetString());
        Assert.Equal("https://x.com/p/1", complaint.GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.String, complaint.GetProperty("firstResponseDueAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, complaint.GetProperty("nextResponseDueAt").ValueKind);
        Assert.Equal("created", complaint.GetProperty("timeline")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_same_message_twice_returns_the_first_complaint_and_stores_one()
    {
        var externalId = NewId();
        var first = await fixture.PostSigned("facebook", Body(externalId));
        var second = await fixture.PostSigned("facebook", Body(externalId, "A different text the second time"));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var again = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid(), again.GetProperty("complaintId").GetGuid());
        Assert.Equal(1, await OpenComplaintsWithExternalId(externalId));
    }

    [Fact]
    public async Task Parallel_duplicates_make_one_complaint()
    {
        var externalId = NewId();
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => fixture.PostSigned("facebook", Body(externalId))));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.Equal(15, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await OpenComplaintsWithExternalId(externalId));
    }

    [Fact]
    public async Task A_follow_up_joins_its_complaint_and_an_unknown_reference_opens_a_new_one()
    {
        var first = NewId();
        var customer = $"x:{first}";
        var id = (await (await fixture.PostSigned("facebook", Body(first))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid();

        var reply = await fixture.PostSigned("facebook", Body(NewId(), "Still waiting!", $$""","inReplyTo":"{{first}}" """, customer));
        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        var appended = await reply.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(appended.GetProperty("appended").GetBoolean());
        Assert.Equal(id, appended.GetProperty("complaintId").GetGuid());

        using var agent = await fixture.ClientFor("agent1");
        var complaint = await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{id}");
        var message = Assert.Single(complaint.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("type").GetString() == "customerMessage");
        Assert.Equal("Still waiting!", message.GetProperty("text").GetString());

        var orphan = await fixture.PostSigned("facebook", Body(NewId(), "Replying to something you never got", ""","inReplyTo":"nobody-knows" """));
        var opened = await orphan.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(opened.GetProperty("appended").GetBoolean());
        var orphanComplaint = await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{opened.GetProperty("complaintId").GetGuid()}");
        Assert.Equal("nobody-knows", orphanComplaint.GetProperty("inReplyTo").GetString());

        // Another customer naming the message does not join that customer's complaint: the reply opens its own.
        var stranger = await fixture.PostSigned("facebook", Body(NewId(), "Mine too!", $$""","inReplyTo":"{{first}}" """, "x:someone-else"));
        var own = await stranger.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(own.GetProperty("appended").GetBoolean());
        Assert.NotEqual(id, own.GetProperty("complaintId").GetGuid());
        Assert.Single((await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{id}")).GetProperty("timeline").EnumerateArray(),
            e => e.GetProperty("type").GetString() == "customerMessage");
    }

    [Fact]
    public async Task An_unknown_channel_is_not_found()
    {
        await ProblemAssert.Is(HttpStatusCode.NotFound, await fixture.PostSigned("myspace", Body(NewId())));
    }

    [Fact]
    public async Task A_bad_or_missing_signature_is_unauthorized_and_stores_nothing()
    {
        var externalId = NewId();
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await fixture.PostSigned("facebook", Body(externalId), secret: "wrong-secret"));
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await fixture.PostSigned("facebook", Body(externalId), signature: "sha256=zz"));
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await fixture.PostSigned("facebook", Body(externalId), signature: ""));
        Assert.Equal(0, await OpenComplaintsWithExternalId(externalId));

        // Nothing was stored: the same message, signed right, is new.
        Assert.Equal(HttpStatusCode.Accepted, (await fixture.PostSigned("facebook", Body(externalId))).StatusCode);
    }

    [Fact]
    public async Task A_stale_or_future_timestamp_is_unauthorized()
    {
        // The api runs on the fixture's clock, which stands still unless a test moves it: the boundary is exact.
        var now = fixture.Clock.GetUtcNow().ToUnixTimeSeconds();
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await fixture.PostSigned("facebook", Body(NewId()), timestamp: now - 301));
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await fixture.PostSigned("facebook", Body(NewId()), timestamp: now + 301));
        Assert.Equal(HttpStatusCode.Accepted, (await fixture.PostSigned("facebook", Body(NewId()), timestamp: now - 300)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await fixture.PostSigned("facebook", Body(NewId()), timestamp: now + 300)).StatusCode);
    }

    [Theory]
    [InlineData("{\"externalId\": ")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"externalId\":\"a\",\"customer\":{\"id\":\"c\"},\"text\":\"t\",\"public\":\"yes\"}")]
    public async Task Malformed_json_is_a_bad_request(string body)
    {
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await fixture.PostSigned("facebook", body));
    }

    [Theory]
    [InlineData("{\"customer\":{\"id\":\"c\"},\"text\":\"t\"}", "externalId")]
    [InlineData("{\"externalId\":\"e\",\"text\":\"t\"}", "customer.id")]
    [InlineData("{\"externalId\":\"e\",\"customer\":{\"id\":\"c\"}}", "text")]
    [InlineData("{\"externalId\":\"e\",\"customer\":{\"id\":\"c\"},\"text\":\"t\",\"priority\":\"P9\"}", "priority")]
    [InlineData("{\"externalId\":\"e\",\"customer\":{\"id\":\"c\"},\"text\":\"t\",\"url\":\"javascript:alert(1)\"}", "url")]
    [InlineData("{\"externalId\":\"e\",\"customer\":{\"id\":\"c\"},\"text\":\"t\",\"createdAt\":\"2099-01-01T00:00:00.000Z\"}", "createdAt")]
    public async Task Missing_or_invalid_fields_are_named_in_the_error(string body, string field)
    {
        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, await fixture.PostSigned("facebook", body));
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the errors name {field}");
    }

    [Fact]
    public async Task Text_over_ten_thousand_characters_is_refused_and_at_the_limit_accepted()
    {
        await ProblemAssert.Is(HttpStatusCode.BadRequest, await fixture.PostSigned("facebook", Body(NewId(), new string('ä', 10_001))));
        Assert.Equal(HttpStatusCode.Accepted, (await fixture.PostSigned("facebook", Body(NewId(), new string('ä', 10_000)))).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_too_large_whatever_the_signature()
    {
        var huge = Body(NewId(), extra: $$""","padding":"{{new string('x', 200_000)}}" """);
        await ProblemAssert.Is(HttpStatusCode.RequestEntityTooLarge, await fixture.PostSigned("facebook", huge, signature: "sha256=00"));
        var large = Body(NewId(), extra: $$""","padding":"{{new string('x', 60_000)}}" """);
        Assert.Equal(HttpStatusCode.Accepted, (await fixture.PostSigned("facebook", large)).StatusCode);
    }

    [Fact]
    public async Task Hostile_text_is_stored_verbatim_as_text()
    {
        const string hostile = "<img src=x onerror=alert(1)><script>alert('x')</script> ' OR 1=1; --";
        var id = (await (await fixture.PostSigned("web", Body(NewId(), hostile))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid();
        using var agent = await fixture.ClientFor("agent1");
        Assert.Equal(hostile, (await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{id}")).GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_rotated_secret_applies_to_the_next_request_without_a_restart()
    {
        using var admin = await Admin();
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsJsonAsync("/api/channels/trustpilot", new { secret = "first-secret", team = "care" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await fixture.PostSigned("trustpilot", Body(NewId()), secret: "first-secret")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/channels/trustpilot", new { secret = "second-secret", team = "care" })).StatusCode);
        await ProblemAssert.Is(HttpStatusCode.Unauthorized, await fixture.PostSigned("trustpilot", Body(NewId()), secret: "first-secret"));
        Assert.Equal(HttpStatusCode.Accepted, (await fixture.PostSigned("trustpilot", Body(NewId()), secret: "second-secret")).StatusCode);

        var channels = await admin.GetStringAsync(new Uri("/api/channels", UriKind.Relative));
        Assert.Contains("trustpilot", channels, StringComparison.Ordinal);
        Assert.DoesNotContain("second-secret", channels, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsigned_junk_spends_its_addresss_budget_and_never_the_channels()
    {
        var (api, address) = await fixture.StartAnotherApi(new Dictionary<string, string>
        {
            ["Escalation:Connectors:RequestsPerSecondPerChannel"] = "2",
            ["Escalation:Connectors:RequestsPerSecondPerAddress"] = "30",
        });
        await using var _ = api;
        using var http = new HttpClient { BaseAddress = address };
        async Task<HttpResponseMessage> Post(string? signature) => await http.SendAsync(Escalation.Connectors.SignedRequest.Create(
            Escalation.Connectors.SignedRequest.ComplaintsPath("email"), ApiDriver.Secret, System.Text.Encoding.UTF8.GetBytes(Body(NewId())),
            fixture.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), signature));

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Post("sha256=00")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Accepted, (await Post(null)).StatusCode);
        await UntilTooMany(() => Post(null));
        await UntilTooMany(() => Post("sha256=00"));
    }

    /// <summary>Repeats the request until it is refused with 429 and Retry-After, as a limit's refusal must be.</summary>
    private static async Task UntilTooMany(Func<Task<HttpResponseMessage>> post)
    {
        for (var i = 0; i < 500; i++)
        {
            var response = await post();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await ProblemAssert.Is(HttpStatusCode.TooManyRequests, response);
                Assert.NotNull(response.Headers.RetryAfter);
                return;
            }
        }

        Assert.Fail("never refused");
    }
}
