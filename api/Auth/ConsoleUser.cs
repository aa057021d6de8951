using System.Security.Claims;
using Escalation.Directory;

namespace Escalation.Api.Auth;

/// <summary>The signed-in user as the token describes them.</summary>
internal sealed record ConsoleUser(string Username, UserRole Role, string? Team)
{
    public const string UsernameClaim = "sub";
    public const string RoleClaim = "role";
    public const string TeamClaim = "team";
    public const string StampClaim = "stamp";

    /// <summary>Managers and admins act on every team; agents and supervisors on their own.</summary>
    public bool SeesAllTeams => Role is UserRole.Manager or UserRole.Admin;

    public bool MayActOn(string team) => SeesAllTeams || Team == team;

    public static ConsoleUser From(ClaimsPrincipal principal) => new(
        principal.FindFirstValue(UsernameClaim) ?? throw new InvalidOperationException("The token names no user."),
        Enum.Parse<UserRole>(principal.FindFirstValue(RoleClaim) ?? nameof(UserRole.Agent), ignoreCase: true),
        principal.FindFirstValue(TeamClaim));
}
