using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Escalation.Api.Tests;

/// <summary>
/// Responses reach the customer's channel: posted signed to the channel's outbound address, retried with the same
/// delivery id until a connector (a local listener here) accepts them, given up after a day with an alert, and sent
/// again on request.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OutboundDeliveryTests(ApiFixture fixture)
{
    private const string ChannelSecret = "outbound-test-secret-0123456789abcdef";

    [Fact]
    public async Task A_response_is_posted_signed_to_the_channel_and_a_500_then_a_200_delivers_it_once_with_one_delivery_id()
    {
        await using var listener = ConnectorListener.OnFreePort();
        listener.Answer = n => n == 1 ? Results.StatusCode(500) : Results.Json(new { externalReplyId = "fb-reply-9", url = "https://facebook.example/r/9" });
        await listener.Start();
        var channel = await Channel(listener.Address.ToString());
        var tag = Guid.NewGuid().ToString("N")[..8];
        var complaint = await Post(channel, new { externalId = $"p-{tag}", customer = new { id = $"fb:{tag}" }, text = "Pakk on kadunud", @public = true });
        await Post(channel, new { externalId = $"p-{tag}-2", customer = new { id = $"fb:{tag}" }, text = "Kas keegi vastab?", inReplyTo = $"p-{tag}" });
        using var agent = await fixture.ClientFor("agent1");

        (await agent.PostAsJsonAsync($"/api/complaints/{complaint}/responses", new { text = "Vabandame, saadame uue!", @public = true })).EnsureSuccessStatusCode();

        var first = await listener.Nth(1);
        Assert.Null(first.SignatureProblem(ChannelSecret));
        var body = first.Json;
        Assert.Equal(complaint, body.GetProperty("complaintId").GetGuid());
        Assert.Equal($"p-{tag}-2", body.GetProperty("inReplyTo").GetString());
        Assert.Equal($"fb:{tag}", body.GetProperty("customerId").GetString());
        Assert.Equal("Vabandame, saadame uue!", body.GetProperty("text").GetString());
        Assert.True(body.GetProperty("public").GetBoolean());
        Assert.Equal("agent1", body.GetProperty("author").GetString());

        var second = await NextAttempt(listener, 2);
        Assert.Null(second.SignatureProblem(ChannelSecret));
        Assert.Equal(first.DeliveryId, second.DeliveryId);
        var details = await fixture.DetailsWhen(complaint, d => Response(d).GetProperty("delivery").GetString() == "delivered");
        var receipt = details.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "responseDelivered");
        Assert.Equal(first.DeliveryId, Response(details).GetProperty("deliveryId").GetGuid());
        Assert.Equal((first.DeliveryId, "fb-reply-9", "https://facebook.example/r/9"),
            (receipt.GetProperty("deliveryId").GetGuid(), receipt.GetProperty("externalId").GetString(), receipt.GetProperty("url").GetString()));

        // Delivered once: time passing sends nothing more.
        await fixture.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(2, listener.Received.Count);
    }

    [Fact]
    public async Task A_connector_down_for_a_while_gets_the_reply_when_it_is_back_and_one_down_too_long_fails_with_an_alert_and_a_retry()
    {
        await using var listener = ConnectorListener.OnFreePort();
        var channel = await Channel(listener.Address.ToString());
        var tag = Guid.NewGuid().ToString("N")[..8];
        var complaint = await Post(channel, new { externalId = $"d-{tag}", customer = new { id = $"fb:{tag}" }, text = "Arve on vale", @public = true });
        using var agent = await fixture.ClientFor("agent1");
        await using var supervisor = await HubListener.Connect(fixture.BaseAddress, await fixture.Token("supervisor1"));
        (await agent.PostAsJsonAsync($"/api/complaints/{complaint}/responses", new { text = "Uurime arvet", @public = true })).EnsureSuccessStatusCode();
        await fixture.Advance(TimeSpan.FromMinutes(2));

        await listener.Start();
        var delivered = await NextAttempt(listener, 1);
        await fixture.DetailsWhen(complaint, d => Response(d).GetProperty("delivery").GetString() == "delivered");
        Assert.Equal(Response(await Details(complaint)).GetProperty("deliveryId").GetGuid(), delivered.DeliveryId);

        await listener.Stop();
        (await agent.PostAsJsonAsync($"/api/complaints/{complaint}/responses", new { text = "Arve on parandatud", @public = true })).EnsureSuccessStatusCode();
        await fixture.Advance(ApiFixture.OutboundGiveUpAfter + TimeSpan.FromMinutes(1));
        var failed = await supervisor.WaitFor("deliveryFailed", complaint);
        var details = await fixture.DetailsWhen(complaint, d => Response(d, last: true).GetProperty("delivery").GetString() == "failed");
        var deliveryId = Response(details, last: true).GetProperty("deliveryId").GetGuid();
        Assert.Equal(deliveryId, failed.GetProperty("deliveryId").GetGuid());
        Assert.False(string.IsNullOrEmpty(failed.GetProperty("reason").GetString()));
        Assert.Contains(details.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("type").GetString() == "responseDeliveryFailed");

        await listener.Start();
        var retried = await agent.PostAsync($"/api/complaints/{complaint}/deliveries/{deliveryId}/retry", null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await listener.Of(deliveryId);
        await fixture.DetailsWhen(complaint, d => Response(d, last: true).GetProperty("delivery").GetString() == "delivered");
        await ProblemAssert.Is(HttpStatusCode.Conflict, await agent.PostAsync($"/api/complaints/{complaint}/deliveries/{deliveryId}/retry", null));
    }

    [Fact]
    public async Task A_channel_without_an_outbound_address_shows_none_and_an_address_that_is_not_http_is_refused()
    {
        var complaint = await fixture.NewComplaint();
        using var agent = await fixture.ClientFor("agent1");
        (await agent.PostAsJsonAsync($"/api/complaints/{complaint}/responses", new { text = "Vabandame!", @public = true })).EnsureSuccessStatusCode();
        var response = Response(await Details(complaint));
        Assert.Equal("none", response.GetProperty("delivery").GetString());
        Assert.Equal(JsonValueKind.Null, response.GetProperty("deliveryId").ValueKind);

        using var admin = await fixture.ClientFor("admin");
        foreach (var address in new[] { "javascript:alert(1)", "ftp://example.com/x", "/relative", "https://user:pw@example.com/x" })
        {
            var put = await admin.PutAsJsonAsync("/api/channels/never-made", new { secret = ChannelSecret, team = "care", outboundUrl = address });
            await ProblemAssert.Is(HttpStatusCode.BadRequest, put);
        }

        Assert.DoesNotContain("never-made", await admin.GetStringAsync("/api/channels"), StringComparison.Ordinal);
    }

    /// <summary>Moves the clock on until the n-th reply arrives: an attempt out (10 s) or a pause (at most 5 min) ends within each step.</summary>
    private async Task<DeliveredReply> NextAttempt(ConnectorListener listener, int n)
    {
        for (var step = 0; step < 10; step++)
        {
            await fixture.Advance(TimeSpan.FromMinutes(6));
            try
            {
                return await listener.Nth(n, TimeSpan.FromSeconds(3));
            }
            catch (TimeoutException)
            {
                // The attempt had not been settled when the clock moved: the next step covers its pause.
            }
        }

        throw new TimeoutException($"Reply {n} never reached the connector.");
    }

    private async Task<string> Channel(string outboundUrl)
    {
        var name = "out-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = await fixture.ClientFor("admin");
        var put = await admin.PutAsJsonAsync($"/api/channels/{name}", new { secret = ChannelSecret, team = "care", outboundUrl });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(outboundUrl, (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outboundUrl").GetString());
        return name;
    }

    private async Task<Guid> Post(string channel, object body)
    {
        var response = await fixture.PostSigned(channel, JsonSerializer.Serialize(body), ChannelSecret);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid();
    }

    private async Task<JsonElement> Details(Guid complaint)
    {
        using var manager = await fixture.ClientFor("manager1");
        return await manager.GetFromJsonAsync<JsonElement>($"/api/complaints/{complaint}");
    }

    private static JsonElement Response(JsonElement details, bool last = false)
    {
        var responses = details.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "responded");
        return last ? responses.Last() : responses.First();
    }
}
