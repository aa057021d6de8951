using System.Collections.Concurrent;

namespace Escalation.Silo;

/// <summary>
/// For benchmarks only (registered with <see cref="DiagnosticsReport"/>): counts the grain calls this silo received, per
/// interface and method, the api's included, so that messages per complaint can be broken down by call. What the count
/// of messages holds beyond these calls and their answers is Orleans' own (system targets such as the grain directory).
/// </summary>
internal sealed class CallCounter : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<string, long> calls = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Calls => calls;

    public Task Invoke(IIncomingGrainCallContext context)
    {
        calls.AddOrUpdate($"{context.InterfaceMethod.DeclaringType?.Name}.{context.InterfaceMethod.Name}", 1, (_, count) => count + 1);
        return context.Invoke();
    }
}
