using Escalation.Nps;

namespace Escalation.Grains.Nps;

[GenerateSerializer]
public sealed class NpsState
{
    [Id(0)] public List<NpsAnswer> Answers { get; set; } = [];
}
