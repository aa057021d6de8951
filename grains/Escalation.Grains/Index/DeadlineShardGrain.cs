using Escalation.Complaints;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Escalation.Grains.Index;

/// <summary>
/// Reads its shard's wake-ups due within <see cref="EscalationOptions.WakeLookahead"/> from the index every
/// <see cref="EscalationOptions.WakePollInterval"/>, holds them in time order, and wakes each complaint at its instant
/// with one timer for the earliest. A woken complaint returns its next wake-up, which is held at once when it falls
/// within the look-ahead (a warning a moment before its deadline would otherwise wait for the next read). Only the
/// complaints due are activated; idle ones cost their index row. A complaint
/// raises each alert once, so a wake-up repeated (a retry, a read that crossed a complaint's own write) does nothing.
/// Reentrant: reading the index and waking complaints interleave; every step runs on the grain's own thread.
/// </summary>
[Reentrant]
public sealed partial class DeadlineShardGrain(
    IComplaintIndex index, IGrainRuntime runtime, IOptions<EscalationOptions> options, ILogger<DeadlineShardGrain> logger)
    : Grain, IDeadlineShardGrain, IRemindable
{
    private const string ReminderName = "shard";
    private readonly PriorityQueue<DueWake, DateTimeOffset> queued = new();
    private readonly Dictionary<Guid, DateTimeOffset> held = [];
    private readonly Dictionary<Guid, DateTimeOffset> retryAfter = [];

    // Woken lately: a read that began before a complaint stored its next wake-up may still bring the old one.
    private readonly Dictionary<Guid, DateTimeOffset> woken = [];
    private readonly HashSet<Task> waking = [];
    private IGrainTimer? timer;
    private DateTimeOffset armedAt;
    private bool reminded;

    private EscalationOptions Options => options.Value;

    private DateTimeOffset Now => runtime.TimeProvider.GetUtcNow();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(Poll, new GrainTimerCreationOptions(TimeSpan.Zero, Options.WakePollInterval) { KeepAlive = true, Interleave = true });
        return Task.CompletedTask;
    }

    public async ValueTask Start()
    {
        await Poll();
        await Task.WhenAll([.. waking]);
    }

    /// <summary>Only brings the shard back; it keeps itself active from then on.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private async Task Poll()
    {
        await EnsureReminder();
        var now = Now;
        var due = await index.Due((int)this.GetPrimaryKeyLong(), now + Options.WakeLookahead, max: 20_000);
        foreach (var wake in due)
        {
            // Held already (queued or being woken), woken just now, or failed a moment ago: leave it.
            if (held.TryGetValue(wake.Id, out var at) && at == wake.At
                || woken.TryGetValue(wake.Id, out var done) && done == wake.At
                || retryAfter.TryGetValue(wake.Id, out var retry) && retry > now)
            {
                continue;
            }

            held[wake.Id] = wake.At;
            queued.Enqueue(wake, wake.At);
        }

        Forget(retryAfter, now);
        Forget(woken, now - Options.WakeLookahead - Options.WakePollInterval);
        Fire();
    }

    /// <summary>Wakes what is due (as many at once as allowed) and arms the timer for the next.</summary>
    private void Fire()
    {
        var now = Now;
        while (waking.Count < Options.WakeConcurrency && queued.TryPeek(out var wake, out var at) && at <= now)
        {
            queued.Dequeue();
            if (held.GetValueOrDefault(wake.Id) == at)
            {
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waking.Add(done.Task);
                _ = Wake(wake, done);
            }
        }

        // Every wake that completes comes here: the timer is armed again only when the earliest instant changed (a grain
        // timer for each completed wake cost more, in a burst, than the wakes).
        if (queued.TryPeek(out _, out var next) && waking.Count < Options.WakeConcurrency)
        {
            if (timer is null || armedAt != next)
            {
                timer?.Dispose();
                armedAt = next;
                timer = this.RegisterGrainTimer(Fired, new GrainTimerCreationOptions(next - now, Timeout.InfiniteTimeSpan) { Interleave = true });
            }
        }
        else
        {
            timer?.Dispose();
            timer = null;
        }
    }

    private Task Fired()
    {
        timer?.Dispose();
        timer = null;
        Fire();
        return Task.CompletedTask;
    }

    private async Task Wake(DueWake wake, TaskCompletionSource done)
    {
        try
        {
            var next = await GrainFactory.Grain<IComplaintGrain>(wake.Id).Wake();
            woken[wake.Id] = wake.At;

            // A next wake-up due before the next read would be read late (a warning a moment before its deadline): held now.
            if (next is { } at && at <= Now + Options.WakeLookahead && at != wake.At && held.GetValueOrDefault(wake.Id) != at)
            {
                held[wake.Id] = at;
                queued.Enqueue(wake with { At = at }, at);
            }
        }
        catch (Exception exception)
        {
            LogWakeFailed(logger, exception, wake.Id);
            retryAfter[wake.Id] = Now + Options.WakeRetry;
        }
        finally
        {
            // The complaint stored its next wake-up before answering: held above if due soon, else the next read brings it.
            if (held.GetValueOrDefault(wake.Id) == wake.At)
            {
                held.Remove(wake.Id);
            }

            waking.Remove(done.Task);
            done.SetResult();
            Fire();
        }
    }

    /// <summary>
    /// Registers the reminder that brings the shard back, once; until the reminder service answers (a cluster still
    /// forming after a restart), every poll tries again.
    /// </summary>
    private async Task EnsureReminder()
    {
        if (reminded)
        {
            return;
        }

        try
        {
            if (await this.GetReminder(ReminderName) is null)
            {
                await this.RegisterOrUpdateReminder(ReminderName, Options.ReminderPeriod, Options.ReminderPeriod);
            }

            reminded = true;
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            LogReminderFailed(logger, exception);
        }
    }

    private static void Forget(Dictionary<Guid, DateTimeOffset> entries, DateTimeOffset before)
    {
        foreach (var id in entries.Where(entry => entry.Value <= before).Select(entry => entry.Key).ToList())
        {
            entries.Remove(id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not register the deadline shard's reminder yet; trying again")]
    private static partial void LogReminderFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not wake complaint {ComplaintId}; trying again shortly")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception, Guid complaintId);
}
