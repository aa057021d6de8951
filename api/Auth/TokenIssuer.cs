using System.Security.Claims;
using System.Text;
using Escalation.Api.Json;
using Escalation.Directory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Escalation.Api.Auth;

internal sealed class TokenIssuer(IOptions<AuthOptions> options, TimeProvider time)
{
    public static SymmetricSecurityKey KeyOf(AuthOptions options) =>
        new(Encoding.UTF8.GetBytes(options.SigningKey ?? throw new InvalidOperationException("No signing key is configured.")));

    public string Issue(UserRecord user)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new(ConsoleUser.UsernameClaim, user.Username),
            new(ConsoleUser.RoleClaim, JsonSetup.ToCamelCase(user.Role.ToString())),
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
            SigningCredentials = new SigningCredentials(KeyOf(options.Value), SecurityAlgorithms.HmacSha256),
        });
    }
}
