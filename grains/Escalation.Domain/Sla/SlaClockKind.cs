namespace Escalation.Sla;

/// <summary>Which promise a deadline belongs to; also the <c>reason</c> of warnings and escalations.</summary>
public enum SlaClockKind
{
    FirstResponse,
    NextResponse,
    Resolution,
}
