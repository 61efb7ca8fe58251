using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using OcopFairs.Server.Database;
using OcopFairs.Server.Tests.Infrastructure;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Xunit;
using OcopJsonSerializer = OcopFairs.Server.Infrastructure.JsonGrainStorageSerializer;

namespace OcopFairs.Server.Tests;

/// <summary>One blank database with our migrations applied, shared by the tests of a class (each test uses its own ids).</summary>
public sealed class MigratedOrleansDatabase : IAsyncLifetime
{
    private TestDatabase? _db;

    public TestDatabase Db => _db ?? throw new InvalidOperationException("The database is not created yet.");

    public string ConnectionString => Db.ConnectionString;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await Migrator.MigrateAsync(_db.ConnectionString, NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    /// <summary>Runs a query with parameters and returns the first column of the first row (null when no row / NULL).</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        var value1 = await cmd.ExecuteScalarAsync();
        return value1 is DBNull ? null : value1;
    }
}

/// <summary>
/// Builds the real Orleans 10.4.2 ADO.NET providers the way their DI registrations do: the public constructors with
/// <see cref="Options.Create{TOptions}"/> options, then the same start-up call the silo/client makes.
/// </summary>
public static class OrleansProviders
{
    public const string Invariant = "Npgsql";
    public const string StorageName = "Default";

    /// <summary>
    /// Mirrors <c>AdoNetGrainStorageFactory.Create</c>: constructor with the activator provider from the Orleans
    /// serializer services, then <c>Participate</c> in a real <see cref="SiloLifecycleSubject"/> and start it, which runs
    /// the provider's private Init (loads the query texts from <c>orleansquery</c>).
    /// </summary>
    public static async Task<AdoNetGrainStorage> StartGrainStorageAsync(string connectionString, string serviceId)
    {
        var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var storage = new AdoNetGrainStorage(
            services.GetRequiredService<IActivatorProvider>(),
            NullLogger<AdoNetGrainStorage>.Instance,
            Options.Create(new AdoNetGrainStorageOptions
            {
                Invariant = Invariant,
                ConnectionString = connectionString,
                GrainStorageSerializer = new OcopJsonSerializer(),
            }),
            Options.Create(new ClusterOptions { ServiceId = serviceId, ClusterId = "schema-tests" }),
            StorageName);

        var lifecycle = new SiloLifecycleSubject(NullLogger<SiloLifecycleSubject>.Instance);
        storage.Participate(lifecycle);
        await lifecycle.OnStart(CancellationToken.None);
        return storage;
    }

    /// <summary>The silo-side membership table, initialised like the membership agent does (creating the version row).</summary>
    public static async Task<AdoNetClusteringTable> StartMembershipTableAsync(string connectionString, string clusterId)
    {
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ServiceId = "schema-tests", ClusterId = clusterId }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = Invariant, ConnectionString = connectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, CancellationToken.None);
        return table;
    }

    /// <summary>The client-side gateway list provider, initialised like the gateway manager does.</summary>
    public static async Task<AdoNetGatewayListProvider> StartGatewayListProviderAsync(string connectionString, string clusterId)
    {
        var provider = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions { Invariant = Invariant, ConnectionString = connectionString }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ServiceId = "schema-tests", ClusterId = clusterId }));
        await provider.InitializeGatewayListProviderAsync(CancellationToken.None);
        return provider;
    }

    /// <summary>A fresh grain-state holder, as a grain's <c>IPersistentState</c> would pass it.</summary>
    public static GrainState<T> NewState<T>() where T : new() => new(new T());

    public static SiloAddress Silo(int port, int generation) => SiloAddress.New(IPAddress.Loopback, port, generation);

    /// <summary>Times go through text (suspect times) with millisecond precision, so test times are whole milliseconds.</summary>
    public static DateTime UtcMillis(DateTime value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    public static MembershipEntry Member(
        SiloAddress silo,
        SiloStatus status,
        int proxyPort,
        DateTime startTime,
        DateTime? iAmAliveTime = null,
        List<Tuple<SiloAddress, DateTime>>? suspectTimes = null) => new()
    {
        SiloAddress = silo,
        Status = status,
        ProxyPort = proxyPort,
        SiloName = $"silo-{silo.Endpoint.Port}-{silo.Generation}",
        HostName = "host-" + silo.Endpoint.Port,
        StartTime = startTime,
        IAmAliveTime = iAmAliveTime ?? startTime,
        SuspectTimes = suspectTimes ?? [],
    };
}
