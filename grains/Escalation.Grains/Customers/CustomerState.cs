namespace Escalation.Grains.Customers;

[GenerateSerializer]
public sealed class CustomerState
{
    [Id(0)] public string? Name { get; set; }
    [Id(1)] public List<Guid> Open { get; set; } = [];

    /// <summary>
    /// Past complaints read with the customer's paged log and never added to: those recorded before they moved to the
    /// log (a customer kept by an earlier version), or an erased customer's history their pseudonym took over.
    /// </summary>
    [Id(2)] public List<Guid> Past { get; set; } = [];

    /// <summary>When each recent complaint was written, oldest first; older ones than any window needs are dropped.</summary>
    [Id(3)] public List<DateTimeOffset> Recent { get; set; } = [];
    [Id(4)] public int? LatestNps { get; set; }

    /// <summary>The NPS logs (<c>INpsGrain</c> keys) that hold the customer's answers, for an export or an erasure.</summary>
    [Id(5)] public List<string> NpsLogs { get; set; } = [];

    /// <summary>The customer's analytics key (<c>CustomerStanding.Key</c>), made as it is first needed.</summary>
    [Id(6)] public string? Key { get; set; }

    /// <summary>The id an erasure replaces the customer's with, once it has begun; the record is forgotten when it ends.</summary>
    [Id(7)] public string? Pseudonym { get; set; }

    /// <summary>The customer's e-mail addresses and phone numbers as connectors sent them (normalised), of every merged id.</summary>
    [Id(8)] public List<string> Emails { get; set; } = [];

    [Id(9)] public List<string> Phones { get; set; } = [];

    /// <summary>The customer this id was merged into (then nothing else is kept here); null for a customer of its own.</summary>
    [Id(10)] public string? MergedInto { get; set; }

    /// <summary>The ids merged into this customer: their complaints, counts and contacts are kept here.</summary>
    [Id(11)] public List<string> Members { get; set; } = [];
}
