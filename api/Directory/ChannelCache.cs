// The connector channels as this api instance caches them (every connector request reads one), dropped whenever a
// channel changes: the directory answers a PUT of a channel only after every api instance dropped its copy.
global using ChannelCache = Escalation.Caching.GrainCache<Escalation.Directory.IDirectoryGrain,
    System.Collections.Generic.IReadOnlyDictionary<string, Escalation.Directory.ChannelRecord>>;
