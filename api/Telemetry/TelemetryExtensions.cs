using OpenTelemetry.Metrics;

namespace Escalation.Api.Telemetry;

internal static class TelemetryExtensions
{
    /// <summary>Structured (JSON) logs and OpenTelemetry metrics, scraped from <c>/metrics</c> in Prometheus format.</summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.AddJsonConsole();
        builder.Services.AddSingleton<EscalationMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(EscalationMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint();
        return app;
    }
}
