namespace Escalation.Teams;

[GenerateSerializer, Immutable]
public sealed record AgentLoad(
    [property: Id(0)] string Username,
    [property: Id(1)] TeamRole Role,
    [property: Id(2)] bool Online,
    [property: Id(3)] int OpenComplaints,
    [property: Id(4)] int? Capacity = null);
