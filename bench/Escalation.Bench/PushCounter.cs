using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

namespace Escalation.Bench;

/// <summary>
/// A console for the fan-out rows: SignalR's JSON protocol over a plain WebSocket (no negotiation), reading of each
/// push of one hub method only the external id it measures by, and when it arrived. The consoles of a real helpdesk
/// run on their users' machines; here they share the two cores with the system, and the SignalR client's work per
/// message (binding the arguments, dispatching the handler) took as much processor time as the api spent pushing.
/// </summary>
internal sealed class PushCounter : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] ExternalId = Encoding.UTF8.GetBytes("\"externalId\":\"");
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource stop = new();
    private readonly byte[] target;
    private readonly Action<string, long> pushed;
    private readonly TaskCompletionSource handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task running = Task.CompletedTask;

    private PushCounter(string method, Action<string, long> pushed)
    {
        target = Encoding.UTF8.GetBytes($"\"target\":\"{method}\"");
        this.pushed = pushed;
    }

    /// <summary>
    /// Connects to the api's console hub as the token's user and returns once the hub accepted the handshake, as the
    /// SignalR client does; <paramref name="pushed"/> gets each push's external id and <see cref="Stopwatch"/> timestamp.
    /// </summary>
    public static async Task<PushCounter> Connect(Uri api, string token, string method, Action<string, long> pushed)
    {
        var console = new PushCounter(method, pushed);
        try
        {
            console.socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
            await console.socket.ConnectAsync(new UriBuilder(new Uri(api, "/hubs/console")) { Scheme = api.Scheme == "https" ? "wss" : "ws" }.Uri, CancellationToken.None);
            await console.Send("{\"protocol\":\"json\",\"version\":1}");
            console.running = Task.WhenAll(console.Receive(), console.Ping());
            await console.handshake.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch
        {
            await console.DisposeAsync();
            throw;
        }

        return console;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Closed first: cancelling a receive under way would abort the socket before the close could be sent.
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            }

            await stop.CancelAsync();
            await running;
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or TimeoutException)
        {
            // Closing: whatever was in flight no longer counts.
        }

        socket.Dispose();
        stop.Dispose();
    }

    private Task Send(string record) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(record + (char)RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, stop.Token);

    /// <summary>The api closes a connection that sends nothing for 30 s.</summary>
    private async Task Ping()
    {
        using var every = new PeriodicTimer(PingEvery);
        while (await every.WaitForNextTickAsync(stop.Token))
        {
            await Send("{\"type\":6}");
        }
    }

    private async Task Receive()
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var result = await socket.ReceiveAsync(buffer.AsMemory(filled), stop.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                handshake.TrySetException(new InvalidOperationException("The hub closed the connection before the handshake."));
                return;
            }

            filled += result.Count;
            var at = Stopwatch.GetTimestamp();
            var records = buffer.AsSpan(0, filled);
            int end;
            while ((end = records.IndexOf(RecordSeparator)) >= 0)
            {
                Read(records[..end], at);
                records = records[(end + 1)..];
            }

            // A record cut by the end of a frame waits for the rest.
            records.CopyTo(buffer);
            filled = records.Length;
        }
    }

    private void Read(ReadOnlySpan<byte> record, long at)
    {
        // The first record answers the handshake: empty, or an error.
        if (!handshake.Task.IsCompleted)
        {
            if (record.SequenceEqual("{}"u8))
            {
                handshake.SetResult();
            }
            else
            {
                handshake.SetException(new InvalidOperationException($"The hub refused the handshake: {Encoding.UTF8.GetString(record)}"));
            }

            return;
        }

        if (record.IndexOf(target) < 0)
        {
            return;
        }

        // Inside a JSON string a quote is escaped, so the property's name cannot be mistaken for part of a text.
        var start = record.IndexOf(ExternalId);
        if (start < 0)
        {
            return;
        }

        var value = record[(start + ExternalId.Length)..];
        pushed(Encoding.UTF8.GetString(value[..value.IndexOf((byte)'"')]), at);
    }
}
