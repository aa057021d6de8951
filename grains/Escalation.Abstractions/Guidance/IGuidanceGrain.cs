using Escalation.Triage;
using Orleans.Concurrency;

namespace Escalation.Guidance;

/// <summary>A rule of the playbook that a draft answer breaks (deflection, redirect, noApology, noNextStep).</summary>
[GenerateSerializer, Immutable]
public sealed record DraftFlag([property: Id(0)] string Rule, [property: Id(1)] string Message);

/// <summary>A good answer to start from, for a topic and language.</summary>
[GenerateSerializer, Immutable]
public sealed record DraftTemplate([property: Id(0)] Topic Topic, [property: Id(1)] string Language, [property: Id(2)] string Text);

[GenerateSerializer, Immutable]
public sealed record DraftCheck([property: Id(0)] IReadOnlyList<DraftFlag> Flags, [property: Id(1)] IReadOnlyList<DraftTemplate> Templates);

/// <summary>Response guidance, where the triage rules live (any key; stateless, one per silo and core).</summary>
public interface IGuidanceGrain : IGrainWithIntegerKey
{
    /// <summary>What the draft does against the playbook, and templates for the topic (all of them when null).</summary>
    [ReadOnly]
    ValueTask<DraftCheck> Check(string draft, Topic? topic);
}
