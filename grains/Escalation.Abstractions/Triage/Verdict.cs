namespace Escalation.Triage;

/// <summary>A triage decision and the words or features that decided it.</summary>
[GenerateSerializer, Immutable]
public sealed record Verdict<T>([property: Id(0)] T Value, [property: Id(1)] IReadOnlyList<string> Evidence);
