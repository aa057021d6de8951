using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Reminders;
using Orleans.TestingHost;

namespace Escalation.Tests.Shared;

/// <summary>Compiled into each test project: puts a silo's grain timers and reminders on a fake clock.</summary>
internal static class FakeClockSiloExtensions
{
    /// <summary>
    /// Grain timers, <c>IGrainRuntime.TimeProvider</c> and reminders follow <paramref name="clock"/>; the silo's own
    /// background loops (membership, messaging, activation collection) keep real time.
    /// </summary>
    public static ISiloBuilder UseFakeClock(this ISiloBuilder silo, FakeTimeProvider clock)
    {
        silo.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        silo.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, clock);
        silo.Configure<ReminderOptions>(options =>
        {
            options.MinimumReminderPeriod = TimeSpan.FromSeconds(1);

            // Reminders due further off than the window are loaded by a periodic refresh; on the fake clock that
            // refresh would race the test's own advancing, so every reminder is loaded at once.
            options.ReminderLoadingWindow = TimeSpan.FromDays(365);
        });
        return silo;
    }
}
