using Escalation.Tests.Shared;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Escalation.Api.Tests.Deployment;

/// <summary>
/// A local OTLP receiver (HTTP and protobuf, as <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c> sends): it decodes of
/// each export just what the tests look at, by the field numbers of the OTLP protocol definitions
/// (opentelemetry/proto/collector/*/v1 and trace, logs, metrics, resource, common).
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private OtlpReceiver(WebApplication app, Uri endpoint)
    {
        this.app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public EventLog<ReceivedSpan> Spans { get; } = new();

    /// <summary>Log records that carry a trace id: (service, trace id).</summary>
    public EventLog<(string Service, string TraceId)> Logs { get; } = new();

    /// <summary>The metrics exported: (service, metric name).</summary>
    public EventLog<(string Service, string Metric)> Metrics { get; } = new();

    public static async Task<OtlpReceiver> Start()
    {
        var port = ApiHost.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, new Uri($"http://127.0.0.1:{port}"));
        app.MapPost("/v1/traces", (HttpRequest request) => Receive(request, receiver.ReceiveSpans));
        app.MapPost("/v1/logs", (HttpRequest request) => Receive(request, receiver.ReceiveLogs));
        app.MapPost("/v1/metrics", (HttpRequest request) => Receive(request, receiver.ReceiveMetrics));
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private static async Task<IResult> Receive(HttpRequest request, Action<ByteString> decode)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        decode(ByteString.CopyFrom(body.ToArray()));

        // An empty Export*ServiceResponse: everything accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

    private void ReceiveSpans(ByteString export)
    {
        foreach (var (service, resourceSpans) in Resources(export))
        {
            foreach (var scopeSpans in Fields(resourceSpans, 2))
            {
                var scope = Fields(scopeSpans, 1).Select(s => Fields(s, 1).Single().ToStringUtf8()).SingleOrDefault() ?? "";
                foreach (var span in Fields(scopeSpans, 2))
                {
                    Spans.Add(new ReceivedSpan(service, scope, Hex(span, 1), Hex(span, 2), Hex(span, 4), Fields(span, 5).Single().ToStringUtf8()));
                }
            }
        }
    }

    private void ReceiveLogs(ByteString export)
    {
        foreach (var (service, resourceLogs) in Resources(export))
        {
            foreach (var record in Fields(resourceLogs, 2).SelectMany(scopeLogs => Fields(scopeLogs, 2)))
            {
                if (Hex(record, 9) is { Length: > 0 } traceId)
                {
                    Logs.Add((service, traceId));
                }
            }
        }
    }

    private void ReceiveMetrics(ByteString export)
    {
        foreach (var (service, resourceMetrics) in Resources(export))
        {
            foreach (var metric in Fields(resourceMetrics, 2).SelectMany(scopeMetrics => Fields(scopeMetrics, 2)))
            {
                Metrics.Add((service, Fields(metric, 1).Single().ToStringUtf8()));
            }
        }
    }

    /// <summary>Each resource's entry (field 1 of every export request) with its <c>service.name</c> attribute.</summary>
    private static IEnumerable<(string Service, ByteString Entry)> Resources(ByteString export) =>
        Fields(export, 1).Select(entry => (
            Fields(entry, 1).SelectMany(resource => Fields(resource, 1))
                .Where(attribute => Fields(attribute, 1).Single().ToStringUtf8() == "service.name")
                .Select(attribute => Fields(Fields(attribute, 2).Single(), 1).Single().ToStringUtf8())
                .Single(),
            entry));

    private static string Hex(ByteString message, int number) =>
        Convert.ToHexStringLower(Fields(message, number).SingleOrDefault()?.ToByteArray() ?? []);

    /// <summary>The length-delimited fields (messages, strings, bytes) numbered <paramref name="number"/>; others are skipped.</summary>
    private static List<ByteString> Fields(ByteString message, int number)
    {
        var found = new List<ByteString>();
        var input = message.CreateCodedInput();
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            if (WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited && WireFormat.GetTagFieldNumber(tag) == number)
            {
                found.Add(input.ReadBytes());
            }
            else
            {
                input.SkipLastField();
            }
        }

        return found;
    }
}

/// <summary>A span as exported: ids in lowercase hex, the parent's empty for a root span.</summary>
internal sealed record ReceivedSpan(string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name);
