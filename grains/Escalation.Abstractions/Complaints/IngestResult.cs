namespace Escalation.Complaints;

/// <summary>
/// Where a message went: a new complaint, or (<see cref="Appended"/>) an earlier one it follows up.
/// <see cref="Duplicate"/> when the message had been received before.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IngestResult(
    [property: Id(0)] Guid ComplaintId,
    [property: Id(1)] bool Duplicate,
    [property: Id(2)] bool Appended);
