namespace Escalation.Directory;

/// <summary>What a user may do; each role may do everything the one before it may, on a wider scope.</summary>
public enum UserRole
{
    Agent,
    Supervisor,
    Manager,
    Admin,
}
