namespace Escalation.Improvements;

/// <summary>An improvement went past its deadline while open; pushed to consoles as <c>improvementOverdue</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record ImprovementEvent([property: Id(0)] DateTimeOffset At, [property: Id(1)] Improvement Improvement);
