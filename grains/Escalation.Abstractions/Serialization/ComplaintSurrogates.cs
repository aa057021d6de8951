using Escalation.Analytics;
using Escalation.Complaints;
using Escalation.Sla;
using Escalation.Triage;

namespace Escalation.Serialization;

// Surrogates for the domain's complaint records that cross the wire (see SlaSurrogates.cs).

[GenerateSerializer, Immutable]
public readonly record struct CustomerRefSurrogate(string Id, string? Name, string? Email, string? Phone);

[RegisterConverter]
public sealed class CustomerRefConverter : IConverter<CustomerRef, CustomerRefSurrogate>
{
    public CustomerRef ConvertFromSurrogate(in CustomerRefSurrogate surrogate) => new(surrogate.Id, surrogate.Name, surrogate.Email, surrogate.Phone);

    public CustomerRefSurrogate ConvertToSurrogate(in CustomerRef value) => new(value.Id, value.Name, value.Email, value.Phone);
}

[GenerateSerializer, Immutable]
public readonly record struct NewComplaintSurrogate(
    string Channel, string ExternalId, CustomerRef Customer, string Text, bool Public, string Team, string? Url,
    DateTimeOffset? CreatedAt, string? Language, Priority? Priority, string? InReplyTo, IReadOnlyList<Attachment>? Attachments);

[RegisterConverter]
public sealed class NewComplaintConverter : IConverter<NewComplaint, NewComplaintSurrogate>
{
    public NewComplaint ConvertFromSurrogate(in NewComplaintSurrogate s) =>
        new(s.Channel, s.ExternalId, s.Customer, s.Text, s.Public, s.Team, s.Url, s.CreatedAt, s.Language, s.Priority, s.InReplyTo, s.Attachments);

    public NewComplaintSurrogate ConvertToSurrogate(in NewComplaint v) =>
        new(v.Channel, v.ExternalId, v.Customer, v.Text, v.Public, v.Team, v.Url, v.CreatedAt, v.Language, v.Priority, v.InReplyTo, v.Attachments);
}

[GenerateSerializer, Immutable]
public readonly record struct CustomerMessageSurrogate(string ExternalId, string Text, DateTimeOffset? CreatedAt);

[RegisterConverter]
public sealed class CustomerMessageConverter : IConverter<CustomerMessage, CustomerMessageSurrogate>
{
    public CustomerMessage ConvertFromSurrogate(in CustomerMessageSurrogate surrogate) => new(surrogate.ExternalId, surrogate.Text, surrogate.CreatedAt);

    public CustomerMessageSurrogate ConvertToSurrogate(in CustomerMessage value) => new(value.ExternalId, value.Text, value.CreatedAt);
}

[GenerateSerializer, Immutable]
public readonly record struct CustomerStandingSurrogate(int ComplaintsInWindow, bool PersistentDissatisfaction, string Key);

[RegisterConverter]
public sealed class CustomerStandingConverter : IConverter<CustomerStanding, CustomerStandingSurrogate>
{
    public CustomerStanding ConvertFromSurrogate(in CustomerStandingSurrogate surrogate) => new(surrogate.ComplaintsInWindow, surrogate.PersistentDissatisfaction, surrogate.Key);

    public CustomerStandingSurrogate ConvertToSurrogate(in CustomerStanding value) => new(value.ComplaintsInWindow, value.PersistentDissatisfaction, value.Key);
}

[GenerateSerializer, Immutable]
public readonly record struct TimelineEntrySurrogate(
    DateTimeOffset At, TimelineType Type, string Actor, string? Text, bool? Public, string? Agent, int? Level, SlaClockKind? Reason,
    DateTimeOffset? DueAt, IReadOnlyList<string>? NotifiedUsers, string? ExternalId, Guid? DeliveryId, DeliveryState? Delivery, string? Url,
    AssignmentCause? Cause);

[RegisterConverter]
public sealed class TimelineEntryConverter : IConverter<TimelineEntry, TimelineEntrySurrogate>
{
    public TimelineEntry ConvertFromSurrogate(in TimelineEntrySurrogate s) =>
        new(s.At, s.Type, s.Actor, s.Text, s.Public, s.Agent, s.Level, s.Reason, s.DueAt, s.NotifiedUsers, s.ExternalId, s.DeliveryId, s.Delivery, s.Url, s.Cause);

    public TimelineEntrySurrogate ConvertToSurrogate(in TimelineEntry v) =>
        new(v.At, v.Type, v.Actor, v.Text, v.Public, v.Agent, v.Level, v.Reason, v.DueAt, v.NotifiedUsers, v.ExternalId, v.DeliveryId, v.Delivery, v.Url, v.Cause);
}

[GenerateSerializer, Immutable]
public readonly record struct ComplaintFactSurrogate(
    FactKind Kind, DateTimeOffset At, Guid ComplaintId, Topic? Topic, bool? Public, string? PersistentCustomer, double? Seconds,
    SlaClockKind? Reason, bool? Met, int? Level, string? Assignee, string? Channel, Priority? Priority, DateTimeOffset? DueAt, string? Team);

[RegisterConverter]
public sealed class ComplaintFactConverter : IConverter<ComplaintFact, ComplaintFactSurrogate>
{
    public ComplaintFact ConvertFromSurrogate(in ComplaintFactSurrogate s) =>
        new(s.Kind, s.At, s.ComplaintId, s.Topic, s.Public, s.PersistentCustomer, s.Seconds, s.Reason, s.Met, s.Level, s.Assignee, s.Channel, s.Priority, s.DueAt, s.Team);

    public ComplaintFactSurrogate ConvertToSurrogate(in ComplaintFact v) =>
        new(v.Kind, v.At, v.ComplaintId, v.Topic, v.Public, v.PersistentCustomer, v.Seconds, v.Reason, v.Met, v.Level, v.Assignee, v.Channel, v.Priority, v.DueAt, v.Team);
}

[GenerateSerializer, Immutable]
public readonly record struct ComplaintThreadSurrogate(Guid ComplaintId, string CustomerId);

[RegisterConverter]
public sealed class ComplaintThreadConverter : IConverter<ComplaintThread, ComplaintThreadSurrogate>
{
    public ComplaintThread ConvertFromSurrogate(in ComplaintThreadSurrogate surrogate) => new(surrogate.ComplaintId, surrogate.CustomerId);

    public ComplaintThreadSurrogate ConvertToSurrogate(in ComplaintThread value) => new(value.ComplaintId, value.CustomerId);
}

[GenerateSerializer, Immutable]
public readonly record struct TransitionNotAllowedSurrogate(string Message);

/// <summary>The domain's refusal of a transition reaches the caller as itself, with its reason (the api answers 409).</summary>
[RegisterConverter]
public sealed class TransitionNotAllowedConverter : IConverter<TransitionNotAllowedException, TransitionNotAllowedSurrogate>
{
    public TransitionNotAllowedException ConvertFromSurrogate(in TransitionNotAllowedSurrogate surrogate) => new(surrogate.Message);

    public TransitionNotAllowedSurrogate ConvertToSurrogate(in TransitionNotAllowedException value) => new(value.Message);
}

[GenerateSerializer, Immutable]
public readonly record struct PendingDeliverySurrogate(
    Guid DeliveryId, string Text, bool Public, string Author, DateTimeOffset At, string InReplyTo, DateTimeOffset Since, int Attempts,
    DateTimeOffset NextAttemptAt, string? LastFailure);

[RegisterConverter]
public sealed class PendingDeliveryConverter : IConverter<PendingDelivery, PendingDeliverySurrogate>
{
    public PendingDelivery ConvertFromSurrogate(in PendingDeliverySurrogate s) =>
        new(s.DeliveryId, s.Text, s.Public, s.Author, s.At, s.InReplyTo, s.Since, s.Attempts, s.NextAttemptAt, s.LastFailure);

    public PendingDeliverySurrogate ConvertToSurrogate(in PendingDelivery v) =>
        new(v.DeliveryId, v.Text, v.Public, v.Author, v.At, v.InReplyTo, v.Since, v.Attempts, v.NextAttemptAt, v.LastFailure);
}

[GenerateSerializer, Immutable]
public readonly record struct DeliveryOutcomeSurrogate(Guid DeliveryId, int Attempt, bool Delivered, string? ExternalReplyId, string? Url, string? Reason);

[RegisterConverter]
public sealed class DeliveryOutcomeConverter : IConverter<DeliveryOutcome, DeliveryOutcomeSurrogate>
{
    public DeliveryOutcome ConvertFromSurrogate(in DeliveryOutcomeSurrogate s) => new(s.DeliveryId, s.Attempt, s.Delivered, s.ExternalReplyId, s.Url, s.Reason);

    public DeliveryOutcomeSurrogate ConvertToSurrogate(in DeliveryOutcome v) => new(v.DeliveryId, v.Attempt, v.Delivered, v.ExternalReplyId, v.Url, v.Reason);
}

[GenerateSerializer, Immutable]
public readonly record struct AttachmentSurrogate(string Url, string? Name, string? ContentType, long? Size);

[RegisterConverter]
public sealed class AttachmentConverter : IConverter<Attachment, AttachmentSurrogate>
{
    public Attachment ConvertFromSurrogate(in AttachmentSurrogate s) => new(s.Url, s.Name, s.ContentType, s.Size);

    public AttachmentSurrogate ConvertToSurrogate(in Attachment v) => new(v.Url, v.Name, v.ContentType, v.Size);
}
