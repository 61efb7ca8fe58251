namespace OcopFairs.Server.Infrastructure;

public static class ConnectionStrings
{
    public const string Name = "OcopFairs";

    public static string Get(IConfiguration configuration) =>
        configuration.GetConnectionString(Name) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"Connection string '{Name}' is not set. Set ConnectionStrings__{Name} or use ./scripts/run.sh, which starts a local PostgreSQL.");
}
