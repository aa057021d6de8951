using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.RateLimiting;
using Escalation.Caching;
using Escalation.Complaints;
using Escalation.Connectors;
using Escalation.Directory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Escalation.Grains.Outbound;

/// <summary>
/// Makes this silo's delivery attempts: posts each response to its channel's outbound address, signed with the
/// channel's secret, paced per channel (<see cref="EscalationOptions.OutboundPerSecond"/>), and tells the complaint what
/// the attempt came to. It keeps nothing: the complaint's outbox does (<see cref="ComplaintOutbox"/>), so an attempt lost
/// here (the silo stops) goes out again when the complaint's outbox says its time is up.
/// </summary>
public sealed partial class OutboundDispatcher(
    IGrainFactory grains,
    GrainCache<IDirectoryGrain, IReadOnlyDictionary<string, ChannelRecord>> channels,
    IOptions<EscalationOptions> options,
    ILogger<OutboundDispatcher> logger) : IDisposable
{
    private const int LongestReplyId = 200;
    private const int LongestUrl = 2_000;
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = ComplaintOutbox.AttemptTimeout,
        MaxResponseContentBufferSize = 64 * 1024,
    };

    private readonly ConcurrentDictionary<string, RateLimiter> pacing = new(StringComparer.Ordinal);

    /// <summary>Starts the attempts off the caller's turn (a grain's), each on its own.</summary>
    public void Send(IEnumerable<OutboundDelivery> deliveries)
    {
        foreach (var delivery in deliveries)
        {
            _ = Task.Run(() => Attempt(delivery));
        }
    }

    public void Dispose()
    {
        http.Dispose();
        foreach (var limiter in pacing.Values)
        {
            limiter.Dispose();
        }
    }

    private async Task Attempt(OutboundDelivery delivery)
    {
        var pending = delivery.Delivery;
        DeliveryOutcome outcome;
        try
        {
            outcome = await Post(delivery);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or OrleansException or TimeoutException)
        {
            outcome = Failed(pending, exception is TaskCanceledException
                ? $"No answer within {ComplaintOutbox.AttemptTimeout.TotalSeconds:0} s."
                : $"Could not reach the outbound address: {exception.Message}");
        }

        try
        {
            await grains.Grain<IComplaintGrain>(delivery.ComplaintId).Settle(outcome);
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException or StorageUnavailableException)
        {
            LogNotSettled(logger, exception, pending.DeliveryId, delivery.ComplaintId);
        }
    }

    private async Task<DeliveryOutcome> Post(OutboundDelivery delivery)
    {
        var pending = delivery.Delivery;
        if (!(await channels.Get()).TryGetValue(delivery.Channel, out var channel) || channel.OutboundUrl is not { } address)
        {
            return Failed(pending, $"The channel '{delivery.Channel}' has no outbound address any more.");
        }

        using var lease = await Pacing(channel.Name).AcquireAsync();
        if (!lease.IsAcquired)
        {
            return Failed(pending, "Too many deliveries are waiting for this channel; tried again later.");
        }

        var body = new OutboundReply(pending.DeliveryId, delivery.ComplaintId, pending.InReplyTo, delivery.CustomerId, pending.Text,
            pending.Public, pending.Author, pending.At).ToUtf8();
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = SignedRequest.Create(address, channel.Secret, body, timestamp);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            return Failed(pending, $"The outbound address answered {(int)response.StatusCode}.");
        }

        var receipt = await Receipt(response);
        return new DeliveryOutcome(pending.DeliveryId, pending.Attempts, Delivered: true,
            receipt?.ExternalReplyId is { Length: > 0 and <= LongestReplyId } id && !id.Any(char.IsControl) ? id : null,
            receipt?.Url is { Length: <= LongestUrl } url && Uri.TryCreate(url, UriKind.Absolute, out var link)
                && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp) ? link.AbsoluteUri : null,
            null);
    }

    /// <summary>What the connector answered, if it is the receipt the contract describes; anything else is ignored.</summary>
    private static async Task<OutboundReceipt?> Receipt(HttpResponseMessage response)
    {
        try
        {
            return response.Content.Headers.ContentType?.MediaType == "application/json"
                ? await response.Content.ReadFromJsonAsync<OutboundReceipt>(ConnectorBody.Json)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private RateLimiter Pacing(string channel) => pacing.GetOrAdd(channel, _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
    {
        TokenLimit = options.Value.OutboundPerSecond,
        TokensPerPeriod = options.Value.OutboundPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 10_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    }));

    private static DeliveryOutcome Failed(PendingDelivery pending, string reason) =>
        new(pending.DeliveryId, pending.Attempts, Delivered: false, null, null, reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} of complaint {ComplaintId} was attempted but its outcome could not be recorded; the complaint tries again when the attempt times out")]
    private static partial void LogNotSettled(ILogger logger, Exception exception, Guid deliveryId, Guid complaintId);
}
