using Escalation.Api.Connectors;
using Escalation.Api.Json;
using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Scalar.AspNetCore;

namespace Escalation.Api.Http;

internal static class HttpExtensions
{
    /// <summary>
    /// The contract's JSON, request size limits, connector options, the OpenAPI document, and compressed answers
    /// (Brotli or gzip, at their fastest levels, for clients that accept them, as browsers do): a queue page of 100
    /// rows is about 110 KB of JSON and some 15 KB on the wire. Compressing over HTTPS is safe here: the api's
    /// credentials are bearer tokens a page never sends on its own, so a cross-site page cannot probe a response.
    /// </summary>
    public static WebApplicationBuilder AddHttpConventions(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => JsonSetup.Apply(options.SerializerOptions));
        builder.Services.Configure<ConnectorOptions>(builder.Configuration.GetSection(ConnectorOptions.SectionName));
        builder.Services.AddSingleton<ConnectorGate>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOpenApi(OpenApiContract.Configure);
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/problem+json", "text/csv"];
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return builder;
    }

    /// <summary>
    /// Nothing the api serves may be framed or sniffed as another type, and pages run only the scripts they were built
    /// with: the console's own bundle, fetch and its WebSocket to the same origin. The API reference and the Orleans
    /// dashboard configure themselves with inline scripts, and get those on their paths alone.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        const string common = "default-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        const string console = $"{common}; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'";
        const string tools = $"{common}; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; font-src 'self' data:";
        app.Use((context, next) =>
        {
            // Set as the response starts: an exception handler clears the headers set before it.
            context.Response.OnStarting(() =>
            {
                var path = context.Request.Path;
                context.Response.Headers.ContentSecurityPolicy =
                    path.StartsWithSegments("/scalar") || path.StartsWithSegments(Auth.DashboardExtensions.Path) ? tools : console;
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>The web console (built from <c>web/</c> into wwwroot) at <c>/</c>.</summary>
    public static WebApplication UseWebConsole(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }

    /// <summary><c>/openapi/v1.json</c> and its interactive reference at <c>/scalar/v1</c>.</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }
}
