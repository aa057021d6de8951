using Escalation.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Escalation.Tests.Hosting;

/// <summary>A silo given a setting it cannot work with refuses to start, naming the setting, before it joins a cluster.</summary>
public sealed class SiloOptionsTests
{
    [Theory]
    [InlineData("IdleComplaintLifetime", "00:00:30", "Escalation:IdleComplaintLifetime must be more than one minute")]
    [InlineData("IdleComplaintLifetime", "00:01:00", "Escalation:IdleComplaintLifetime must be more than one minute")]
    [InlineData("Retention:ClosedComplaintText", "-1.00:00:00", "Escalation:Retention:ClosedComplaintText must be a positive time span")]
    [InlineData("OutboundPerSecond", "0", "Escalation:OutboundPerSecond a positive number")]
    public async Task A_silo_with_a_setting_out_of_range_refuses_to_start_and_names_it(string key, string value, string message)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new($"{EscalationOptions.SectionName}:{key}", value)]);
        builder.UseOrleans(silo => silo.UseLocalhostClustering().AddEscalationGrains(builder.Configuration));
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }
}
