using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using OcopFairs.Server.Database;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task Two_nodes_migrating_a_blank_database_together_apply_each_migration_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        var results = await Task.WhenAll(
            Migrator.MigrateAsync(db.ConnectionString, NullLogger.Instance),
            Migrator.MigrateAsync(db.ConnectionString, NullLogger.Instance));

        var all = Migrator.Embedded().Select(m => m.Version).ToList();
        Assert.Equal(all, results.SelectMany(r => r).Order());
        Assert.Equal(all.Count, await db.ScalarAsync<long>("SELECT count(*) FROM public.ocop_schema_migrations"));
        Assert.Empty(await Migrator.MigrateAsync(db.ConnectionString, NullLogger.Instance));

        foreach (var table in new[] { "public.orleansquery", "identity.\"AspNetUsers\"", "app.reminder_deliveries", "app.scheduled_jobs" })
        {
            Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) * 0 FROM {table}"));
        }

        Assert.Equal(4L, await db.ScalarAsync<long>("SELECT count(*) FROM identity.\"AspNetRoles\""));
    }

    [Fact]
    public void Migrations_are_numbered_without_gaps()
    {
        var versions = Migrator.Embedded().Select(m => m.Version).ToList();
        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
    }

    [Fact]
    public void Identity_migration_matches_the_identity_model()
    {
        // When AppDbContext changes, this fails until a migration brings the schema along.
        var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql("Host=unused").Options;
        using var context = new AppDbContext(options);
        var expected = context.Database.GenerateCreateScript();
        var migration = Migrator.Embedded().Single(m => m.Name == "identity").Sql;
        var withoutHeader = string.Join('\n', migration.Split('\n').SkipWhile(l => l.StartsWith("--", StringComparison.Ordinal)));
        Assert.Equal(Normalize(expected), Normalize(withoutHeader));
    }

    private static string Normalize(string sql) => sql.Replace("\r\n", "\n").Trim();
}
