namespace Escalation.Complaints;

/// <summary>Who complained: <see cref="Id"/> is global across channels (e.g. <c>fb:9876</c>).</summary>
public sealed record CustomerRef(string Id, string? Name);
