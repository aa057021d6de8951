using Escalation.Api.Connectors;
using Escalation.Api.Json;
using Scalar.AspNetCore;

namespace Escalation.Api.Http;

internal static class HttpExtensions
{
    /// <summary>The contract's JSON, request size limits, connector options and the OpenAPI document.</summary>
    public static WebApplicationBuilder AddHttpConventions(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => JsonSetup.Apply(options.SerializerOptions));
        builder.Services.Configure<ConnectorOptions>(builder.Configuration.GetSection(ConnectorOptions.SectionName));
        builder.Services.AddSingleton<ConnectorGate>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOpenApi(OpenApiContract.Configure);
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
