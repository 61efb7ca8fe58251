using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace OcopFairs.Server.Database;

/// <summary>
/// Applies the embedded, versioned SQL migrations (<c>Database/Migrations/NNNN_name.sql</c>) in order, each in its own
/// transaction, and records them in <c>public.ocop_schema_migrations</c>. A session-level advisory lock makes nodes that
/// start together take turns: the second finds the work done.
/// </summary>
public static partial class Migrator
{
    /// <summary>Arbitrary but fixed: "OCOP" in ASCII.</summary>
    public const long LockKey = 0x4F434F50;

    public sealed record Migration(int Version, string Name, string Sql);

    public static IReadOnlyList<Migration> Embedded()
    {
        var assembly = typeof(Migrator).Assembly;
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = FileName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration(int.Parse(match.Groups["v"].Value), match.Groups["name"].Value, reader.ReadToEnd()));
        }

        var duplicate = list.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations have version {duplicate.Key}.");
        }

        return [.. list.OrderBy(m => m.Version)];
    }

    /// <summary>
    /// Applies what is missing, up to <paramref name="upTo"/> when given (tests of a migration's data move start below
    /// it); returns the versions applied by this call.
    /// </summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(string connectionString, ILogger logger, CancellationToken ct = default, int upTo = int.MaxValue)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            lockCmd.Parameters.AddWithValue("key", LockKey);
            await lockCmd.ExecuteNonQueryAsync(ct);
        }

        try
        {
            await using (var create = new NpgsqlCommand(
                """
                CREATE TABLE IF NOT EXISTS public.ocop_schema_migrations (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, connection))
            {
                await create.ExecuteNonQueryAsync(ct);
            }

            var applied = new HashSet<int>();
            await using (var read = new NpgsqlCommand("SELECT version FROM public.ocop_schema_migrations", connection))
            await using (var reader = await read.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            var done = new List<int>();
            foreach (var migration in Embedded().Where(m => !applied.Contains(m.Version) && m.Version <= upTo))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await using (var cmd = new NpgsqlCommand(migration.Sql, connection, tx))
                {
                    await cmd.ExecuteNonQueryAsync(ct);
                }

                await using (var record = new NpgsqlCommand(
                    "INSERT INTO public.ocop_schema_migrations (version, name) VALUES (@v, @n)", connection, tx))
                {
                    record.Parameters.AddWithValue("v", migration.Version);
                    record.Parameters.AddWithValue("n", migration.Name);
                    await record.ExecuteNonQueryAsync(ct);
                }

                await tx.CommitAsync(ct);
                LogApplied(logger, migration.Version, migration.Name);
                done.Add(migration.Version);
            }

            return done;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", LockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    [GeneratedRegex(@"Migrations\.(?<v>\d{4})_(?<name>[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex FileName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} {Name}")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
