using Escalation.Grains.Index;
using Escalation.Queues;
using Escalation.Tests.Domain;

namespace Escalation.Tests.Index;

/// <summary>The order of list pages is the one a client can rebuild from the rows it is sent (instants to the millisecond).</summary>
public sealed class ListOrderTests
{
    [Fact]
    public async Task Rows_of_the_same_millisecond_follow_their_ids_whatever_their_ticks()
    {
        var index = new InMemoryComplaintIndex(new ComplaintProjection(8));
        var writtenAt = ComplaintFixture.Start.AddHours(-1).AddMilliseconds(123);
        Guid first = Guid.Parse("10000000-0000-0000-0000-000000000000"), second = Guid.Parse("f0000000-0000-0000-0000-000000000000");
        // The later id was written 0.3 ms earlier: by ticks it would come first, but the api shows both at .123.
        index.Apply(ComplaintGrainId(second), new ComplaintFixture(writtenAt: writtenAt).State);
        index.Apply(ComplaintGrainId(first), new ComplaintFixture(writtenAt: writtenAt.AddTicks(3_000)).State);

        var page = await index.Page(new ComplaintQuery(["care"]));
        Assert.Equal([first, second], page.Rows.Select(row => row.Id));

        var next = await index.Page(new ComplaintQuery(["care"], Limit: 1, After: ComplaintCursor.Of(page.Rows[0])));
        Assert.Equal([second], next.Rows.Select(row => row.Id));
    }

    internal static GrainId ComplaintGrainId(Guid id) => GrainId.Create(GrainType.Create("complaint"), GrainIdKeyExtensions.CreateGuidKey(id));
}
