using Escalation.Caching;
using Orleans.Concurrency;

namespace Escalation.Directory;

/// <summary>
/// Users, connector channels and the teams they name (one per cluster, key 0). A team exists once a user or a
/// channel names it; putting or deleting a user keeps the team grains' membership in step. Api instances cache the
/// channels (<see cref="GrainCache{TGrain, TContent}"/>); a change of a channel answers once every cache dropped it.
/// </summary>
public interface IDirectoryGrain : IWatchedGrain
{
    [ReadOnly]
    ValueTask<UserRecord?> GetUser(string username);

    [ReadOnly]
    ValueTask<IReadOnlyList<UserRecord>> GetUsers();

    /// <summary>
    /// Creates or replaces a user; returns true when it was created. A new role, team or password hash gives the user a
    /// new <see cref="UserRecord.Stamp"/>, which ends their tokens.
    /// </summary>
    ValueTask<bool> PutUser(UserRecord user);

    /// <summary>
    /// Replaces a password hash by a stronger hash of the same password (on a login), keeping the stamp (or giving one
    /// to a user who has none); null when the user or their hash changed meanwhile.
    /// </summary>
    ValueTask<UserRecord?> UpgradePasswordHash(string username, string expectedHash, string newHash);

    /// <summary>Returns false when there was no such user.</summary>
    ValueTask<bool> DeleteUser(string username);

    [ReadOnly]
    ValueTask<ChannelRecord?> GetChannel(string name);

    [ReadOnly]
    ValueTask<IReadOnlyList<ChannelRecord>> GetChannels();

    /// <summary>The channels by name, as the caches of the api instances and silos keep them.</summary>
    public static async Task<IReadOnlyDictionary<string, ChannelRecord>> ChannelsByName(IDirectoryGrain directory) =>
        (await directory.GetChannels()).ToDictionary(channel => channel.Name, StringComparer.Ordinal);

    /// <summary>Creates or replaces a channel; returns true when it was created.</summary>
    ValueTask<bool> PutChannel(ChannelRecord channel);

    [ReadOnly]
    ValueTask<IReadOnlyList<string>> GetTeams();

    /// <summary>
    /// The key api instances sign tokens with when none is configured (embedded default): random, made once for the
    /// cluster, so that every api instance of it accepts the others' tokens.
    /// </summary>
    ValueTask<string> GetSigningKey();
}
