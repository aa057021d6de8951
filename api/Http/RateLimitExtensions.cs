using System.Globalization;
using System.Threading.RateLimiting;
using Escalation.Api.Auth;
using Escalation.Api.Connectors;
using Microsoft.AspNetCore.RateLimiting;

namespace Escalation.Api.Http;

internal static class RateLimitExtensions
{
    /// <summary>
    /// Logins per client address (<c>Escalation:RateLimits:LoginsPerMinute</c>, 20) and connector requests per channel
    /// (<c>Escalation:Connectors:RequestsPerSecondPerChannel</c>, 10,000). Rejections are 429 problems with Retry-After.
    /// </summary>
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        var loginsPerMinute = builder.Configuration.GetValue("Escalation:RateLimits:LoginsPerMinute", 20);
        var connector = builder.Configuration.GetSection(ConnectorOptions.SectionName).Get<ConnectorOptions>() ?? new();
        builder.Services.AddRateLimiter(options =>
        {
            options.OnRejected = Reject;
            options.AddPolicy(AuthApi.LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = loginsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            options.AddPolicy(ConnectorsApi.RateLimit, http => RateLimitPartition.GetTokenBucketLimiter(
                http.GetRouteValue("channel")?.ToString() ?? "",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = connector.RequestsPerSecondPerChannel,
                    TokensPerPeriod = connector.RequestsPerSecondPerChannel,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                }));
        });
        return builder;
    }

    private static async ValueTask Reject(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Detail = $"Too many requests; retry after {retryAfter} s." },
        });
    }
}
