using System.Globalization;
using System.Threading.RateLimiting;
using Escalation.Api.Auth;
using Escalation.Api.Connectors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;

namespace Escalation.Api.Http;

internal static class RateLimitExtensions
{
    /// <summary>
    /// Logins per client address (<c>Escalation:RateLimits:LoginsPerMinute</c>, 20) and per account
    /// (<c>Escalation:RateLimits:LoginsPerMinutePerAccount</c>, 10); connector requests per client address
    /// (<c>Escalation:Connectors:RequestsPerSecondPerAddress</c>, 10,000) before anything is read, and per channel
    /// (<c>Escalation:Connectors:RequestsPerSecondPerChannel</c>, 10,000) only once the signature verified, so that
    /// unsigned junk cannot spend a real connector's budget. Rejections are 429 problems with Retry-After.
    /// </summary>
    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        var loginsPerMinute = builder.Configuration.GetValue("Escalation:RateLimits:LoginsPerMinute", 20);
        var loginsPerAccount = builder.Configuration.GetValue("Escalation:RateLimits:LoginsPerMinutePerAccount", 10);
        var connector = builder.Configuration.GetSection(ConnectorOptions.SectionName).Get<ConnectorOptions>() ?? new();
        builder.Services.AddRateLimiter(options =>
        {
            options.OnRejected = Reject;
            options.AddPolicy(AuthApi.LoginRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                AddressOf(http), _ => PerMinute(loginsPerMinute)));
            options.AddPolicy(ConnectorsApi.RateLimit, http => RateLimitPartition.GetTokenBucketLimiter(
                AddressOf(http), _ => PerSecond(connector.RequestsPerSecondPerAddress)));
        });
        builder.Services.AddKeyedSingleton(AuthApi.LoginRateLimit, new KeyedLimit(
            PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetFixedWindowLimiter(account, _ => PerMinute(loginsPerAccount)))));
        builder.Services.AddKeyedSingleton(ConnectorsApi.RateLimit, new KeyedLimit(
            PartitionedRateLimiter.Create<string, string>(channel => RateLimitPartition.GetTokenBucketLimiter(channel, _ => PerSecond(connector.RequestsPerSecondPerChannel)))));
        return builder;
    }

    private static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) };

    private static TokenBucketRateLimiterOptions PerSecond(int permits) =>
        new() { TokenLimit = permits, TokensPerPeriod = permits, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };

    private static int RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;

    private static string TooMany(HttpResponse response, int retryAfter)
    {
        response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return $"Too many requests; retry after {retryAfter} s.";
    }

    private static async ValueTask Reject(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Detail = TooMany(http.Response, RetryAfter(context.Lease)) },
        });
    }

    /// <summary>A limit an endpoint checks itself, once it knows what to count: an account, a channel whose signature verified.</summary>
    internal sealed class KeyedLimit(PartitionedRateLimiter<string> limiter)
    {
        /// <summary>Null when the request may go on; otherwise the 429 to answer (its Retry-After is set on the response).</summary>
        public ProblemHttpResult? Refuse(string key, HttpResponse response)
        {
            using var lease = limiter.AttemptAcquire(key);
            return lease.IsAcquired ? null : TypedResults.Problem(TooMany(response, RetryAfter(lease)), statusCode: StatusCodes.Status429TooManyRequests);
        }
    }
}
