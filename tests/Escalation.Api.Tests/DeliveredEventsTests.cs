using Escalation.Api.Console;
using Escalation.Events;

namespace Escalation.Api.Tests;

public sealed class DeliveredEventsTests
{
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();

    [Fact]
    public void Events_out_of_order_and_replayed_ones_are_pushed_once_and_the_renewal_asks_from_the_first_gap()
    {
        var delivered = new DeliveredEvents();
        delivered.Start(new(First, 40));
        Assert.True(delivered.TryAdd(new(First, 42)));
        Assert.Equal(new EventPosition(First, 40), delivered.Contiguous);
        Assert.False(delivered.TryAdd(new(First, 42)));
        Assert.False(delivered.TryAdd(new(First, 39)));
        Assert.True(delivered.TryAdd(new(First, 41)));
        Assert.Equal(new EventPosition(First, 42), delivered.Contiguous);
    }

    [Fact]
    public void Events_that_arrive_before_the_first_subscription_answers_are_kept()
    {
        var delivered = new DeliveredEvents();
        Assert.True(delivered.TryAdd(new(First, 12)));
        Assert.True(delivered.TryAdd(new(First, 11)));
        delivered.Start(new(First, 10));
        Assert.Equal(new EventPosition(First, 12), delivered.Contiguous);
        Assert.False(delivered.TryAdd(new(First, 11)));
        delivered.Start(new(First, 99));
        Assert.Equal(new EventPosition(First, 12), delivered.Contiguous);
    }

    [Fact]
    public void After_the_events_grain_restarts_everything_of_its_new_epoch_is_wanted()
    {
        var delivered = new DeliveredEvents();
        delivered.Start(new(First, 7));
        Assert.True(delivered.TryAdd(new(Second, 3)));
        Assert.Equal(new EventPosition(Second, 0), delivered.Contiguous);
        Assert.True(delivered.TryAdd(new(Second, 1)));
        Assert.True(delivered.TryAdd(new(Second, 2)));
        Assert.Equal(new EventPosition(Second, 3), delivered.Contiguous);
        Assert.False(delivered.TryAdd(new(Second, 3)));
    }

    [Fact]
    public void A_gap_that_never_fills_is_given_up_and_what_is_tracked_stays_bounded()
    {
        var delivered = new DeliveredEvents();
        delivered.Start(new(First, 0));
        for (var sequence = 2L; sequence <= DeliveredEvents.MaxAhead + 1; sequence++)
        {
            Assert.True(delivered.TryAdd(new(First, sequence)));
        }

        Assert.False(delivered.TakeGaveUp());
        Assert.True(delivered.TryAdd(new(First, DeliveredEvents.MaxAhead + 2)));
        Assert.True(delivered.TakeGaveUp());
        Assert.False(delivered.TakeGaveUp());
        Assert.Equal(new EventPosition(First, DeliveredEvents.MaxAhead + 2), delivered.Contiguous);
        Assert.False(delivered.TryAdd(new(First, 1)));
        Assert.True(delivered.TryAdd(new(First, DeliveredEvents.MaxAhead + 3)));
    }

    [Fact]
    public void A_renewal_answered_after_later_events_were_pushed_does_not_push_them_again()
    {
        var delivered = new DeliveredEvents();
        delivered.Start(new(First, 0));

        // The renewal asked from 0; by its answer (a gap: the channel keeps from 51 on), 1 to 100 had been pushed.
        Assert.All(Range(1, 100), sequence => Assert.True(delivered.TryAdd(new(First, sequence))));
        Assert.False(delivered.Resynchronize(new(First, 50)));
        Assert.Equal(new EventPosition(First, 100), delivered.Contiguous);
        Assert.All(Range(51, 100), sequence => Assert.False(delivered.TryAdd(new(First, sequence))));
        Assert.True(delivered.TryAdd(new(First, 101)));
    }

    [Fact]
    public void A_gap_older_than_the_channel_keeps_is_skipped_and_the_replay_pushes_only_what_was_not_pushed()
    {
        var delivered = new DeliveredEvents();
        delivered.Start(new(First, 0));
        Assert.All(Range(2, 8), sequence => Assert.True(delivered.TryAdd(new(First, sequence))));

        // The channel keeps events from 5 on: 1 is lost, 5 to 8 were pushed already, 9 and 10 were not.
        Assert.True(delivered.Resynchronize(new(First, 4)));
        Assert.Equal(new EventPosition(First, 8), delivered.Contiguous);
        Assert.Equal([false, false, false, false, true, true], new long[] { 5, 6, 7, 8, 9, 10 }.Select(sequence => delivered.TryAdd(new(First, sequence))));
        Assert.Equal(new EventPosition(First, 10), delivered.Contiguous);
    }

    private static IEnumerable<long> Range(long first, long last)
    {
        for (var sequence = first; sequence <= last; sequence++)
        {
            yield return sequence;
        }
    }
}
