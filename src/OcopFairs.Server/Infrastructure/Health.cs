using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace OcopFairs.Server.Infrastructure;

public sealed class PostgresHealthCheck(NpgsqlDataSource db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var cmd = db.CreateCommand("SELECT 1");
            await cmd.ExecuteScalarAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException ex)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not reachable.", ex);
        }
    }
}

/// <summary>Ready when this node's silo is an active cluster member and its hub is registered for cross-node push.</summary>
public sealed class SiloHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo, Live.HubRegistrationService hub) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active && hub.Registered
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Silo is {status}; hub registered: {hub.Registered}."));
    }
}

/// <summary>Ready when this node holds the product search rows (and listens for changes to them).</summary>
public sealed class SearchIndexHealthCheck(Producers.ProductSearchIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(index.Loaded ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The product search index is not loaded yet."));
}

/// <summary>Runs the migrations before anything else starts: Orleans needs its tables when the silo joins.</summary>
public sealed class MigrationService(IConfiguration configuration, ILogger<MigrationService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken ct) => Database.Migrator.MigrateAsync(ConnectionStrings.Get(configuration), logger, ct);

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
