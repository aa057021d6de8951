namespace Escalation.Sla;

/// <summary>The policy and calendar a complaint keeps for its whole life: those in force when it was received.</summary>
[GenerateSerializer, Immutable]
public sealed record SlaTerms([property: Id(0)] SlaPolicy Policy, [property: Id(1)] BusinessCalendar Calendar);
