using Escalation.Directory;

namespace Escalation.Grains.Directory;

[GenerateSerializer]
public sealed class DirectoryState
{
    [Id(0)] public Dictionary<string, UserRecord> Users { get; set; } = [];
    [Id(1)] public Dictionary<string, ChannelRecord> Channels { get; set; } = [];
    [Id(2)] public string? SigningKey { get; set; }
}
