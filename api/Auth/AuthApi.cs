using Escalation.Api.Problems;
using Escalation.Directory;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Auth;

internal static class AuthApi
{
    public const string LoginRateLimit = "login";

    public sealed record LoginRequest(string? Username, string? Password);

    public sealed record LoginResponse(string AccessToken, string Username, UserRole Role, string? Team);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", Login)
            .RequireRateLimiting(LoginRateLimit)
            .WithTags("Authentication")
            .WithSummary("Exchanges a username and password for a bearer token.");
        return app;
    }

    private static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, IClusterClient cluster, TokenIssuer tokens)
    {
        if (string.IsNullOrEmpty(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return ProblemExtensions.Invalid("username", "Username and password are required.");
        }

        var user = await cluster.GetGrain<IDirectoryGrain>(0).GetUser(request.Username);
        if (user is null || !PasswordHasher.Verify(request.Password, user.PasswordHash))
        {
            return TypedResults.Problem("Unknown user or wrong password.", statusCode: StatusCodes.Status401Unauthorized);
        }

        return TypedResults.Ok(new LoginResponse(tokens.Issue(user), user.Username, user.Role, user.Team));
    }
}
