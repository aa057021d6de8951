namespace Escalation.Complaints;

/// <summary>No complaint was ever created under this id (the api answers 404).</summary>
[GenerateSerializer]
public sealed class ComplaintNotFoundException : Exception
{
    public ComplaintNotFoundException(Guid id)
        : base($"Complaint {id} does not exist.")
    {
    }
}
