using System.Security.Claims;
using Escalation.Api.Json;
using Escalation.Directory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Escalation.Api.Auth;

internal sealed class TokenIssuer(IOptions<AuthOptions> options, SigningKey key, TimeProvider time)
{
    public string Issue(UserRecord user)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new(ConsoleUser.UsernameClaim, user.Username),
            new(ConsoleUser.RoleClaim, JsonSetup.ToCamelCase(user.Role.ToString())),
            new(ConsoleUser.StampClaim, user.Stamp ?? ""),
        };
        if (user.Team is { } team)
        {
            claims.Add(new Claim(ConsoleUser.TeamClaim, team));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Issuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.TokenLifetime,
            SigningCredentials = new SigningCredentials(
                key.Current ?? throw new InvalidOperationException("The cluster's signing key is not loaded yet."), SecurityAlgorithms.HmacSha256),
        });
    }
}
