using Escalation.Complaints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Problems;

/// <summary>
/// Every error is an RFC 7807 problem: status-code pages for bodiless 401/403/404/405, and one exception
/// handler that maps what grains and the framework throw to the status it means.
/// </summary>
internal static class ProblemExtensions
{
    public static WebApplicationBuilder AddProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status401Unauthorized => "A valid bearer token is required (POST /api/auth/login).",
                StatusCodes.Status403Forbidden => "Your role or team may not do this.",
                StatusCodes.Status404NotFound => "There is no such resource.",
                StatusCodes.Status405MethodNotAllowed => "This resource does not support that method.",
                StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                StatusCodes.Status415UnsupportedMediaType => "The body must be JSON (Content-Type: application/json).",
                // The framework answers a body it cannot bind (broken JSON, a wrong type) with a bare 400.
                StatusCodes.Status400BadRequest => "The request is not valid: the body must be JSON of the documented shape.",
                _ => context.ProblemDetails.Title ?? "The request failed.",
            });
        builder.Services.AddExceptionHandler<StatusExceptionHandler>();
        return builder;
    }

    public static WebApplication UseProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>A 400 validation problem whose detail repeats the errors, so that it reads on its own.</summary>
    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(messages => messages)));

    public static ValidationProblem Invalid(string field, params string[] errors) => Invalid(new Dictionary<string, string[]> { [field] = errors });

    /// <summary>Status and detail for an exception that means a client error or an unavailable cluster.</summary>
    public static (int Status, string Detail)? Classify(Exception exception) => exception switch
    {
        TransitionNotAllowedException => (StatusCodes.Status409Conflict, exception.Message),
        ComplaintNotFoundException => (StatusCodes.Status404NotFound, exception.Message),
        BadHttpRequestException bad => (bad.StatusCode, bad.Message),
        StorageUnavailableException => (StatusCodes.Status503ServiceUnavailable, "The database is unavailable; the request was not completed. Try again shortly (connector posts are safe to repeat)."),
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException =>
            (StatusCodes.Status503ServiceUnavailable, "The cluster cannot be reached or did not answer in time; try again shortly (connector posts are safe to repeat)."),
        // A grain that could not even be activated because its state could not be read.
        _ when StorageUnavailableException.CausedByDatabase(exception) => (StatusCodes.Status503ServiceUnavailable, "The database is unavailable; the request was not completed. Try again shortly (connector posts are safe to repeat)."),
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
