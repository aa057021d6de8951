using System.Net;
using System.Text.Json;
using Escalation.Connectors;

/// <summary>
/// The receiving half of a connector: Escalation posts each response to the channel's outboundUrl, signed with the
/// channel's secret. A real adapter would verify it, post the reply on its platform once per delivery id, and answer
/// with the reply's id and address; this one prints it.
/// </summary>
internal sealed class ReplyListener(int port, string secret)
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private readonly Dictionary<Guid, OutboundReceipt> delivered = [];

    public async Task Run(CancellationToken stop)
    {
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/replies/");
        listener.Start();
        Console.WriteLine($"Receiving replies on http://127.0.0.1:{port}/replies (Ctrl+C to stop)");
        using var registration = stop.Register(listener.Stop);
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (HttpListenerException) when (stop.IsCancellationRequested)
            {
                return;
            }

            await Answer(context);
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
        using var response = context.Response;
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var headers = context.Request.Headers;
        if (ConnectorSignature.Check(secret, headers[ConnectorSignature.TimestampHeader], headers[ConnectorSignature.SignatureHeader],
                body.ToArray(), DateTimeOffset.UtcNow, Tolerance) is { } refusal)
        {
            Console.WriteLine($"401 refused a reply: {refusal}");
            response.StatusCode = 401;
            return;
        }

        OutboundReply? reply;
        try
        {
            reply = JsonSerializer.Deserialize<OutboundReply>(body.ToArray(), ConnectorBody.Json);
        }
        catch (JsonException)
        {
            reply = null;
        }

        if (reply is null)
        {
            response.StatusCode = 400;
            return;
        }

        // The same delivery id comes again when an answer was lost: post once, answer with the same receipt.
        if (!delivered.TryGetValue(reply.DeliveryId, out var receipt))
        {
            receipt = new OutboundReceipt($"sim-reply-{delivered.Count + 1}", null);
            delivered[reply.DeliveryId] = receipt;
            Console.WriteLine($"reply {reply.DeliveryId} to {reply.InReplyTo} ({reply.CustomerId}) by {reply.Author}{(reply.Public ? ", public" : "")}: {reply.Text}");
        }
        else
        {
            Console.WriteLine($"reply {reply.DeliveryId} again: already posted as {receipt.ExternalReplyId}");
        }

        response.ContentType = "application/json";
        await response.OutputStream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(receipt, ConnectorBody.Json));
    }
}
