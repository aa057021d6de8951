namespace Escalation.Improvements;

/// <summary>
/// One improvement (key: its id). Past its deadline while still planned or in progress it escalates, once, to the
/// owner's team supervisors (managers for an owner without a team) through the same timer and reminder as
/// complaint deadlines.
/// </summary>
public interface IImprovementGrain : IGrainWithGuidKey
{
    ValueTask<Improvement> Create(ImprovementDraft draft);

    /// <summary>Null when no improvement was created under this id.</summary>
    ValueTask<Improvement?> GetImprovement();

    ValueTask<Improvement> Update(ImprovementStatus? status, string? outcome);
}

/// <summary>The ids of every improvement, newest last (key 0).</summary>
public interface IImprovementLogGrain : IGrainWithIntegerKey
{
    ValueTask Add(Guid id);

    ValueTask<IReadOnlyList<Guid>> GetIds();
}
