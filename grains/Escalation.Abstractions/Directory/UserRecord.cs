namespace Escalation.Directory;

/// <summary>A user account. <see cref="PasswordHash"/> is a salted PBKDF2 hash, never the password.</summary>
[GenerateSerializer, Immutable]
public sealed record UserRecord(
    [property: Id(0)] string Username,
    [property: Id(1)] UserRole Role,
    [property: Id(2)] string? Team,
    [property: Id(3)] string PasswordHash);
