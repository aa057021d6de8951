using Escalation.Grains.Index;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Escalation.Grains.Storage;

public static class StorageExtensions
{
    /// <summary>The complaint projection every storage keeps the index with; its shard count comes from the options.</summary>
    public static IServiceCollection AddComplaintProjection(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => new ComplaintProjection(provider.GetRequiredService<IOptions<EscalationOptions>>().Value.DeadlineShards));
        return services;
    }

    /// <summary>Grain state and the complaint index in this silo's memory (the embedded default: one silo).</summary>
    public static ISiloBuilder AddEmbeddedStorage(this ISiloBuilder silo)
    {
        silo.Services.AddComplaintProjection();
        silo.Services.AddSingleton<InMemoryComplaintIndex>();
        silo.Services.AddSingleton<IComplaintIndex>(provider => provider.GetRequiredService<InMemoryComplaintIndex>());
        silo.Services.AddGrainStorage(StorageNames.Escalation, (provider, _) => ActivatorUtilities.CreateInstance<EmbeddedGrainStorage>(provider));
        return silo;
    }
}
