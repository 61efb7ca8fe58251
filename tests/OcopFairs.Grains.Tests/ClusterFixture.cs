using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace OcopFairs.Grains.Tests;

/// <summary>One in-memory silo shared by every test of <see cref="ClusterCollection"/>; tests use fresh grain keys.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 1)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.Client;

    private static InMemoryFloorStore Store { get; } = new(new FloorWriteGates());

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        // The silo registers TimeProvider.System itself, which FairGrain, HubDirectoryGrain and PushGrain take.
        // The PostgreSQL projections are replaced by an in-memory one; the server tests cover the real ones.
        public void Configure(ISiloBuilder silo) => silo
            .AddMemoryGrainStorage(StorageNames.Default)
            .ConfigureServices(services =>
            {
                services.AddSingleton<ICatalogIndex>(InMemoryProjections.Instance);
                services.AddSingleton<IApplicationEvents>(InMemoryProjections.Instance);
                services.AddSingleton<IBoothEvents>(InMemoryProjections.Instance);
                services.AddSingleton<IFloorStore>(Store);
                services.AddSingleton<IDealStore>(InMemoryDeals.Instance);
                services.AddSingleton<IDealEvents>(InMemoryDeals.Instance);
            });
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}
