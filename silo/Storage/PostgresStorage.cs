using Escalation.Grains;
using Escalation.Grains.Index;
using Escalation.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime.Hosting;

namespace Escalation.Silo.Storage;

/// <summary>Bound from <c>Escalation:Storage</c>: how the durable profile's storage uses PostgreSQL.</summary>
public sealed class PostgresStorageOptions
{
    public const string SectionName = "Escalation:Storage";

    /// <summary>
    /// Connections this silo's storage opens at most (the Orleans membership and reminder providers have their own,
    /// <see cref="ProviderConnections"/>); see docs/operations.md for the sum over silos and api instances.
    /// </summary>
    public int Connections { get; set; } = 8;

    /// <summary>Connections the Orleans providers of each process open at most, unless the connection string says otherwise.</summary>
    public int ProviderConnections { get; set; } = 4;

    /// <summary>Write groups in flight at once (each one transaction).</summary>
    public int WriteConcurrency { get; set; } = 2;

    /// <summary>Read groups in flight at once.</summary>
    public int ReadConcurrency { get; set; } = 2;

    /// <summary>The most operations one group carries.</summary>
    public int MaxGroup { get; set; } = 256;

    /// <summary>The connection string for the Orleans providers: their pool bounded unless the string bounds it already.</summary>
    public string ForProviders(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var keys = connectionString.Replace(" ", "", StringComparison.Ordinal);
        if (!keys.Contains("maxpoolsize", StringComparison.OrdinalIgnoreCase) && !keys.Contains("maximumpoolsize", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = ProviderConnections;
        }

        return builder.ConnectionString;
    }
}

internal static class PostgresStorage
{
    /// <summary>Grain state and the complaint index in PostgreSQL, on a pool of <see cref="PostgresStorageOptions.Connections"/>.</summary>
    public static ISiloBuilder AddPostgresStorage(this ISiloBuilder silo, IConfiguration configuration, string connectionString)
    {
        var options = configuration.GetSection(PostgresStorageOptions.SectionName).Get<PostgresStorageOptions>() ?? new();
        silo.Services.AddSingleton(options);
        silo.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { MaxPoolSize = options.Connections } }.Build());
        silo.Services.AddComplaintProjection();
        silo.Services.AddSingleton<PostgresGrainStorage>();
        silo.Services.AddSingleton<IComplaintIndex, PostgresComplaintIndex>();
        silo.Services.AddGrainStorage(StorageNames.Escalation, (provider, _) => provider.GetRequiredService<PostgresGrainStorage>());
        return silo;
    }
}
