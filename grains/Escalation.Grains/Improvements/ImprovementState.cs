using Escalation.Improvements;

namespace Escalation.Grains.Improvements;

[GenerateSerializer]
public sealed class ImprovementState
{
    [Id(0)] public Improvement? Improvement { get; set; }

    /// <summary>The due time the backstop reminder is registered for (null: none registered).</summary>
    [Id(1)] public DateTimeOffset? ReminderDueAt { get; set; }
}
