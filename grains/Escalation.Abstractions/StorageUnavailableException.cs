namespace Escalation;

/// <summary>
/// The durable store could not be reached, so nothing was written; the caller may retry later (the api answers
/// 503 with Retry-After).
/// </summary>
[GenerateSerializer]
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Whether a database failure caused the exception (anywhere in its inner exceptions).</summary>
    public static bool CausedByDatabase(Exception exception) => exception switch
    {
        System.Data.Common.DbException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(CausedByDatabase),
        _ => exception.InnerException is { } inner && CausedByDatabase(inner),
    };

    public StorageUnavailableException(string message)
        : base(message)
    {
    }
}
