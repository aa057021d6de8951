using Escalation.Analytics;
using Escalation.Complaints;
using Escalation.Sla;

namespace Escalation.Tests.Domain;

/// <summary>The complaint's status machine and timeline, without a cluster.</summary>
public sealed class ComplaintTransitionTests
{
    private static readonly Dictionary<string, Func<Complaint, DateTimeOffset, ComplaintChanges>> Actions = new()
    {
        ["assign"] = (c, now) => c.Assign("bob", "sue", now),
        ["respond"] = (c, now) => c.Respond("Vabandame, vahetame toote.", true, "ann", now),
        ["note"] = (c, now) => c.AddNote("Checked the order.", "ann", now),
        ["wait"] = (c, now) => c.WaitForCustomer("ann", now),
        ["resume"] = (c, now) => c.Resume("ann", now),
        ["resolve"] = (c, now) => c.Resolve("Replaced.", "ann", now),
        ["reopen"] = (c, now) => c.Reopen("sue", now),
        ["acknowledge"] = (c, now) => c.AcknowledgeEscalation("sue", now),
        ["customerMessage"] = (c, now) => c.AddCustomerMessage(new CustomerMessage("fb-2", "Ikka ei tööta!"), now),
    };

    [Fact]
    public void Creating_starts_both_clocks_from_when_the_customer_wrote_and_assigns_the_given_agent()
    {
        var written = ComplaintFixture.Start.AddMinutes(-5);
        var fixture = new ComplaintFixture(writtenAt: written);

        Assert.Equal([ComplaintEventKind.ComplaintCreated, ComplaintEventKind.ComplaintAssigned], fixture.Created.Events);
        Assert.Equal((ComplaintStatus.Assigned, "ann"), (fixture.State.Status, fixture.State.Assignee));
        Assert.Equal(written.AddMinutes(15), fixture.Clock(SlaClockKind.FirstResponse).DueAt);
        Assert.Equal(written.AddHours(4), fixture.Clock(SlaClockKind.Resolution).DueAt);
        Assert.Equal([TimelineType.Created, TimelineType.Assigned], fixture.Timeline);
        var created = Assert.Single(fixture.Created.Facts);
        Assert.Equal((FactKind.Created, written, fixture.Complaint.Id), (created.Kind, created.At, created.ComplaintId));
    }

    [Fact]
    public void A_creation_time_in_the_future_counts_from_receipt_and_nobody_online_leaves_it_new()
    {
        var fixture = new ComplaintFixture(assignee: null, writtenAt: ComplaintFixture.Start.AddMinutes(3));

        Assert.Equal([ComplaintEventKind.ComplaintCreated], fixture.Created.Events);
        Assert.Equal((ComplaintStatus.New, null), (fixture.State.Status, fixture.State.Assignee));
        Assert.Equal(ComplaintFixture.Start.AddMinutes(15), fixture.Clock(SlaClockKind.FirstResponse).DueAt);
    }

    [Theory]
    [InlineData("new", "assign,respond,note,resolve,customerMessage")]
    [InlineData("assigned", "assign,respond,note,wait,resolve,customerMessage")]
    [InlineData("responded", "assign,respond,note,wait,resolve,customerMessage")]
    [InlineData("waiting", "assign,respond,note,resume,resolve,customerMessage")]
    [InlineData("resolved", "note,reopen,customerMessage")]
    [InlineData("closed", "note")]
    public void Each_status_allows_exactly_its_actions_and_a_refusal_changes_nothing(string status, string allowed)
    {
        foreach (var (name, action) in Actions.Where(a => a.Key != "acknowledge"))
        {
            var fixture = InStatus(status);
            var timeline = fixture.State.Timeline.Count;
            if (allowed.Split(',').Contains(name))
            {
                fixture.Act(action);
            }
            else
            {
                var refused = Assert.Throws<TransitionNotAllowedException>(() => fixture.Act(action));
                Assert.Contains("complaint that is", refused.Message, StringComparison.Ordinal);
                Assert.Equal(timeline, fixture.State.Timeline.Count);
            }
        }
    }

    [Fact]
    public void Responding_to_an_unassigned_complaint_assigns_it_to_the_responder_and_meets_the_first_response()
    {
        var fixture = new ComplaintFixture(assignee: null);
        fixture.Advance(TimeSpan.FromMinutes(5));

        var changes = fixture.Act((c, now) => c.Respond("Vabandame!", false, "bob", now));

        Assert.Equal([ComplaintEventKind.ComplaintAssigned, ComplaintEventKind.ComplaintUpdated], changes.Events);
        Assert.Equal(ComplaintSync.Team, changes.Sync);
        Assert.Equal((ComplaintStatus.Responded, "bob"), (fixture.State.Status, fixture.State.Assignee));
        Assert.False(fixture.Clock(SlaClockKind.FirstResponse).IsRunning);
        Assert.Contains(changes.Facts, f => f is { Kind: FactKind.FirstResponse, Seconds: 300 });
        Assert.Contains(changes.Facts, f => f is { Kind: FactKind.DeadlineDue, Reason: SlaClockKind.FirstResponse, Met: true });
    }

    [Fact]
    public void A_note_never_counts_as_a_response()
    {
        var fixture = new ComplaintFixture();
        fixture.Act((c, now) => c.AddNote("Called the warehouse.", "ann", now));

        Assert.True(fixture.Clock(SlaClockKind.FirstResponse).IsRunning);
        Assert.Equal(ComplaintStatus.Assigned, fixture.State.Status);
    }

    [Fact]
    public void Assigning_the_same_agent_again_changes_nothing()
    {
        var fixture = new ComplaintFixture();
        Assert.False(fixture.Act((c, now) => c.Assign("ann", "sue", now)).Changed);
        Assert.True(fixture.Act((c, now) => c.Assign("bob", "sue", now)).Changed);
        Assert.Equal("bob", fixture.State.Assignee);
    }

    [Fact]
    public void Resolving_stops_every_clock_and_closes_after_the_quiet_period()
    {
        var fixture = new ComplaintFixture();
        var resolved = fixture.Act((c, now) => c.Resolve("Replaced.", "ann", now));

        Assert.Equal(ComplaintSync.Team | ComplaintSync.Customer, resolved.Sync);
        Assert.Equal([ComplaintEventKind.ComplaintResolved], resolved.Events);
        Assert.All(fixture.State.Clocks, clock => Assert.False(clock.IsRunning));
        Assert.Equal(fixture.Now + ComplaintFixture.AutoCloseAfter, fixture.Complaint.NextAlertAt);

        Assert.Empty(fixture.Advance(ComplaintFixture.AutoCloseAfter - TimeSpan.FromSeconds(1)).Events);
        Assert.Equal([ComplaintEventKind.ComplaintUpdated], fixture.Advance(TimeSpan.FromSeconds(1)).Events);
        Assert.Equal(ComplaintStatus.Closed, fixture.State.Status);
        Assert.Null(fixture.Complaint.NextAlertAt);
    }

    [Fact]
    public void Reopening_starts_a_next_response_clock_and_a_new_resolution_clock()
    {
        var fixture = new ComplaintFixture();
        fixture.Act((c, now) => c.Resolve(null, "ann", now));
        fixture.Advance(TimeSpan.FromHours(1));

        var reopened = fixture.Act((c, now) => c.Reopen("sue", now));

        Assert.Equal(ComplaintSync.Team | ComplaintSync.Customer, reopened.Sync);
        Assert.Equal(ComplaintStatus.Assigned, fixture.State.Status);
        Assert.Equal(fixture.Now.AddMinutes(30), fixture.Clock(SlaClockKind.NextResponse).DueAt);
        Assert.Equal(fixture.Now.AddHours(4), fixture.Clock(SlaClockKind.Resolution).DueAt);
        Assert.Null(fixture.State.ResolvedAt);
    }

    private static ComplaintFixture InStatus(string status)
    {
        var fixture = new ComplaintFixture();
        Func<Complaint, DateTimeOffset, ComplaintChanges>[] steps = status switch
        {
            "new" => [],
            "assigned" => [Actions["assign"]],
            "responded" => [Actions["respond"]],
            "waiting" => [Actions["respond"], Actions["wait"]],
            "resolved" => [Actions["resolve"]],
            "closed" => [Actions["resolve"]],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        if (status == "new")
        {
            fixture = new ComplaintFixture(assignee: null);
        }

        foreach (var step in steps)
        {
            fixture.Act(step);
        }

        if (status == "closed")
        {
            fixture.Advance(ComplaintFixture.AutoCloseAfter);
        }

        return fixture;
    }
}
