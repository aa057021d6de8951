using System.Collections.Concurrent;
using Escalation.Events;

namespace Escalation.Tests.Cluster;

/// <summary>Collects the complaint events the cluster publishes and lets a test await the one it expects.</summary>
public sealed class EventRecorder : IComplaintEventObserver
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ConcurrentQueue<ComplaintEvent> received = new();
    private readonly List<(Func<ComplaintEvent, bool> Match, TaskCompletionSource<ComplaintEvent> Done)> waiters = [];

    public void OnComplaintEvent(ComplaintEvent complaintEvent)
    {
        received.Enqueue(complaintEvent);
        lock (waiters)
        {
            foreach (var waiter in waiters.Where(w => w.Match(complaintEvent)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Done.TrySetResult(complaintEvent);
            }
        }
    }

    /// <summary>Every event received so far for one complaint, in arrival order.</summary>
    public IReadOnlyList<ComplaintEvent> For(Guid complaintId) => [.. received.Where(e => e.Complaint.Id == complaintId)];

    /// <summary>The first event for the complaint matching <paramref name="match"/>, received already or awaited.</summary>
    public Task<ComplaintEvent> WaitFor(Guid complaintId, ComplaintEventKind kind, Func<ComplaintEvent, bool>? match = null)
    {
        bool Matches(ComplaintEvent e) => e.Complaint.Id == complaintId && e.Kind == kind && (match?.Invoke(e) ?? true);
        lock (waiters)
        {
            if (received.FirstOrDefault(Matches) is { } already)
            {
                return Task.FromResult(already);
            }

            var done = new TaskCompletionSource<ComplaintEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((Matches, done));
            return done.Task.WaitAsync(Patience);
        }
    }
}
