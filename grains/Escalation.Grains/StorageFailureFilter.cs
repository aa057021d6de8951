namespace Escalation.Grains;

/// <summary>
/// Turns a database failure inside any grain call into <see cref="StorageUnavailableException"/>, a type every
/// caller knows, so that "the store is down, retry later" is told apart from a bug. Every grain such a failure
/// passes through drops its activation: what it changed in memory was not stored, so the next call starts again
/// from what was.
/// </summary>
public sealed class StorageFailureFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception exception) when (exception is StorageUnavailableException || StorageUnavailableException.CausedByDatabase(exception))
        {
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "The database is unavailable."));
            throw exception as StorageUnavailableException
                ?? new StorageUnavailableException($"The database is unavailable: {exception.GetBaseException().Message}");
        }
    }
}
