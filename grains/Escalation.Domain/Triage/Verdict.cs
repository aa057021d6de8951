namespace Escalation.Triage;

/// <summary>A triage decision and the words or features that decided it.</summary>
public sealed record Verdict<T>(T Value, IReadOnlyList<string> Evidence);
