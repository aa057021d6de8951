namespace Escalation.Grains.Connectors;

[GenerateSerializer]
public sealed class ConnectorMessageState
{
    [Id(0)] public Guid? ComplaintId { get; set; }
    [Id(1)] public bool Appended { get; set; }
}
