namespace OcopFairs.Grains;

public static class StorageNames
{
    /// <summary>The grain storage provider every persisted grain uses (ADO.NET on PostgreSQL in the server).</summary>
    public const string Default = "ocop";
}
