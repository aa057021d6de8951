using Escalation.Complaints;
using Microsoft.AspNetCore.Diagnostics;

namespace Escalation.Api.Problems;

/// <summary>
/// Every error is an RFC 7807 problem: status-code pages for bodiless 401/403/404/405, and one exception
/// handler that maps what grains and the framework throw to the status it means.
/// </summary>
internal static class ProblemExtensions
{
    public static WebApplicationBuilder AddProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<StatusExceptionHandler>();
        return builder;
    }

    public static WebApplication UseProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>Status and detail for an exception that means a client error or an unavailable cluster.</summary>
    public static (int Status, string Detail)? Classify(Exception exception) => exception switch
    {
        TransitionNotAllowedException => (StatusCodes.Status409Conflict, exception.Message),
        ComplaintNotFoundException => (StatusCodes.Status404NotFound, exception.Message),
        BadHttpRequestException bad => (bad.StatusCode, bad.Message),
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException =>
            (StatusCodes.Status503ServiceUnavailable, "The cluster cannot be reached; try again shortly."),
        _ => null,
    };

    private sealed class StatusExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (Classify(exception) is not var (status, detail))
            {
                return false;
            }

            context.Response.StatusCode = status;
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                context.Response.Headers.RetryAfter = "5";
            }

            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = { Status = status, Detail = detail },
            });
        }
    }
}
