using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Escalation.Connectors;
using Escalation.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Escalation.Api.Tests;

/// <summary>A reply that reached the stand-in connector: its body as sent, and the signature headers it came with.</summary>
public sealed record DeliveredReply(byte[] Body, string? Timestamp, string? Signature)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public Guid DeliveryId => Json.GetProperty("deliveryId").GetGuid();

    /// <summary>Null when the signature is the channel's (as a connector checks it), else why not.</summary>
    public string? SignatureProblem(string secret) =>
        ConnectorSignature.Check(secret, Timestamp, Signature, Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
}

/// <summary>
/// A connector's outbound endpoint on a local port, standing in for a social platform's adapter: it records every
/// reply posted to it and answers as the test says (by default 200 with a receipt). It can stop and start again on the
/// same port, as a connector that is down for a while.
/// </summary>
public sealed class ConnectorListener : IAsyncDisposable
{
    private readonly EventLog<DeliveredReply> received = new();
    private WebApplication? app;

    private ConnectorListener(int port) => Address = new Uri($"http://127.0.0.1:{port}/replies");

    public Uri Address { get; }

    /// <summary>What to answer the n-th reply received (1-based); 200 with a receipt naming it unless set.</summary>
    public Func<int, IResult> Answer { get; set; } = n => Results.Json(new OutboundReceipt($"reply-{n}", $"https://social.example/replies/{n}"));

    public IReadOnlyList<DeliveredReply> Received => received.Where(_ => true);

    /// <summary>A listener on a free port, not yet listening.</summary>
    public static ConnectorListener OnFreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return new ConnectorListener(((IPEndPoint)probe.LocalEndpoint).Port);
    }

    public async Task Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Address.Port}");
        app = builder.Build();
        app.MapPost("/replies", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var reply = new DeliveredReply(body.ToArray(), request.Headers[ConnectorSignature.TimestampHeader], request.Headers[ConnectorSignature.SignatureHeader]);
            int count;
            lock (received)
            {
                received.Add(reply);
                count = Received.Count;
            }

            return Answer(count);
        });
        await app.StartAsync();
    }

    public async Task Stop()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
            app = null;
        }
    }

    /// <summary>The n-th reply received (1-based), already or within the patience.</summary>
    public async Task<DeliveredReply> Nth(int n, TimeSpan? patience = null)
    {
        await received.WaitFor(_ => Received.Count >= n, patience);
        return Received[n - 1];
    }

    /// <summary>
    /// The first reply of a delivery, already or within the patience. Deliveries are at least once: an attempt still
    /// under way when the fake clock jumps past its lease goes out again, so counting replies can mislead.
    /// </summary>
    public Task<DeliveredReply> Of(Guid deliveryId, TimeSpan? patience = null) => received.WaitFor(reply => reply.DeliveryId == deliveryId, patience);

    public ValueTask DisposeAsync() => new(Stop());
}
