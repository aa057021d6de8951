using System.Security.Cryptography;
using System.Text;

namespace Escalation.Complaints;

/// <summary>
/// A connector message's complaint id, derived from the message's key (channel and external id): however often and
/// however concurrently the same message arrives, on whichever api instance, it reaches the same grain, which is the
/// idempotency boundary of ingestion. No row is kept for the key itself.
/// </summary>
public static class ComplaintIds
{
    public static Guid Of(string channel, string externalId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{channel}:{externalId}"), hash);
        return new Guid(hash[..16]);
    }
}
