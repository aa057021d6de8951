namespace Escalation.Directory;

/// <summary>
/// A user account. <see cref="PasswordHash"/> is a salted PBKDF2 hash, never the password. <see cref="Stamp"/> changes
/// whenever the role, team or password does (the directory sets it): tokens carry it, and one with an older stamp
/// is no longer accepted.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record UserRecord(
    [property: Id(0)] string Username,
    [property: Id(1)] UserRole Role,
    [property: Id(2)] string? Team,
    [property: Id(3)] string PasswordHash,
    [property: Id(4)] string? Stamp = null);
