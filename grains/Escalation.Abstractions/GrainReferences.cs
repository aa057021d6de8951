namespace Escalation;

/// <summary>
/// Grain references for the calls made once per complaint (ingestion, assignment, waking a complaint due). Orleans'
/// <c>GetGrain&lt;T&gt;(key)</c> works out the interface's grain type anew on every call: it reads the interface's
/// attributes and formats its type name (Orleans 10 keeps no cache), 2.8 % of the silo's processor time at ingestion. Here
/// that is done once per interface, from the first reference made the usual way; the same ids and interface types come
/// out. What is learned holds for the life of the process: an interface that gained a second grain class would need a
/// restart of the processes (a new build of the grains means one anyway).
/// </summary>
public static class GrainReferences
{
    public static T Grain<T>(this IGrainFactory grains, Guid key) where T : IGrainWithGuidKey =>
        Types<T>.Known is { } known ? Made<T>(grains, known, GrainIdKeyExtensions.CreateGuidKey(key)) : Learned(grains.GetGrain<T>(key));

    public static T Grain<T>(this IGrainFactory grains, string key) where T : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return Types<T>.Known is { } known ? Made<T>(grains, known, IdSpan.Create(key)) : Learned(grains.GetGrain<T>(key));
    }

    private static T Made<T>(IGrainFactory grains, GrainTypes known, IdSpan key) =>
        (T)grains.GetGrain(GrainId.Create(known.Grain, key), known.Interface);

    private static T Learned<T>(T reference) where T : IAddressable
    {
        Types<T>.Known = new GrainTypes(reference.GetGrainId().Type, ((GrainReference)(object)reference).InterfaceType);
        return reference;
    }

    private sealed record GrainTypes(GrainType Grain, GrainInterfaceType Interface);

    // Written whole (a reference), so a reader sees either nothing yet or both types.
    private static class Types<T>
    {
        public static GrainTypes? Known;
    }
}
