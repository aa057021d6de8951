using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Api.Tests.Durable;

/// <summary>A response's delivery in the durable profile: its outbox is stored with the complaint.</summary>
[Collection(DurableCollection.Name)]
public sealed class DurableOutboundTests(DurableFixture fixture)
{
    private const string ChannelSecret = "durable-outbound-secret-0123456789";

    [Fact]
    public async Task A_response_accepted_just_before_the_whole_cluster_is_killed_is_delivered_after_it_comes_back()
    {
        await using var listener = ConnectorListener.OnFreePort();
        var channel = "out-" + Guid.NewGuid().ToString("N")[..8];
        using var admin = await fixture.ClientFor("admin");
        (await admin.PutAsJsonAsync($"/api/channels/{channel}", new { secret = ChannelSecret, team = "care", outboundUrl = listener.Address.ToString() }))
            .EnsureSuccessStatusCode();
        var externalId = "k-" + Guid.NewGuid().ToString("N")[..8];
        var posted = await fixture.PostSigned(channel, JsonSerializer.Serialize(new { externalId, customer = new { id = "fb:" + externalId }, text = "Pakk on kadunud" }), ChannelSecret);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var complaint = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid();
        using var agent = await fixture.ClientFor("agent1");

        // The connector is down: the first attempts fail, then the whole cluster dies with the response in its outbox.
        Assert.Equal(HttpStatusCode.Created,
            (await agent.PostAsJsonAsync($"/api/complaints/{complaint}/responses", new { text = "Vabandame, saadame uue!", @public = true })).StatusCode);
        foreach (var silo in fixture.Silos)
        {
            await silo.Kill();
            silo.Dispose();
        }

        await listener.Start();
        await fixture.StartSilos();

        var reply = await listener.Nth(1, TimeSpan.FromSeconds(90));
        Assert.Null(reply.SignatureProblem(ChannelSecret));
        Assert.Equal(externalId, reply.Json.GetProperty("inReplyTo").GetString());
        var details = await fixture.DetailsWhen(complaint, d => Response(d).GetProperty("delivery").GetString() == "delivered", TimeSpan.FromSeconds(30));
        var response = Response(details);
        Assert.Equal("delivered", response.GetProperty("delivery").GetString());
        Assert.Equal(response.GetProperty("deliveryId").GetGuid(), reply.DeliveryId);
        Assert.All(listener.Received, received => Assert.Equal(reply.DeliveryId, received.DeliveryId));
    }

    private static JsonElement Response(JsonElement details) =>
        details.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "responded");
}
