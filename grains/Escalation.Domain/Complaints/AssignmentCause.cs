namespace Escalation.Complaints;

/// <summary>Why the system moved a complaint from its assignee (an <c>assigned</c> timeline entry's reason).</summary>
public enum AssignmentCause
{
    /// <summary>The assignee did not answer within the chain's reassignAfter.</summary>
    NoReply,

    /// <summary>A level of the escalation chain reassigns.</summary>
    Escalation,
}
