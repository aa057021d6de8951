using System.Text.Json;
using Escalation.Tests.Shared;
using Microsoft.AspNetCore.SignalR.Client;

namespace Escalation.Api.Tests;

/// <summary>A console's hub connection (the real SignalR .NET client) that records every event it receives.</summary>
public sealed class HubListener : IAsyncDisposable
{
    /// <summary>The contract's event names, spelled as outside consoles spell them.</summary>
    public static readonly string[] EventNames =
        ["complaintCreated", "complaintAssigned", "complaintUpdated", "complaintResolved", "slaWarning", "complaintEscalated", "deliveryFailed"];

    private readonly EventLog<(string Name, JsonElement Payload)> log = new();
    private readonly EventLog<JsonElement> resyncs = new();

    private HubListener(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public static async Task<HubListener> Connect(Uri baseAddress, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/console"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var listener = new HubListener(connection);
        foreach (var name in EventNames)
        {
            connection.On<JsonElement>(name, payload => listener.log.Add((name, payload.Clone())));
        }

        connection.On<JsonElement>("resync", payload => listener.resyncs.Add(payload.Clone()));
        await connection.StartAsync();
        return listener;
    }

    /// <summary>The events received for one complaint, in arrival order.</summary>
    public IReadOnlyList<(string Name, JsonElement Payload)> For(Guid complaintId) => log.Where(e => IdOf(e.Payload) == complaintId);

    public async Task<JsonElement> WaitFor(string name, Guid complaintId, Func<JsonElement, bool>? match = null, TimeSpan? patience = null) =>
        (await log.WaitFor(e => e.Name == name && IdOf(e.Payload) == complaintId && (match?.Invoke(e.Payload) ?? true), patience)).Payload;

    /// <summary>The first <c>resync</c> the console was sent, received already or awaited.</summary>
    public Task<JsonElement> WaitForResync(TimeSpan patience) => resyncs.WaitFor(_ => true, patience);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private static Guid IdOf(JsonElement payload) => payload.GetProperty("complaintId").GetGuid();
}
