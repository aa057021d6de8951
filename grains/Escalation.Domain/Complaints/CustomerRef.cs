namespace Escalation.Complaints;

/// <summary>
/// Who complained: <see cref="Id"/> is global across channels (e.g. <c>fb:9876</c>); <see cref="Email"/> and
/// <see cref="Phone"/>, when a connector knows them, are kept normalised (<see cref="Contacts"/>) so that ids sharing one
/// can be suggested for a merge.
/// </summary>
public sealed record CustomerRef(string Id, string? Name, string? Email = null, string? Phone = null);
