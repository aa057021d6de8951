using System.Collections.Concurrent;
using System.Security.Claims;
using Escalation.Api.Auth;
using Microsoft.AspNetCore.SignalR;

namespace Escalation.Api.Console;

/// <summary>
/// The hub connections of this api instance. Every second each connected user's token stamp is checked against the
/// directory (through <see cref="UserStamps"/>): a deleted user, or one whose role, team or password changed, is
/// disconnected within the 5 s the contract allows, like their REST calls.
/// </summary>
internal sealed partial class ConsoleSessions(UserStamps stamps, ILogger<ConsoleSessions> logger) : BackgroundService
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, HubCallerContext> connections = new(StringComparer.Ordinal);

    public void Opened(HubCallerContext context) => connections[context.ConnectionId] = context;

    public void Closed(HubCallerContext context) => connections.TryRemove(context.ConnectionId, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // The provider of an externally signed-in user ends their sessions; the directory does not know them.
            var local = connections.Values.Where(context => context.User?.HasClaim(claim => claim.Type == ExternalSignIn.ProviderClaim) != true);
            foreach (var session in local.GroupBy(context => (User: Name(context), Stamp: context.User?.FindFirstValue(ConsoleUser.StampClaim))))
            {
                try
                {
                    if (!await stamps.IsCurrent(session.Key.User, session.Key.Stamp))
                    {
                        LogEnded(logger, session.Key.User);
                        foreach (var context in session)
                        {
                            context.Abort();
                        }
                    }
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogCheckFailed(logger, exception, session.Key.User);
                }
            }
        }
    }

    private static string Name(HubCallerContext context) => context.User?.FindFirstValue(ConsoleUser.UsernameClaim) ?? "";

    [LoggerMessage(Level = LogLevel.Information, Message = "Ended the hub connections of {User}: deleted, or role, team or password changed")]
    private static partial void LogEnded(ILogger logger, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the hub connections of {User}")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string user);
}
