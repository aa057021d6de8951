using Escalation.Api.Connectors;
using Escalation.Api.Json;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Escalation.Api.Http;

internal static class HttpExtensions
{
    /// <summary>The contract's JSON, request size limits, connector options and the OpenAPI document.</summary>
    public static WebApplicationBuilder AddHttpConventions(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => JsonSetup.Apply(options.SerializerOptions));
        builder.Services.Configure<ConnectorOptions>(builder.Configuration.GetSection(ConnectorOptions.SectionName));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            // Lets the reference page send a token from /api/auth/login.
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The accessToken from POST /api/auth/login.",
            };
            return Task.CompletedTask;
        }));
        return builder;
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
