namespace OcopFairs.Server.Tests.Infrastructure;

/// <summary>
/// Two server processes on one fresh database forming one Orleans cluster, shared by the tests of a class: node A
/// seeds the demo data, node B starts once A is ready, as <c>scripts/cluster.sh</c> does.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private TestDatabase? _db;

    public ServerProcess A { get; private set; } = null!;

    public ServerProcess B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        var clusterId = "cluster-" + _db.Name;
        A = new ServerProcess(_db.ConnectionString, clusterId, seedDemo: true);
        B = new ServerProcess(_db.ConnectionString, clusterId);
        await A.StartAsync();
        await B.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (B is not null)
        {
            await B.DisposeAsync();
        }

        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }
}
