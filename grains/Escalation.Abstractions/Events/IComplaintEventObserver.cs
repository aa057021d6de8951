namespace Escalation.Events;

/// <summary>Receives complaint events; the api implements it and forwards them to SignalR.</summary>
public interface IComplaintEventObserver : IGrainObserver
{
    void OnComplaintEvent(ComplaintEvent complaintEvent);

    void OnImprovementOverdue(Improvements.ImprovementEvent improvementEvent);
}
