using Escalation.Api.Auth;
using Escalation.Api.Telemetry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Escalation.Api.Console;

/// <summary>
/// The console's live channel. It carries changes only; a console fetches the current state over REST when it
/// connects. Joining puts the connection in its groups and counts its user as online for assignment (a presence lease
/// this api instance renews while the console stays).
/// </summary>
[Authorize(Policies.Agent)]
internal sealed class ConsoleHub(ConsolePresence presence, ConsoleSessions sessions, EscalationMetrics metrics) : Hub<IConsoleClient>
{
    public const string Path = "/hubs/console";

    public override async Task OnConnectedAsync()
    {
        var user = ConsoleUser.From(Context.User!);
        foreach (var group in ConsoleGroups.For(user))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        }

        if (user.Team is { } team)
        {
            await presence.Connected(team, user.Username);
        }

        metrics.ConnectionOpened();
        sessions.Opened(Context);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        metrics.ConnectionClosed();
        sessions.Closed(Context);
        var user = ConsoleUser.From(Context.User!);
        if (user.Team is { } team)
        {
            await presence.Disconnected(team, user.Username);
        }
    }
}
