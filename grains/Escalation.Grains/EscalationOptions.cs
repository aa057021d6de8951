namespace Escalation.Grains;

/// <summary>Tunables of the grains, bound from the <c>Escalation</c> configuration section.</summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Escalation";

    /// <summary>A resolved complaint closes on its own after this quiet period.</summary>
    public TimeSpan AutoCloseAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Period of the reminder that backs up each pending deadline: if the timer was lost with its activation, the
    /// reminder fires at the deadline and, should that tick be lost too, again every period.
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long before an alert the reminder wakes a grain whose activation was let go, so that its precise timer
    /// fires the alert. Idle complaints are let go after <see cref="IdleComplaintLifetime"/>.
    /// </summary>
    public TimeSpan WakeBefore { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// An idle complaint (or connector message) activation is collected after this: an open complaint then costs
    /// memory only in storage and the reminder table until its next alert nears.
    /// </summary>
    public TimeSpan IdleComplaintLifetime { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The window in which repeat complaints count as persistent dissatisfaction.</summary>
    public TimeSpan PersistentDissatisfactionWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How many complaints within the window make a customer persistently dissatisfied.</summary>
    public int PersistentDissatisfactionComplaints { get; set; } = 3;

    /// <summary>An event subscriber that does not renew within this time is dropped.</summary>
    public TimeSpan SubscriptionLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long recent events are kept to replay to a subscriber that missed them.</summary>
    public TimeSpan EventReplayWindow { get; set; } = TimeSpan.FromMinutes(2);
}
