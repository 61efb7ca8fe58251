namespace OcopFairs.Server.Tests.Infrastructure;

/// <summary>One real server with demo data on a fresh database, shared by the tests of a collection.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private TestDatabase? _db;

    public ServerProcess Server { get; private set; } = null!;

    public TestDatabase Database => _db!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        Server = new ServerProcess(_db.ConnectionString, "api-" + _db.Name, seedDemo: true);
        await Server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    public HttpClient Client() => Server.CreateClient();

    public async Task<HttpClient> OrganiserAsync()
    {
        var http = Client();
        return http.As(await Api.LoginAsync(http, "organiser@demo.ocop"));
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
