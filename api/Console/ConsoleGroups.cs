using Escalation.Complaints;
using Escalation.Api.Auth;
using Escalation.Directory;
using Escalation.Events;
using Escalation.Improvements;

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

    /// <summary>An overdue improvement: its owner, the supervisors of the owner's team, and managers.</summary>
    public static IReadOnlyList<string> Of(ImprovementEvent improvementEvent) =>
        improvementEvent.Improvement.OwnerTeam is { } team
            ? [User(improvementEvent.Improvement.Owner), Supervisors(team), Managers]
            : [User(improvementEvent.Improvement.Owner), Managers];

    public static IReadOnlyList<string> Of(ComplaintEvent complaintEvent)
    {
        var team = complaintEvent.Complaint.Team;
        return complaintEvent.Kind switch
        {
            // The team group holds the supervisors too, so an unassigned warning goes to it alone (nobody twice).
            ComplaintEventKind.SlaWarning or ComplaintEventKind.DeliveryFailed =>
                complaintEvent.Complaint.Assignee is { } assignee ? [User(assignee), Supervisors(team)] : [Team(team)],
            ComplaintEventKind.ComplaintEscalated => [.. (complaintEvent.Recipients ?? []).Select(User)],
            _ => [Team(team), Managers],
        };
    }
}
