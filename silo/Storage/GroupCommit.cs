using System.Threading.Channels;

namespace Escalation.Silo.Storage;

/// <summary>
/// Runs operations in groups: whatever was queued while the previous group ran goes together in one round trip to the
/// database (for writes, one transaction and one fsync). Each caller awaits its own operation, which completes only
/// once its group did: nothing is acknowledged before it is stored. A group that fails fails every operation in it.
/// </summary>
internal sealed class GroupCommit<TOperation> : IAsyncDisposable
    where TOperation : GroupCommit<TOperation>.Operation
{
    private readonly Channel<TOperation> queue = Channel.CreateUnbounded<TOperation>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Func<IReadOnlyList<TOperation>, CancellationToken, Task> execute;
    private readonly int maxGroup;
    private readonly Task[] loops;

    public GroupCommit(Func<IReadOnlyList<TOperation>, CancellationToken, Task> execute, int concurrency, int maxGroup)
    {
        this.execute = execute;
        this.maxGroup = maxGroup;
        loops = [.. Enumerable.Range(0, concurrency).Select(_ => Task.Run(Run))];
    }

    public Task Enqueue(TOperation operation)
    {
        if (!queue.Writer.TryWrite(operation))
        {
            throw new InvalidOperationException("The storage is shutting down.");
        }

        return operation.Done.Task;
    }

    /// <summary>Runs what was queued, then stops (safe to call more than once).</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await Task.WhenAll(loops);
    }

    private async Task Run()
    {
        var group = new List<TOperation>(maxGroup);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (group.Count < maxGroup && queue.Reader.TryRead(out var operation))
            {
                group.Add(operation);
            }

            try
            {
                await execute(group, CancellationToken.None);
                group.ForEach(operation => operation.Done.TrySetResult());
            }
            catch (Exception exception)
            {
                group.ForEach(operation => operation.Done.TrySetException(exception));
            }

            group.Clear();
        }
    }

    public abstract class Operation
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
