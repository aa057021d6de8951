namespace Escalation;

/// <summary>
/// The durable store could not be reached, so nothing was written; the caller may retry later (the api answers
/// 503 with Retry-After).
/// </summary>
[GenerateSerializer]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string message)
        : base(message)
    {
    }
}
