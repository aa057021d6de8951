using Escalation.Api.Auth;
using Escalation.Directory;

namespace Escalation.Api.Directory;

/// <summary>
/// Seeds the directory once the cluster answers. The embedded default gets the demo accounts and channels of
/// the contract (password <c>ESCALATION_DEMO_PASSWORD</c>, default <c>demo</c>; channel secret
/// <c>ESCALATION_DEMO_CONNECTOR_SECRET</c>, default <c>dev-secret</c>); any other profile only the bootstrap
/// admin from <c>Escalation:Bootstrap:AdminPassword</c>. Existing entries are never overwritten. It first loads the
/// cluster's signing key when none is configured, so that a ready api can sign and check tokens.
/// </summary>
internal sealed partial class DirectorySeeder(IClusterClient cluster, SigningKey signingKey, IConfiguration configuration, ILogger<DirectorySeeder> logger)
    : BackgroundService
{
    public const string DemoTeam = "care";

    private static readonly (string Name, UserRole Role, string? Team)[] DemoUsers =
    [
        ("agent1", UserRole.Agent, DemoTeam),
        ("agent2", UserRole.Agent, DemoTeam),
        ("supervisor1", UserRole.Supervisor, DemoTeam),
        ("manager1", UserRole.Manager, null),
        ("admin", UserRole.Admin, null),
    ];

    private static readonly string[] DemoChannels = ["facebook", "x", "google-reviews", "email", "web"];

    private readonly TaskCompletionSource seeded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Completed => seeded.Task.IsCompleted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Seed();
                seeded.TrySetResult();
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogWaiting(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task Seed()
    {
        var directory = cluster.GetGrain<IDirectoryGrain>(0);
        await signingKey.Load(directory);
        if (!EscalationProfile.IsEmbeddedDefault(configuration))
        {
            if (configuration["Escalation:Bootstrap:AdminPassword"] is { Length: > 0 } adminPassword && await directory.GetUser("admin") is null)
            {
                await directory.PutUser(new UserRecord("admin", UserRole.Admin, null, PasswordHasher.Hash(adminPassword)));
                LogBootstrapAdmin(logger);
            }

            return;
        }

        var password = configuration["ESCALATION_DEMO_PASSWORD"] ?? "demo";
        foreach (var (name, role, team) in DemoUsers)
        {
            if (await directory.GetUser(name) is null)
            {
                await directory.PutUser(new UserRecord(name, role, team, PasswordHasher.Hash(password)));
            }
        }

        var secret = configuration["ESCALATION_DEMO_CONNECTOR_SECRET"] ?? "dev-secret";
        foreach (var channel in DemoChannels)
        {
            if (await directory.GetChannel(channel) is null)
            {
                await directory.PutChannel(new ChannelRecord(channel, secret, DemoTeam));
            }
        }

        LogDemoSeeded(logger);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for the cluster before seeding the directory")]
    private static partial void LogWaiting(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the bootstrap admin")]
    private static partial void LogBootstrapAdmin(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo accounts and channels of the embedded default")]
    private static partial void LogDemoSeeded(ILogger logger);
}
