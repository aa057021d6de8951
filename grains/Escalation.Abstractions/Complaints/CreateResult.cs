namespace Escalation.Complaints;

/// <summary>The complaint after a create; <see cref="Duplicate"/> when it already existed.</summary>
[GenerateSerializer, Immutable]
public sealed record CreateResult([property: Id(0)] ComplaintSummary Complaint, [property: Id(1)] bool Duplicate);
