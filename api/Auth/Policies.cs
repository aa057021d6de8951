using Escalation.Api.Json;
using Escalation.Directory;
using Microsoft.AspNetCore.Authorization;

namespace Escalation.Api.Auth;

/// <summary>Authorization policies by the least role that may act; every role above it may too.</summary>
internal static class Policies
{
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string Manager = "manager";
    public const string Admin = "admin";

    public static void Add(AuthorizationOptions options)
    {
        foreach (var least in Enum.GetValues<UserRole>())
        {
            string[] roles = [.. Enum.GetValues<UserRole>().Where(role => role >= least).Select(role => JsonSetup.ToCamelCase(role.ToString()))];
            options.AddPolicy(JsonSetup.ToCamelCase(least.ToString()), policy => policy.RequireClaim(ConsoleUser.RoleClaim, roles));
        }
    }
}
