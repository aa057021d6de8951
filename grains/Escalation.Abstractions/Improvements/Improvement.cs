using System.Text.Json.Serialization;
using Escalation.Triage;

namespace Escalation.Improvements;

public enum ImprovementStatus
{
    Planned,
    InProgress,
    Done,
    Dropped,
}

/// <summary>What a new improvement says: an action taken because of complaints, its owner and deadline.</summary>
[GenerateSerializer, Immutable]
public sealed record ImprovementDraft(
    [property: Id(0)] string Title,
    [property: Id(1)] Topic Topic,
    [property: Id(2)] string Owner,
    [property: Id(3)] string? OwnerTeam,
    [property: Id(4)] DateTimeOffset Deadline,
    [property: Id(5)] IReadOnlyList<Guid> ComplaintIds,
    [property: Id(6)] string CreatedBy);

/// <summary>An entry of the improvement log. <see cref="OverdueSince"/> is set when its deadline passed while it was open.</summary>
[GenerateSerializer, Immutable]
public sealed record Improvement(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Title,
    [property: Id(2)] Topic Topic,
    [property: Id(3)] string Owner,
    [property: Id(4)] string? OwnerTeam,
    [property: Id(5)] DateTimeOffset Deadline,
    [property: Id(6)] IReadOnlyList<Guid> ComplaintIds,
    [property: Id(7)] ImprovementStatus Status,
    [property: Id(8)] string? Outcome,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] string CreatedBy,
    [property: Id(11)] DateTimeOffset? OverdueSince)
{
    [JsonIgnore]
    public bool IsOpen => Status is ImprovementStatus.Planned or ImprovementStatus.InProgress;
}
