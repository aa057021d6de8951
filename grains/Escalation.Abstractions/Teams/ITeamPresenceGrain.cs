namespace Escalation.Teams;

/// <summary>
/// Who of a team is online (key: the team): an agent counts as online while some api instance holds a console of theirs.
/// Each instance renews a lease on what it holds; an instance that dies stops renewing, and its consoles stop counting
/// when the lease runs out. Kept in memory only, apart from the team's stored state, so that a storage failure under the
/// team loses no presence; the team grain learns each change.
/// </summary>
public interface ITeamPresenceGrain : IGrainWithStringKey
{
    /// <summary>What one api instance holds of this team now (usernames with a console connected), for <paramref name="lease"/>.</summary>
    ValueTask Renew(string instance, IReadOnlyList<string> connected, TimeSpan lease);

    /// <summary>Who is online now (leases that ran out are dropped first); the team grain asks as it activates.</summary>
    ValueTask<IReadOnlyList<string>> GetOnline();

    /// <summary>Drops the leases that ran out now rather than at the next check, tells the team, and says who is online.</summary>
    ValueTask<IReadOnlyList<string>> Refresh();
}
