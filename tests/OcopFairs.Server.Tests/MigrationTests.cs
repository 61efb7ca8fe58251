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
    public async Task A_floor_plan_kept_as_grain_state_moves_into_the_floor_store_with_its_rules()
    {
        await using var db = await TestDatabase.CreateAsync();
        var move = Migrator.Embedded().Single(m => m.Name == "floor_plan_in_store").Version;
        await Migrator.MigrateAsync(db.ConnectionString, NullLogger.Instance, upTo: move - 1);
        const string state = """
            {"format":1,"state":{"plan":{"zones":[{"code":"A","name":"Thực phẩm","groups":["Food"]}],
            "booths":[{"code":"A01","zone":"A","type":"Corner","areaM2":9,"priceVnd":2500000,"x":1,"y":2,"w":3,"h":3,"amenities":["power"]}]},
            "rules":{"status":"Published","boothsPerProducer":2,"holdMinutes":30,"allocationMode":"FirstCome"}}}
            """;
        await db.ScalarAsync<int>($"""
            INSERT INTO orleans_grain_state (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, service_id, grain_type, grain_id_ext, payload, version)
            VALUES (1, 2, 0, 0, 'ocopfairs', 'floorPlan', 'fair-moved', convert_to('{state}', 'UTF8'), 3),
                   (1, 3, 0, 0, 'ocopfairs', 'floorLive', 'fair-moved', convert_to('{"{"}"format":1,"state":{"{"}{"}"}{"}"}', 'UTF8'), 1)
            RETURNING 0
            """);

        await Migrator.MigrateAsync(db.ConnectionString, NullLogger.Instance);

        Assert.Equal("A01", await db.ScalarAsync<string>("SELECT plan -> 'booths' -> 0 ->> 'code' FROM app.floors WHERE fair_id = 'fair-moved'"));
        Assert.Equal("Published", await db.ScalarAsync<string>("SELECT rules ->> 'status' FROM app.floors WHERE fair_id = 'fair-moved'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT version FROM app.floors WHERE fair_id = 'fair-moved'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM orleans_grain_state WHERE grain_type IN ('floorPlan', 'floorLive')"));
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
