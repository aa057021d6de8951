using Escalation.Escalations;

namespace Escalation.Teams;

/// <summary>Whom a new complaint goes to (null: the team queue) and the team's escalation chain it keeps (null: the default).</summary>
[GenerateSerializer, Immutable]
public sealed record NewAssignment([property: Id(0)] string? Agent, [property: Id(1)] EscalationChain? Chain);
