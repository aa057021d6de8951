using System.Text.Json;
using System.Text.Json.Serialization;
using Escalation.Sla;

namespace Escalation.Complaints;

/// <summary>
/// One audited event of a complaint: when, who, what. Fields that do not apply to a type are null. Its JSON has one
/// <c>reason</c>: the deadline (<see cref="Reason"/>) of a warning or escalation, or why the system moved the complaint
/// (<see cref="Cause"/>) on an <c>assigned</c> entry.
/// </summary>
public sealed record TimelineEntry(
    DateTimeOffset At,
    TimelineType Type,
    string Actor,
    string? Text = null,
    bool? Public = null,
    string? Agent = null,
    int? Level = null,
    [property: JsonIgnore] SlaClockKind? Reason = null,
    DateTimeOffset? DueAt = null,
    IReadOnlyList<string>? NotifiedUsers = null,
    string? ExternalId = null,
    Guid? DeliveryId = null,
    DeliveryState? Delivery = null,
    string? Url = null,
    [property: JsonIgnore] AssignmentCause? Cause = null)
{
    [JsonPropertyName("reason")]
    public string? ReasonName => (Cause?.ToString() ?? Reason?.ToString()) is { } name ? JsonNamingPolicy.CamelCase.ConvertName(name) : null;
}
