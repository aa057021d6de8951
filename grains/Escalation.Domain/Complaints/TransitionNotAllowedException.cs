namespace Escalation.Complaints;

/// <summary>The complaint's current status does not allow the action (the api answers 409).</summary>
public sealed class TransitionNotAllowedException : Exception
{
    public TransitionNotAllowedException(string message)
        : base(message)
    {
    }
}
