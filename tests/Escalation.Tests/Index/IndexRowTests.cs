using System.Text.Json;
using Escalation.Complaints;
using Escalation.Grains.Index;
using Escalation.Queues;
using Escalation.Tests.Domain;

namespace Escalation.Tests.Index;

/// <summary>The embedded index keeps rows compact (texts in one UTF-8 array, shared values) and gives them back as they were.</summary>
public sealed class IndexRowTests
{
    [Fact]
    public async Task A_listed_row_is_the_complaints_own_row_whatever_its_texts_nulls_and_offsets()
    {
        // The emoji straddles the 280th unit: the preview stops before it rather than keep half of it.
        var text = string.Concat(Enumerable.Repeat("Külmik ei tööta, 冷蔵庫が壊れた 🧊 ", 20)).Insert(279, "🧊");
        var fixture = new ComplaintFixture(assignee: null, message: new NewComplaint(
            "x", new string('e', 20_000), new CustomerRef("x:õun", null), text, Public: false, "care", Url: "",
            CreatedAt: ComplaintFixture.Start.AddMinutes(-5).ToOffset(TimeSpan.FromHours(2)), InReplyTo: "x-0",
            Attachments: [new Attachment("https://files.example/a.png", "a.png", "image/png", 1234)]));
        var id = Guid.NewGuid();
        var index = new InMemoryComplaintIndex(new ComplaintProjection(8));
        index.Apply(ListOrderTests.ComplaintGrainId(id), fixture.State);

        var listed = Assert.Single((await index.Page(new ComplaintQuery(["care"]))).Rows);

        var expected = ComplaintSummary.Of(id, fixture.State).AsRow();
        Assert.True(expected.TextTruncated);
        Assert.Equal(text[..279], expected.Text);
        Assert.Null(expected.CustomerName);
        Assert.Equal("", expected.Url);
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(listed));
        Assert.Equal(TimeSpan.FromHours(2), listed.CreatedAt.Offset);
        Assert.Equal([id], (await index.Page(new ComplaintQuery(["care"], Search: "KULMIK EI TOOTA"))).Rows.Select(row => row.Id));
    }

    [Fact]
    public async Task A_rewritten_wake_up_replaces_the_one_before_and_none_removes_it()
    {
        var fixture = new ComplaintFixture();
        var id = Guid.NewGuid();
        var projection = new ComplaintProjection(8);
        var index = new InMemoryComplaintIndex(projection);
        var until = ComplaintFixture.Start.AddDays(1);

        foreach (var minutes in new[] { 5, 12 })
        {
            fixture.State.WakeAt = ComplaintFixture.Start.AddMinutes(minutes);
            index.Apply(ListOrderTests.ComplaintGrainId(id), fixture.State);
        }

        Assert.Equal([new DueWake(id, ComplaintFixture.Start.AddMinutes(12))], await index.Due(projection.ShardOf(id), until, 10));

        fixture.State.WakeAt = null;
        index.Apply(ListOrderTests.ComplaintGrainId(id), fixture.State);
        Assert.Empty(await index.Due(projection.ShardOf(id), until, 10));
    }

    [Fact]
    public async Task A_row_written_again_is_found_by_its_texts_as_they_are_now()
    {
        var fixture = new ComplaintFixture();
        var id = Guid.NewGuid();
        var index = new InMemoryComplaintIndex(new ComplaintProjection(8));
        async Task<IEnumerable<Guid>> Found(string search) => (await index.Page(new ComplaintQuery(["care"], Search: search))).Rows.Select(row => row.Id);

        index.Apply(ListOrderTests.ComplaintGrainId(id), fixture.State);
        fixture.State.WakeAt = ComplaintFixture.Start.AddMinutes(5);
        index.Apply(ListOrderTests.ComplaintGrainId(id), fixture.State);
        Assert.Equal([id], await Found("jahutuskapp"));

        fixture.State.Origin = fixture.State.Origin! with { Text = "Pakk jõudis katkisena", Customer = new CustomerRef("fb:1", "Kati") };
        index.Apply(ListOrderTests.ComplaintGrainId(id), fixture.State);
        Assert.Empty(await Found("jahutuskapp"));
        Assert.Empty(await Found("mari"));
        Assert.Equal([id], await Found("katkisena"));
        Assert.Equal([id], await Found("kati"));
        Assert.Equal("Pakk jõudis katkisena", Assert.Single((await index.Page(new ComplaintQuery(["care"]))).Rows).Text);
    }
}
