namespace Escalation.Sla;

/// <summary>The policy and calendar a complaint keeps for its whole life: those in force when it was received.</summary>
public sealed record SlaTerms(SlaPolicy Policy, BusinessCalendar Calendar);
