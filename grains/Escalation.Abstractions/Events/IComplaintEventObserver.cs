namespace Escalation.Events;

/// <summary>Receives complaint events; the api implements it and forwards them to SignalR.</summary>
public interface IComplaintEventObserver : IGrainObserver
{
    /// <summary>Events of one channel, in order.</summary>
    void OnComplaintEvents(IReadOnlyList<ComplaintEvent> events);

    void OnImprovementOverdue(Improvements.ImprovementEvent improvementEvent);
}
