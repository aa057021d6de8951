using Escalation.Directory;
using Escalation.Grains.Caching;

namespace Escalation.Grains.Directory;

[GenerateSerializer]
public sealed class DirectoryState
{
    [Id(0)] public Dictionary<string, UserRecord> Users { get; set; } = [];
    [Id(1)] public Dictionary<string, ChannelRecord> Channels { get; set; } = [];

    /// <summary>The caches of the channels (in every api instance), told of each change.</summary>
    [Id(2)] public List<Watcher> Watchers { get; set; } = [];

    [Id(3)] public string? SigningKey { get; set; }
}
