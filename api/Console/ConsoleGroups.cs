using Escalation.Api.Auth;
using Escalation.Directory;
using Escalation.Events;

namespace Escalation.Api.Console;

/// <summary>Which SignalR groups a console joins, and which groups each event goes to (the contract's routing).</summary>
internal static class ConsoleGroups
{
    public const string Managers = "managers";

    public static string Team(string team) => $"team:{team}";

    public static string Supervisors(string team) => $"supervisors:{team}";

    public static string User(string username) => $"user:{username}";

    public static IEnumerable<string> For(ConsoleUser user)
    {
        yield return User(user.Username);
        if (user.SeesAllTeams)
        {
            yield return Managers;
        }
        else if (user.Team is { } team)
        {
            yield return Team(team);
            if (user.Role == UserRole.Supervisor)
            {
                yield return Supervisors(team);
            }
        }
    }

    public static IReadOnlyList<string> Of(ComplaintEvent complaintEvent)
    {
        var team = complaintEvent.Complaint.Team;
        return complaintEvent.Kind switch
        {
            ComplaintEventKind.SlaWarning =>
                [complaintEvent.Complaint.Assignee is { } assignee ? User(assignee) : Team(team), Supervisors(team)],
            ComplaintEventKind.ComplaintEscalated => [complaintEvent.Level == 1 ? Supervisors(team) : Managers],
            _ => [Team(team), Managers],
        };
    }
}
