namespace Escalation.Grains;

/// <summary>Tunables of the grains, bound from the <c>Escalation</c> configuration section.</summary>
public sealed class EscalationOptions
{
    public const string SectionName = "Escalation";

    /// <summary>A resolved complaint closes on its own after this quiet period.</summary>
    public TimeSpan AutoCloseAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Period of the reminders that bring back what must stay active: each deadline shard (after its silo died or the
    /// cluster restarted), and an improvement whose deadline passed while it was not active.
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long before an improvement's deadline its reminder wakes a grain whose activation was let go, so that its
    /// precise timer fires on time.
    /// </summary>
    public TimeSpan WakeBefore { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How many deadline shards wake complaints (<c>IDeadlineShardGrain</c>); complaints are spread over them by id.
    /// Fixed for the life of a database: the index keeps each complaint's shard.
    /// </summary>
    public int DeadlineShards { get; set; } = 8;

    /// <summary>How often a deadline shard reads the wake-ups due soon from the index.</summary>
    public TimeSpan WakePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How far ahead a shard reads, so that it holds each wake-up before its instant and fires it on time.</summary>
    public TimeSpan WakeLookahead { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How many complaints a shard wakes at once.</summary>
    public int WakeConcurrency { get; set; } = 512;

    /// <summary>How soon a wake-up whose complaint could not be woken (its storage unavailable) is tried again.</summary>
    public TimeSpan WakeRetry { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// An idle complaint activation is collected after this (a new one drops its activation at once, once stored, and so
    /// does one its deadline shard woke, unless its next wake-up is due within a second): an open complaint then costs
    /// its stored state and its index row; its deadline shard wakes it when something falls due.
    /// </summary>
    public TimeSpan IdleComplaintLifetime { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// How many grain locations each silo caches (Orleans' <c>GrainDirectoryOptions.CacheSize</c>, a million by default). A
    /// cached location saves a directory lookup while its grain is active; of a million open complaints nearly all are
    /// idle, and a cached location costs some 230 bytes and three objects the background collections mark. 20,000
    /// holds the long-lived grains (teams, event channels, deadline shards) and the most recently used of the rest.
    /// </summary>
    public int DirectoryCacheSize { get; set; } = 20_000;

    /// <summary>The window in which repeat complaints count as persistent dissatisfaction.</summary>
    public TimeSpan PersistentDissatisfactionWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How many complaints within the window make a customer persistently dissatisfied.</summary>
    public int PersistentDissatisfactionComplaints { get; set; } = 3;

    /// <summary>An event subscriber that does not renew within this time is dropped.</summary>
    public TimeSpan SubscriptionLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long recent events are kept to replay to a subscriber that missed them.</summary>
    public TimeSpan EventReplayWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How many responses a silo delivers to one channel's outbound address per second at most (a burst waits its turn,
    /// so that it does not flood the connector); a cluster of n silos delivers at most n times as many.
    /// </summary>
    public int OutboundPerSecond { get; set; } = 20;

    /// <summary>How long a response's delivery is tried before it fails (the contract's 24 hours; tests shorten it).</summary>
    public TimeSpan OutboundGiveUpAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long personal data outlives its purpose (<c>Escalation:Retention</c>).</summary>
    public RetentionOptions Retention { get; set; } = new();
}

public sealed class RetentionOptions
{
    /// <summary>
    /// When set, the texts and the customer's name of a complaint closed this long ago are erased (at that instant, by
    /// the complaint's own wake-up, never by a scan); null (the default) keeps them.
    /// </summary>
    public TimeSpan? ClosedComplaintText { get; set; }
}
