using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Escalation.Api.Tests;

/// <summary>Links a connector sends with a complaint: kept and shown when they are http(s), refused whole otherwise.</summary>
[Collection(ApiCollection.Name)]
public sealed class AttachmentTests(ApiFixture fixture)
{
    [Fact]
    public async Task Attachments_are_kept_on_the_complaint_and_shown_in_its_summary()
    {
        var externalId = "att-" + Guid.NewGuid().ToString("N")[..8];
        var response = await fixture.PostSigned("facebook", JsonSerializer.Serialize(new
        {
            externalId,
            customer = new { id = "fb:" + externalId },
            text = "Vaadake pilti: kapp on katki",
            attachments = new object[]
            {
                new { url = "https://cdn.example/photo-1.jpg", name = "kapp.jpg", contentType = "image/jpeg", size = 183_204 },
                new { url = "http://receipts.example/r/77" },
            },
        }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid();
        using var manager = await fixture.ClientFor("manager1");

        var attachments = (await manager.GetFromJsonAsync<JsonElement>($"/api/complaints/{id}")).GetProperty("attachments").EnumerateArray().ToList();

        Assert.Equal(2, attachments.Count);
        Assert.Equal(("https://cdn.example/photo-1.jpg", "kapp.jpg", "image/jpeg", 183_204L),
            (attachments[0].GetProperty("url").GetString(), attachments[0].GetProperty("name").GetString(),
                attachments[0].GetProperty("contentType").GetString(), attachments[0].GetProperty("size").GetInt64()));
        Assert.Equal(JsonValueKind.Null, attachments[1].GetProperty("name").ValueKind);
    }

    [Theory]
    [InlineData("javascript:alert(1)", 1, "attachments[0].url")]
    [InlineData("data:text/html,<script>alert(1)</script>", 1, "attachments[0].url")]
    [InlineData("/relative/path.png", 1, "attachments[0].url")]
    [InlineData("https://cdn.example/ok.png", 11, "attachments")]
    public async Task Attachments_that_are_not_web_links_or_too_many_are_refused_and_nothing_is_stored(string url, int count, string field)
    {
        var externalId = "att-bad-" + Guid.NewGuid().ToString("N")[..8];
        var body = JsonSerializer.Serialize(new
        {
            externalId,
            customer = new { id = "fb:" + externalId },
            text = "Pilt on lisatud",
            attachments = Enumerable.Repeat(new { url }, count),
        });

        var response = await fixture.PostSigned("facebook", body);

        var problem = await ProblemAssert.Is(HttpStatusCode.BadRequest, response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        using var manager = await fixture.ClientFor("manager1");
        var search = await manager.GetAsync($"/api/complaints?q={externalId}");
        Assert.Equal("0", search.Headers.GetValues("X-Total-Count").Single());
    }
}
