using System.Collections.Concurrent;
using Escalation.Directory;

namespace Escalation.Api.Auth;

/// <summary>
/// Whether a token's user still exists with the stamp it was issued under (<see cref="UserRecord.Stamp"/>). Each api
/// instance remembers a user's stamp for <see cref="Lifetime"/>, so that a change made through any instance reaches
/// every instance's requests and hub connections within the 5 s the contract allows.
/// </summary>
internal sealed class UserStamps(IClusterClient cluster)
{
    /// <summary>Measured on the machine's own ticks: it bounds staleness in real seconds, whatever the api's clock says.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (string? Stamp, long LoadedAt)> stamps = new(StringComparer.Ordinal);

    public async ValueTask<bool> IsCurrent(string username, string? stamp)
    {
        var now = Environment.TickCount64;
        if (!stamps.TryGetValue(username, out var known) || now - known.LoadedAt > Lifetime.TotalMilliseconds)
        {
            try
            {
                known = ((await cluster.GetGrain<IDirectoryGrain>(0).GetUser(username))?.Stamp, now);
                stamps[username] = known;
            }
            catch (Exception) when (known.LoadedAt != 0)
            {
                // The cluster is away: what was known is better than signing everybody out.
            }
        }

        return !string.IsNullOrEmpty(stamp) && known.Stamp == stamp;
    }

    /// <summary>This instance changed the user: its own requests see the change at once.</summary>
    public void Forget(string username) => stamps.TryRemove(username, out _);
}
