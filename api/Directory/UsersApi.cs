using Escalation.Api.Audit;
using Escalation.Api.Problems;
using Escalation.Api.Auth;
using Escalation.Directory;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Directory;

internal static class UsersApi
{
    public sealed record UserView(string Username, UserRole Role, string? Team);

    public sealed record PutUserRequest(UserRole? Role, string? Team, string? Password);

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").RequireAuthorization(Policies.Admin).WithTags("Users");
        users.MapGet("/", GetUsers).WithSummary("Lists every user (admin).");
        users.MapPut("/{username}", PutUser).WithSummary("Creates or updates a user; the password may be left out when it does not change (admin).");
        users.MapDelete("/{username}", DeleteUser).WithSummary("Deletes a user; the last admin cannot be deleted (admin).");
        return app;
    }

    private static async Task<Ok<UserView[]>> GetUsers(IClusterClient cluster) =>
        TypedResults.Ok((await cluster.GetGrain<IDirectoryGrain>(0).GetUsers()).Select(View).ToArray());

    private static async Task<Results<Created<UserView>, Ok<UserView>, ValidationProblem, ProblemHttpResult>> PutUser(
        string username, PutUserRequest request, HttpContext http, IClusterClient cluster, UserStamps stamps)
    {
        var directory = cluster.GetGrain<IDirectoryGrain>(0);
        var existing = await directory.GetUser(username);
        var errors = new Dictionary<string, string[]>();
        if (!Names.IsValid(username))
        {
            errors["username"] = [$"A username is {Names.Rule}."];
        }

        if (request.Role is not { } role)
        {
            errors["role"] = ["role is required: agent, supervisor, manager or admin."];
            role = UserRole.Agent;
        }

        if (role is UserRole.Agent or UserRole.Supervisor && !Names.IsValid(request.Team))
        {
            errors["team"] = [$"Agents and supervisors need a team: {Names.Rule}."];
        }
        else if (request.Team is not null && !Names.IsValid(request.Team))
        {
            errors["team"] = [$"A team name is {Names.Rule}."];
        }

        if (request.Password is null ? existing is null : request.Password.Length < PasswordHasher.MinimumLength)
        {
            errors["password"] = [$"A new password is at least {PasswordHasher.MinimumLength} characters."];
        }

        if (errors.Count > 0)
        {
            return ProblemExtensions.Invalid(errors);
        }

        if (existing is { Role: UserRole.Admin } && role != UserRole.Admin && await IsLastAdmin(directory))
        {
            return TypedResults.Problem("The last admin cannot lose the admin role.", statusCode: StatusCodes.Status409Conflict);
        }

        var user = new UserRecord(username, role, request.Team, request.Password is { } password ? PasswordHasher.Hash(password) : existing!.PasswordHash);
        var created = await directory.PutUser(user);
        stamps.Forget(username);
        await http.Audit(created ? "user.created" : "user.updated", username,
            $"role={user.Role.ToString().ToLowerInvariant()}, team={user.Team ?? "none"}{(request.Password is null ? "" : ", password set")}");
        return created
            ? TypedResults.Created($"/api/users/{username}", View(user))
            : TypedResults.Ok(View(user));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteUser(string username, HttpContext http, IClusterClient cluster, UserStamps stamps)
    {
        var directory = cluster.GetGrain<IDirectoryGrain>(0);
        if (await directory.GetUser(username) is not { } user)
        {
            return TypedResults.NotFound();
        }

        if (user.Role == UserRole.Admin && await IsLastAdmin(directory))
        {
            return TypedResults.Problem("The last admin cannot be deleted.", statusCode: StatusCodes.Status409Conflict);
        }

        await directory.DeleteUser(username);
        stamps.Forget(username);
        await http.Audit("user.deleted", username);
        return TypedResults.NoContent();
    }

    private static async Task<bool> IsLastAdmin(IDirectoryGrain directory) =>
        (await directory.GetUsers()).Count(user => user.Role == UserRole.Admin) <= 1;

    private static UserView View(UserRecord user) => new(user.Username, user.Role, user.Team);
}
