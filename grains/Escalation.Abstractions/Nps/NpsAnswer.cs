using Escalation.Triage;

namespace Escalation.Nps;

/// <summary>
/// One survey answer: "How likely is it that you would recommend us?" 0-10, with an optional comment. The cluster
/// adds the comment's <see cref="Topic"/> and <see cref="Keywords"/> as it records the answer.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record NpsAnswer(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] int Score,
    [property: Id(2)] string? Comment,
    [property: Id(3)] string Channel,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] Guid? ComplaintId,
    [property: Id(6)] Topic? Topic = null,
    [property: Id(7)] IReadOnlyList<string>? Keywords = null);
