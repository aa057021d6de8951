using Escalation.Api.Http;
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

    /// <remarks>
    /// An unknown user costs the same hashing as a wrong password, and counts against the account limit the same, so
    /// that neither the time nor the answer tells which usernames exist.
    /// </remarks>
    private static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request,
        HttpResponse response,
        IClusterClient cluster,
        TokenIssuer tokens,
        [FromKeyedServices(LoginRateLimit)] RateLimitExtensions.KeyedLimit perAccount)
    {
        if (string.IsNullOrEmpty(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return ProblemExtensions.Invalid("username", "Username and password are required.");
        }

        if (perAccount.Refuse(request.Username.ToLowerInvariant(), response) is { } tooMany)
        {
            return tooMany;
        }

        var directory = cluster.GetGrain<IDirectoryGrain>(0);
        var user = await directory.GetUser(request.Username);
        var (valid, outdated) = PasswordHasher.Verify(request.Password, user?.PasswordHash);
        if (!valid)
        {
            return TypedResults.Problem("Unknown user or wrong password.", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (outdated)
        {
            user = await directory.UpgradePasswordHash(user!.Username, user.PasswordHash, PasswordHasher.Hash(request.Password)) ?? user;
        }

        return TypedResults.Ok(new LoginResponse(tokens.Issue(user!), user!.Username, user.Role, user.Team));
    }
}
