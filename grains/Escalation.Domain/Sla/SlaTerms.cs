using Escalation.Escalations;

namespace Escalation.Sla;

/// <summary>
/// The policy, calendar and escalation chain a complaint keeps for its whole life: those in force when it was received.
/// <see cref="Name"/> is the policy set it came from (<see cref="SlaPolicySet.DefaultName"/> when none matched); a null
/// <see cref="Chain"/> is the default chain.
/// </summary>
public sealed record SlaTerms(SlaPolicy Policy, BusinessCalendar Calendar, string Name = SlaPolicySet.DefaultName, EscalationChain? Chain = null)
{
    public EscalationChain Escalation => Chain ?? EscalationChain.Default;
}
