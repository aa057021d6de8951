using System.Text.Json.Serialization;
using Escalation.Sla;
using Escalation.Triage;

namespace Escalation.Complaints;

/// <summary>
/// What consoles and the REST api show of a complaint. Deadline fields are null while the SLA is paused
/// (waiting for the customer); <see cref="NextResponseDueAt"/> is null unless a customer message awaits an answer.
/// <see cref="NextDueAt"/> is the earliest deadline not yet met (past when breached), for countdowns; its warning
/// goes out at <see cref="NextWarningAt"/>, null once sent. <see cref="TriageReasons"/> say which words decided the
/// language and topic. In list rows (<see cref="AsRow"/>) the text is cut to <see cref="PreviewLength"/> characters
/// (<see cref="TextTruncated"/>) and the triage reasons are left out; the detail has them whole.
/// <see cref="Attachments"/> are the links the complaint came with (none once erased); <see cref="SlaPolicy"/> names the
/// policy set its terms came from.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ComplaintSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Channel,
    [property: Id(2)] string ExternalId,
    [property: Id(3)] string CustomerId,
    [property: Id(4)] string? CustomerName,
    [property: Id(5)] string Text,
    [property: Id(6)] bool Public,
    [property: Id(7)] string? Url,
    [property: Id(8)] Priority Priority,
    [property: Id(9)] IReadOnlyList<string> PriorityReasons,
    [property: Id(10)] string Language,
    [property: Id(11)] Topic Topic,
    [property: Id(12)] ComplaintStatus Status,
    [property: Id(13)] string? Assignee,
    [property: Id(14)] string Team,
    [property: Id(15)] DateTimeOffset CreatedAt,
    [property: Id(16)] DateTimeOffset ReceivedAt,
    [property: Id(17)] DateTimeOffset? FirstResponseDueAt,
    [property: Id(18)] DateTimeOffset? NextResponseDueAt,
    [property: Id(19)] DateTimeOffset? ResolutionDueAt,
    [property: Id(20)] bool SlaPaused,
    [property: Id(21)] int EscalationLevel,
    [property: Id(22)] bool EscalationAcknowledged,
    [property: Id(23)] string? InReplyTo,
    [property: Id(24)] DateTimeOffset? NextDueAt,
    [property: Id(25)] SlaClockKind? NextDueReason,
    [property: Id(26)] DateTimeOffset? NextWarningAt,
    [property: Id(27)] IReadOnlyList<string> TriageReasons,
    [property: Id(29)] IReadOnlyList<Attachment> Attachments,
    [property: Id(30)] string SlaPolicy,
    [property: Id(28)] bool TextTruncated = false)
{
    /// <summary>How much of the text a list row carries.</summary>
    public const int PreviewLength = 280;

    [JsonIgnore]
    public bool IsOpen => Status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed);

    /// <summary>The summary as a row of a list; a cut never splits a character of two UTF-16 units (an emoji).</summary>
    public ComplaintSummary AsRow() => this with
    {
        Text = Text.Length > PreviewLength ? Text[..(char.IsHighSurrogate(Text[PreviewLength - 1]) ? PreviewLength - 1 : PreviewLength)] : Text,
        TextTruncated = Text.Length > PreviewLength,
        TriageReasons = [],
    };

    /// <summary>The summary of a created complaint's state.</summary>
    public static ComplaintSummary Of(Guid id, ComplaintState state)
    {
        var origin = state.Origin!;
        var paused = state.Status == ComplaintStatus.WaitingForCustomer;
        var pendingNext = state.Clock(SlaClockKind.NextResponse) is { IsRunning: true } next ? next : null;
        var upcoming = state.Clocks.Where(clock => clock is { IsRunning: true, DueAt: not null }).MinBy(clock => clock.DueAt);
        return new ComplaintSummary(
            id,
            origin.Channel,
            origin.ExternalId,
            origin.Customer.Id,
            origin.Customer.Name,
            origin.Text,
            origin.Public,
            origin.Url,
            state.Priority,
            state.PriorityReasons,
            state.Language,
            state.Topic,
            state.Status,
            state.Assignee,
            origin.Team,
            state.CreatedAt,
            state.ReceivedAt,
            paused ? null : state.Clock(SlaClockKind.FirstResponse)?.DueAt,
            paused ? null : pendingNext?.DueAt,
            paused ? null : state.Clock(SlaClockKind.Resolution)?.DueAt,
            paused,
            state.EscalationLevel,
            state.EscalationLevel > 0 && state.Clocks.TrueForAll(c => c.EscalatedAt is null || c.Acknowledged),
            origin.InReplyTo,
            upcoming?.DueAt,
            upcoming?.Kind,
            upcoming is { WarningSent: false } ? upcoming.WarningDueAt : null,
            state.TriageEvidence,
            origin.Attachments ?? [],
            state.Terms?.Name ?? SlaPolicySet.DefaultName);
    }
}
