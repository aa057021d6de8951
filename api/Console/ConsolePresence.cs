using Escalation.Teams;
using Microsoft.Extensions.Options;

namespace Escalation.Api.Console;

/// <summary>Bound from <c>Escalation:Presence</c>.</summary>
internal sealed class PresenceOptions
{
    public const string SectionName = "Escalation:Presence";

    /// <summary>How long a renewal counts: an api instance that dies stops counting its agents online after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(25);

    public TimeSpan RenewEvery { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// The consoles this api instance holds, per team and member, and the presence leases it renews for them
/// (<see cref="ITeamPresenceGrain"/>): at once when one connects or disconnects, and every
/// <see cref="PresenceOptions.RenewEvery"/> until it stops, when it gives them up.
/// </summary>
internal sealed partial class ConsolePresence(IClusterClient cluster, IOptions<PresenceOptions> options, ILogger<ConsolePresence> logger)
    : BackgroundService
{
    private readonly string instance = Guid.NewGuid().ToString("N");
    private readonly Lock gate = new();
    private readonly Dictionary<string, Dictionary<string, int>> consoles = new(StringComparer.Ordinal);

    public Task Connected(string team, string username)
    {
        lock (gate)
        {
            var members = consoles.TryGetValue(team, out var held) ? held : consoles[team] = new(StringComparer.Ordinal);
            members[username] = members.GetValueOrDefault(username) + 1;
        }

        return Renew(team);
    }

    public Task Disconnected(string team, string username)
    {
        lock (gate)
        {
            if (consoles.TryGetValue(team, out var members) && members.TryGetValue(username, out var count))
            {
                if (count > 1)
                {
                    members[username] = count - 1;
                }
                else
                {
                    members.Remove(username);
                }
            }
        }

        return Renew(team);
    }

    /// <summary>Gives up every lease at once rather than letting them run out.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        lock (gate)
        {
            consoles.Values.ToList().ForEach(members => members.Clear());
        }

        await RenewAll().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var every = new PeriodicTimer(options.Value.RenewEvery);
        while (await every.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RenewAll();
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogRenewFailed(logger, exception);
            }
        }
    }

    private Task RenewAll()
    {
        string[] teams;
        lock (gate)
        {
            teams = [.. consoles.Keys];
        }

        return Task.WhenAll(teams.Select(Renew));
    }

    private async Task Renew(string team)
    {
        string[] connected;
        lock (gate)
        {
            connected = consoles.TryGetValue(team, out var members) ? [.. members.Keys] : [];
            if (connected.Length == 0)
            {
                consoles.Remove(team);
            }
        }

        await cluster.GetGrain<ITeamPresenceGrain>(team).Renew(instance, connected, options.Value.Lease);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the presence of this instance's consoles; retrying")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception);
}
