namespace OcopFairs.Server.Tests.Infrastructure;

/// <summary>Two server processes on one fresh database forming one Orleans cluster; node A seeds the demo data.</summary>
public sealed class TwoNodes : IAsyncDisposable
{
    private TwoNodes(TestDatabase db, ServerProcess a, ServerProcess b)
    {
        Database = db;
        A = a;
        B = b;
    }

    public TestDatabase Database { get; }

    public ServerProcess A { get; }

    public ServerProcess B { get; }

    /// <summary>Starts node A, then node B once A is ready, as <c>scripts/cluster.sh</c> does.</summary>
    public static async Task<TwoNodes> StartAsync(string clusterName)
    {
        var db = await TestDatabase.CreateAsync();
        var clusterId = clusterName + "-" + db.Name;
        var nodes = new TwoNodes(db, new ServerProcess(db.ConnectionString, clusterId, seedDemo: true), new ServerProcess(db.ConnectionString, clusterId));
        try
        {
            await nodes.A.StartAsync();
            await nodes.B.StartAsync();
            return nodes;
        }
        catch
        {
            await nodes.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Database.DisposeAsync();
    }
}
