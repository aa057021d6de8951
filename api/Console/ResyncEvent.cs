namespace Escalation.Api.Console;

/// <summary>
/// Sent to every console of an api instance that may have missed events (it lost touch with the cluster for longer than
/// events are kept to replay): the console fetches its lists again.
/// </summary>
public sealed record ResyncEvent(string Reason, DateTimeOffset At);
