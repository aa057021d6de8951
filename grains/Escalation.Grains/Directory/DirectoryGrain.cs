using System.Security.Cryptography;
using Escalation.Caching;
using Escalation.Directory;
using Escalation.Grains.Caching;
using Escalation.Teams;

namespace Escalation.Grains.Directory;

public sealed class DirectoryGrain(
    [PersistentState("directory", StorageNames.Escalation)] IPersistentState<DirectoryState> state) : Grain, IDirectoryGrain
{
    private DirectoryState S => state.State;

    public ValueTask<UserRecord?> GetUser(string username) => ValueTask.FromResult(S.Users.GetValueOrDefault(username));

    public ValueTask<IReadOnlyList<UserRecord>> GetUsers() =>
        ValueTask.FromResult<IReadOnlyList<UserRecord>>([.. S.Users.Values.OrderBy(user => user.Username, StringComparer.Ordinal)]);

    public async ValueTask<bool> PutUser(UserRecord user)
    {
        var previous = S.Users.GetValueOrDefault(user.Username);
        user = previous is { Stamp: { Length: > 0 } stamp } && previous == user with { Stamp = stamp } ? previous : user with { Stamp = NewStamp() };
        if (previous is { Team: { } oldTeam } && Membership(previous) is not null && (oldTeam != user.Team || Membership(user) is null))
        {
            await GrainFactory.GetGrain<ITeamGrain>(oldTeam).RemoveMember(user.Username);
        }

        if (user.Team is { } team && Membership(user) is { } role)
        {
            await GrainFactory.GetGrain<ITeamGrain>(team).SetMember(user.Username, role);
        }

        S.Users[user.Username] = user;
        await state.WriteStateAsync();
        return previous is null;
    }

    public async ValueTask<bool> DeleteUser(string username)
    {
        if (!S.Users.Remove(username, out var user))
        {
            return false;
        }

        if (user.Team is { } team && Membership(user) is not null)
        {
            await GrainFactory.GetGrain<ITeamGrain>(team).RemoveMember(username);
        }

        await state.WriteStateAsync();
        return true;
    }

    public async ValueTask<UserRecord?> UpgradePasswordHash(string username, string expectedHash, string newHash)
    {
        if (S.Users.GetValueOrDefault(username) is not { } user || user.PasswordHash != expectedHash)
        {
            return null;
        }

        user = user with { PasswordHash = newHash, Stamp = string.IsNullOrEmpty(user.Stamp) ? NewStamp() : user.Stamp };
        S.Users[username] = user;
        await state.WriteStateAsync();
        return user;
    }

    public ValueTask<ChannelRecord?> GetChannel(string name) => ValueTask.FromResult(S.Channels.GetValueOrDefault(name));

    public ValueTask<IReadOnlyList<ChannelRecord>> GetChannels() =>
        ValueTask.FromResult<IReadOnlyList<ChannelRecord>>([.. S.Channels.Values.OrderBy(channel => channel.Name, StringComparer.Ordinal)]);

    public async ValueTask<bool> PutChannel(ChannelRecord channel)
    {
        var created = !S.Channels.ContainsKey(channel.Name);
        S.Channels[channel.Name] = channel;
        await state.WriteStateAsync();
        await Watchers.Invalidate(S.Watchers);
        return created;
    }

    public async ValueTask Watch(ICacheObserver observer, TimeSpan lease)
    {
        if (Watchers.Watch(S.Watchers, observer, lease))
        {
            await state.WriteStateAsync();
        }
    }

    public ValueTask<IReadOnlyList<string>> GetTeams() =>
        ValueTask.FromResult<IReadOnlyList<string>>(
            [.. S.Users.Values.Select(user => user.Team).OfType<string>()
                .Concat(S.Channels.Values.Select(channel => channel.Team))
                .Distinct()
                .Order(StringComparer.Ordinal)]);

    public async ValueTask<string> GetSigningKey()
    {
        if (S.SigningKey is null)
        {
            S.SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
            await state.WriteStateAsync();
        }

        return S.SigningKey;
    }

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Agents and supervisors belong to their team; managers and admins stand above teams.</summary>
    private static TeamRole? Membership(UserRecord user) => user.Role switch
    {
        UserRole.Agent => TeamRole.Agent,
        UserRole.Supervisor => TeamRole.Supervisor,
        _ => null,
    };
}
