namespace Escalation.Complaints;

/// <summary>Who complained: <see cref="Id"/> is global across channels (e.g. <c>fb:9876</c>).</summary>
[GenerateSerializer, Immutable]
public sealed record CustomerRef([property: Id(0)] string Id, [property: Id(1)] string? Name);
