using Microsoft.Extensions.Logging.Console;
using Orleans.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Escalation.Api.Telemetry;

internal static class TracingExtensions
{
    /// <summary>
    /// Traces, metrics and logs sent with OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (and the other standard
    /// <c>OTEL_*</c> variables): a connector request, the grain calls it causes on the silos (Orleans activity
    /// propagation) and the console pushes of the events they publish form one trace. Without an endpoint nothing
    /// is exported and Orleans makes no spans. Console log records carry the trace id either way.
    /// </summary>
    public static WebApplicationBuilder AddTracing(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<JsonConsoleFormatterOptions>(options => options.IncludeScopes = true);
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        builder.UseOrleansClient(client => client.AddActivityPropagation());
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("escalation-api"))
            .WithTracing(tracing => tracing
                .AddSource(ActivitySources.ApplicationGrainActivitySourceName, ActivitySources.StorageActivitySourceName, ConsoleTracing.SourceName)
                .AddAspNetCoreInstrumentation())
            .WithLogging()
            .UseOtlpExporter();
        return builder;
    }
}
