using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Escalation.Connectors;

namespace Escalation.Api.Tests.Deployment;

/// <summary>OpenTelemetry from the published services to a local OTLP receiver (<see cref="PublishedSystem"/> points them at it).</summary>
[Collection(DeploymentCollection.Name)]
public sealed class TracingTests(PublishedSystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_ingested_complaint_is_one_trace_from_the_connector_request_through_the_grains_to_the_console_push()
    {
        // The connector's own trace context, as a connector that traces would send it.
        var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var body = JsonSerializer.SerializeToUtf8Bytes(new { externalId = $"trace-{traceId}", customer = new { id = "fb:traced" }, text = "Arve on topelt, palun parandage." });
        using var request = SignedRequest.Create(SignedRequest.ComplaintsPath("facebook"), ApiDriver.Secret, body, system.Time.GetUtcNow());
        request.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-01");
        Assert.Equal(HttpStatusCode.Accepted, (await system.Anonymous.SendAsync(request)).StatusCode);

        var received = await SpanOf(traceId, "escalation-api", span => span.Scope == "Microsoft.AspNetCore" && span.Name.StartsWith("POST", StringComparison.Ordinal));
        var ingested = await SpanOf(traceId, "escalation-silo", span => span.Name.Contains("Ingest", StringComparison.Ordinal));
        var stored = await SpanOf(traceId, "escalation-silo", span => span.Scope == "Microsoft.Orleans.Storage");
        var pushed = await SpanOf(traceId, "escalation-api", span => span.Name == "push ComplaintCreated");
        Assert.Equal(4, new[] { received, ingested, stored, pushed }.Select(span => span.SpanId).Distinct().Count());
        Assert.NotEqual("", pushed.ParentSpanId);
    }

    [Fact]
    public async Task Log_records_carry_the_trace_id_on_the_console_and_over_otlp()
    {
        var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative));
        request.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-01");
        (await system.Anonymous.SendAsync(request)).EnsureSuccessStatusCode();

        await system.ApiProcess.WaitForOutput($"\"TraceId\":\"{traceId}\"", Patience);
        await system.Telemetry.Logs.WaitFor(log => log == ("escalation-api", traceId), Patience);
    }

    [Fact]
    public async Task Both_services_export_the_metrics_docs_deployment_md_says_to_watch_over_otlp()
    {
        foreach (var metric in new[] { ("escalation-api", "http.server.request.duration"), ("escalation-silo", "orleans-catalog-activations"), ("escalation-silo", "orleans-app-requests-latency") })
        {
            await system.Telemetry.Metrics.WaitFor(exported => exported == metric, Patience);
        }
    }

    private async Task<ReceivedSpan> SpanOf(string traceId, string service, Func<ReceivedSpan, bool> match)
    {
        try
        {
            return await system.Telemetry.Spans.WaitFor(span => span.TraceId == traceId && span.Service == service && match(span), Patience);
        }
        catch (TimeoutException)
        {
            var seen = system.Telemetry.Spans.Where(span => span.TraceId == traceId).Select(span => $"{span.Service} {span.Scope}: {span.Name}");
            throw new Xunit.Sdk.XunitException($"No such span of {service} in trace {traceId}; it has: {string.Join("; ", seen)}");
        }
    }
}
