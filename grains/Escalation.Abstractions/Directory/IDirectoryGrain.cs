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

    /// <summary>Creates or replaces a user; returns true when it was created.</summary>
    ValueTask<bool> PutUser(UserRecord user);

    /// <summary>Returns false when there was no such user.</summary>
    ValueTask<bool> DeleteUser(string username);

    [ReadOnly]
    ValueTask<ChannelRecord?> GetChannel(string name);

    [ReadOnly]
    ValueTask<IReadOnlyList<ChannelRecord>> GetChannels();

    /// <summary>Creates or replaces a channel; returns true when it was created.</summary>
    ValueTask<bool> PutChannel(ChannelRecord channel);

    [ReadOnly]
    ValueTask<IReadOnlyList<string>> GetTeams();
}
