namespace Escalation.Grains.Logs;

/// <summary>A sealed page of a log (key: <see cref="LogPage.KeyOf"/>), written once.</summary>
public interface ILogPageGrain<T> : IGrainWithStringKey
{
    ValueTask Keep(IReadOnlyList<T> entries);

    ValueTask<IReadOnlyList<T>> Entries();

    /// <summary>Deletes the page.</summary>
    ValueTask Clear();
}

public static class LogPage
{
    /// <summary>The key of a log's page: the log's key, '#', the page number.</summary>
    public static string KeyOf(string log, int page) => $"{log}#{page}";
}
