using System.Collections.Concurrent;

namespace Escalation.Tests.Shared;

/// <summary>Compiled into each test project: events received so far, and a way to await the one a test expects.</summary>
internal sealed class EventLog<T>
{
    private static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(10);
    private readonly ConcurrentQueue<T> received = new();
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Done)> waiters = [];

    public void Add(T item)
    {
        received.Enqueue(item);
        lock (waiters)
        {
            foreach (var waiter in waiters.Where(w => w.Match(item)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Done.TrySetResult(item);
            }
        }
    }

    public IReadOnlyList<T> Where(Func<T, bool> match) => [.. received.Where(match)];

    /// <summary>The first matching item, received already or within the patience, ten seconds unless given (else a <see cref="TimeoutException"/>).</summary>
    public Task<T> WaitFor(Func<T, bool> match, TimeSpan? patience = null)
    {
        lock (waiters)
        {
            foreach (var item in received)
            {
                if (match(item))
                {
                    return Task.FromResult(item);
                }
            }

            var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((match, done));
            return done.Task.WaitAsync(patience ?? DefaultPatience);
        }
    }
}
