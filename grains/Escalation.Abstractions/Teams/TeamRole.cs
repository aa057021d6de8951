namespace Escalation.Teams;

public enum TeamRole
{
    Agent,
    Supervisor,
}
