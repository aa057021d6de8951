using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace Escalation.Silo;

internal static class SiloTelemetry
{
    /// <summary>
    /// Traces, metrics and logs sent with OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (and the other standard
    /// <c>OTEL_*</c> variables): grain calls continue the trace of the api request that caused them, storage operations
    /// included, and Orleans' own metrics go along. Without an endpoint nothing listens and no span is made. Console
    /// log records written within a span carry its trace id either way.
    /// </summary>
    public static HostApplicationBuilder AddSiloTelemetry(this HostApplicationBuilder builder)
    {
        builder.Services.Configure<SimpleConsoleFormatterOptions>(options => options.IncludeScopes = true);
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        builder.UseOrleans(silo => silo.AddActivityPropagation());
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("escalation-silo"))
            .WithTracing(tracing => tracing.AddSource(ActivitySources.ApplicationGrainActivitySourceName, ActivitySources.StorageActivitySourceName))
            .WithMetrics(metrics => metrics.AddMeter("Microsoft.Orleans"))
            .WithLogging()
            .UseOtlpExporter();
        return builder;
    }
}
