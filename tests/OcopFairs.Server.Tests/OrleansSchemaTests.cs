using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using OcopFairs.Server.Database;
using OcopFairs.Server.Tests.Infrastructure;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Xunit;
using static OcopFairs.Server.Tests.OrleansProviders;
using OcopJsonSerializer = OcopFairs.Server.Infrastructure.JsonGrainStorageSerializer;

namespace OcopFairs.Server.Tests;

/// <summary>
/// Our own PostgreSQL schema (Database/Migrations/0001_orleans.sql, docs/ORLEANS-SCHEMA.md) driven through the real
/// Orleans 10.4.2 <see cref="AdoNetGrainStorage"/>, <c>AdoNetClusteringTable</c> and <c>AdoNetGatewayListProvider</c>,
/// so every stored query text the providers issue is executed and its result interpreted by the provider itself.
/// </summary>
public sealed class OrleansSchemaTests(MigratedOrleansDatabase database) : IClassFixture<MigratedOrleansDatabase>
{
    public sealed class FairState
    {
        public string Name { get; set; } = "";
        public int Stalls { get; set; }
        public List<string> Tags { get; set; } = [];
    }

    public sealed class OtherState
    {
        public string Note { get; set; } = "";
    }

    private static readonly CancellationToken None = CancellationToken.None;

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    // ------------------------------------------------------------------ grain storage

    [Fact]
    public async Task Grain_storage_round_trips_string_keyed_state_with_optimistic_concurrency()
    {
        var serviceId = NewId("svc");
        var storage = await StartGrainStorageAsync(database.ConnectionString, serviceId);
        var key = NewId("abc");
        var grainId = GrainId.Create("fair", key);
        const string stateName = "fair-state";

        // Read of a grain that was never written: default state, no ETag, no record.
        var missing = NewState<FairState>();
        await storage.ReadStateAsync(stateName, grainId, missing);
        Assert.Null(missing.ETag);
        Assert.False(missing.RecordExists);
        Assert.NotNull(missing.State);
        Assert.Equal("", missing.State.Name);
        Assert.Equal(0, missing.State.Stalls);

        // First write inserts version 1.
        var grain = NewState<FairState>();
        await storage.ReadStateAsync(stateName, grainId, grain);
        grain.State = new FairState { Name = "Hội chợ OCOP Hà Nội", Stalls = 42, Tags = ["mật ong", "chè"] };
        await storage.WriteStateAsync(stateName, grainId, grain);
        Assert.Equal("1", grain.ETag);
        Assert.True(grain.RecordExists);

        // The row carries the whole string key in the extension, the state name as type, and our JSON envelope.
        var row = "FROM orleans_grain_state WHERE service_id = @s AND grain_id_ext = @k AND grain_type = @t AND grain_id_n0 = 0 AND grain_id_n1 = 0";
        var p = new[] { ("s", (object)serviceId), ("k", key), ("t", stateName) };
        Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) " + row, p));
        Assert.Equal(1, await database.ScalarAsync("SELECT version " + row, p));
        var json = Encoding.UTF8.GetString((byte[])(await database.ScalarAsync("SELECT payload " + row, p))!);
        Assert.StartsWith("{\"format\":" + OcopJsonSerializer.Format + ",\"state\":{", json);
        Assert.Contains("\"name\":\"Hội chợ OCOP Hà Nội\"", json);

        // A fresh activation reads the same values and ETag.
        var reread = NewState<FairState>();
        await storage.ReadStateAsync(stateName, grainId, reread);
        Assert.Equal("1", reread.ETag);
        Assert.True(reread.RecordExists);
        Assert.NotNull(reread.State);
        Assert.Equal("Hội chợ OCOP Hà Nội", reread.State.Name);
        Assert.Equal(42, reread.State.Stalls);
        Assert.Equal(["mật ong", "chè"], reread.State.Tags);

        // Write with the current ETag bumps the version.
        reread.State.Stalls = 43;
        await storage.WriteStateAsync(stateName, grainId, reread);
        Assert.Equal("2", reread.ETag);

        // The first holder's ETag ("1") is now stale: refused, nothing changes.
        grain.State.Stalls = 99;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grainId, grain));
        Assert.Equal("1", grain.ETag);

        // A second "first write" (no ETag) for an existing row is a conflict too.
        var duplicateActivation = NewState<FairState>();
        duplicateActivation.State = new FairState { Stalls = 7 };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grainId, duplicateActivation));

        var afterConflicts = NewState<FairState>();
        await storage.ReadStateAsync(stateName, grainId, afterConflicts);
        Assert.Equal("2", afterConflicts.ETag);
        Assert.NotNull(afterConflicts.State);
        Assert.Equal(43, afterConflicts.State.Stalls);

        // Clear with a stale ETag is refused.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(stateName, grainId, grain));

        // Clear with the current ETag keeps the row (payload NULL) and bumps the version.
        await storage.ClearStateAsync(stateName, grainId, reread);
        Assert.Equal("3", reread.ETag);
        Assert.False(reread.RecordExists);
        Assert.Equal(0, reread.State.Stalls);
        Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) " + row, p));
        Assert.Null(await database.ScalarAsync("SELECT payload " + row, p));

        // Read after clear: default state, the cleared version as ETag, no record.
        var cleared = NewState<FairState>();
        await storage.ReadStateAsync(stateName, grainId, cleared);
        Assert.Equal("3", cleared.ETag);
        Assert.False(cleared.RecordExists);
        Assert.NotNull(cleared.State);
        Assert.Equal("", cleared.State.Name);
        Assert.Empty(cleared.State.Tags);

        // Write after clear continues from the cleared version.
        cleared.State = new FairState { Name = "Hội chợ mới", Stalls = 5 };
        await storage.WriteStateAsync(stateName, grainId, cleared);
        Assert.Equal("4", cleared.ETag);
        Assert.True(cleared.RecordExists);

        var final = NewState<FairState>();
        await storage.ReadStateAsync(stateName, grainId, final);
        Assert.Equal("4", final.ETag);
        Assert.True(final.RecordExists);
        Assert.NotNull(final.State);
        Assert.Equal("Hội chợ mới", final.State.Name);
        Assert.Equal(5, final.State.Stalls);
    }

    [Fact]
    public async Task Grain_storage_keeps_state_apart_by_key_state_name_and_service()
    {
        var serviceId = NewId("svc");
        var storage = await StartGrainStorageAsync(database.ConnectionString, serviceId);
        var key = NewId("fair");
        var grainId = GrainId.Create("fair", key);

        var fair = NewState<FairState>();
        fair.State = new FairState { Name = "A" };
        await storage.WriteStateAsync("fair-state", grainId, fair);
        Assert.Equal("1", fair.ETag);

        // Same key, other state name: its own row, starting at version 1.
        var other = NewState<OtherState>();
        await storage.ReadStateAsync("other-state", grainId, other);
        Assert.Null(other.ETag);
        other.State = new OtherState { Note = "B" };
        await storage.WriteStateAsync("other-state", grainId, other);
        Assert.Equal("1", other.ETag);

        // Other key with a shared prefix, same state name: nothing there.
        var neighbour = NewState<FairState>();
        await storage.ReadStateAsync("fair-state", GrainId.Create("fair", key + "x"), neighbour);
        Assert.Null(neighbour.ETag);
        Assert.False(neighbour.RecordExists);

        // Same key and state name under another ServiceId: nothing there either.
        var otherService = await StartGrainStorageAsync(database.ConnectionString, NewId("svc"));
        var foreign = NewState<FairState>();
        await otherService.ReadStateAsync("fair-state", grainId, foreign);
        Assert.Null(foreign.ETag);
        Assert.False(foreign.RecordExists);

        var fairAgain = NewState<FairState>();
        await storage.ReadStateAsync("fair-state", grainId, fairAgain);
        Assert.Equal("A", fairAgain.State?.Name);
        var otherAgain = NewState<OtherState>();
        await storage.ReadStateAsync("other-state", grainId, otherAgain);
        Assert.Equal("B", otherAgain.State?.Note);
    }

    // ------------------------------------------------------------------ membership table

    [Fact]
    public async Task Membership_table_initialises_an_empty_version_zero_once()
    {
        var clusterId = NewId("cluster");
        var table = await StartMembershipTableAsync(database.ConnectionString, clusterId);

        var empty = await table.ReadAllAsync(None);
        Assert.Equal(0, empty.Version.Version);
        Assert.Equal("0", empty.Version.VersionEtag);
        Assert.Empty(empty.Members);

        // A second silo initialising the same cluster leaves the version row alone.
        var second = await StartMembershipTableAsync(database.ConnectionString, clusterId);
        Assert.Equal(1L, await database.ScalarAsync("SELECT count(*) FROM orleans_membership_version WHERE deployment_id = @d", ("d", clusterId)));
        Assert.Equal(0, (await second.ReadAllAsync(None)).Version.Version);

        // ReadRow of an unknown silo: the version, no members.
        var none = await table.ReadRowAsync(Silo(11111, 1), None);
        Assert.Equal(0, none.Version.Version);
        Assert.Empty(none.Members);
    }

    [Fact]
    public async Task Membership_insert_requires_the_current_version_and_a_new_silo()
    {
        var clusterId = NewId("cluster");
        var table = await StartMembershipTableAsync(database.ConnectionString, clusterId);
        var start = UtcMillis(DateTime.UtcNow.AddMinutes(-5));
        var a = Member(Silo(11111, 100), SiloStatus.Joining, 30000, start);
        var b = Member(Silo(11112, 200), SiloStatus.Joining, 30001, start);

        var v0 = (await table.ReadAllAsync(None)).Version;
        Assert.True(await table.InsertRowAsync(a, v0.Next(), None));

        // Stale table version (still 0): refused, nothing inserted.
        Assert.False(await table.InsertRowAsync(b, v0.Next(), None));

        // Same silo again with the current version: refused.
        var v1 = (await table.ReadAllAsync(None)).Version;
        Assert.Equal(1, v1.Version);
        Assert.False(await table.InsertRowAsync(a, v1.Next(), None));

        var afterRefusals = await table.ReadAllAsync(None);
        Assert.Equal(1, afterRefusals.Version.Version);
        var only = Assert.Single(afterRefusals.Members);
        Assert.Equal(a.SiloAddress, only.Item1.SiloAddress);

        // With the current version, the second silo gets in.
        Assert.True(await table.InsertRowAsync(b, v1.Next(), None));
        var all = await table.ReadAllAsync(None);
        Assert.Equal(2, all.Version.Version);
        Assert.Equal(
            [a.SiloAddress, b.SiloAddress],
            all.Members.Select(m => m.Item1.SiloAddress).OrderBy(s => s.Endpoint.Port));
        Assert.All(all.Members, m => Assert.Equal(all.Version.VersionEtag, m.Item2));

        var readA = all.Members.Single(m => m.Item1.SiloAddress.Equals(a.SiloAddress)).Item1;
        Assert.Equal(SiloStatus.Joining, readA.Status);
        Assert.Equal(30000, readA.ProxyPort);
        Assert.Equal(a.SiloName, readA.SiloName);
        Assert.Equal(a.HostName, readA.HostName);
        Assert.Equal(start, readA.StartTime);
        Assert.Equal(start, readA.IAmAliveTime);
        Assert.Empty(readA.SuspectTimes ?? []);
    }

    [Fact]
    public async Task Membership_update_row_requires_the_current_version_and_heartbeat_does_not_bump_it()
    {
        var clusterId = NewId("cluster");
        var table = await StartMembershipTableAsync(database.ConnectionString, clusterId);
        var start = UtcMillis(DateTime.UtcNow.AddMinutes(-10));
        var silo = Silo(11111, 300);
        var suspecter = Silo(11112, 301);
        Assert.True(await table.InsertRowAsync(Member(silo, SiloStatus.Joining, 30000, start), (await table.ReadAllAsync(None)).Version.Next(), None));

        // Read the row as the membership agent would, and move the silo to Active with a suspicion recorded.
        var read = await table.ReadRowAsync(silo, None);
        Assert.Equal(1, read.Version.Version);
        var (entry, etag) = Assert.Single(read.Members);
        Assert.Equal("1", etag);
        var suspectedAt = UtcMillis(DateTime.UtcNow.AddMinutes(-1));
        var alive = UtcMillis(DateTime.UtcNow.AddSeconds(-30));
        entry.Status = SiloStatus.Active;
        entry.IAmAliveTime = alive;
        entry.SuspectTimes = [Tuple.Create(suspecter, suspectedAt)];
        Assert.True(await table.UpdateRowAsync(entry, etag, read.Version.Next(), None));

        var updated = await table.ReadRowAsync(silo, None);
        Assert.Equal(2, updated.Version.Version);
        var (after, afterEtag) = Assert.Single(updated.Members);
        Assert.Equal("2", afterEtag);
        Assert.Equal(SiloStatus.Active, after.Status);
        Assert.Equal(alive, after.IAmAliveTime);
        Assert.Equal(start, after.StartTime);
        Assert.NotNull(after.SuspectTimes);
        var suspicion = Assert.Single(after.SuspectTimes);
        Assert.Equal(suspecter, suspicion.Item1);
        Assert.Equal(suspectedAt, suspicion.Item2);

        // Another writer still holding version 1: refused by the database, row unchanged.
        entry.Status = SiloStatus.Dead;
        Assert.False(await table.UpdateRowAsync(entry, etag, read.Version.Next(), None));
        var unchanged = await table.ReadRowAsync(silo, None);
        Assert.Equal(2, unchanged.Version.Version);
        Assert.Equal(SiloStatus.Active, unchanged.Members[0].Item1.Status);

        // Updating a silo that is not in the table is refused even with the current version.
        var ghost = Member(Silo(11119, 999), SiloStatus.Active, 0, start);
        Assert.False(await table.UpdateRowAsync(ghost, afterEtag, updated.Version.Next(), None));
        Assert.Equal(2, (await table.ReadAllAsync(None)).Version.Version);

        // Heartbeat: only the alive time moves; no version bump, status and suspicions kept.
        var heartbeat = UtcMillis(DateTime.UtcNow);
        after.IAmAliveTime = heartbeat;
        await table.UpdateIAmAliveAsync(after, None);
        var beat = await table.ReadRowAsync(silo, None);
        Assert.Equal(2, beat.Version.Version);
        var (beaten, _) = Assert.Single(beat.Members);
        Assert.Equal(heartbeat, beaten.IAmAliveTime);
        Assert.Equal(SiloStatus.Active, beaten.Status);
        Assert.Single(beaten.SuspectTimes ?? []);
    }

    [Fact]
    public async Task Cleanup_with_the_per_silo_query_removes_the_dead_silos_last_alive_before_the_cutoff()
    {
        // 10.4.2 reads the table, picks the Dead silos older than the cut-off itself and deletes each with the optional
        // CleanupDefunctSiloEntryKey, which deletes a row only while it is still Dead and unchanged.
        var cleanup = await CleanUpAsync(database.ConnectionString);

        Assert.Equal(Ports(cleanup.Old.Where(m => m.Status != SiloStatus.Dead).Concat(cleanup.Young)), cleanup.Remaining);
        Assert.Equal(cleanup.Foreign, cleanup.ForeignRemaining);
    }

    [Fact]
    public async Task Cleanup_with_the_bulk_query_removes_every_silo_not_active_last_alive_before_the_cutoff()
    {
        // Without the optional key the provider runs the required bulk CleanupDefunctSiloEntriesKey instead; that text
        // is otherwise never executed, so check it on a database of its own with the optional key removed. Its
        // contract (Orleans' membership table tests) removes old silos in any state but Active: one that died while
        // Joining, ShuttingDown or Stopping never becomes Dead in the table.
        await using var db = await TestDatabase.CreateAsync();
        await Migrator.MigrateAsync(db.ConnectionString, NullLogger.Instance);
        await db.ScalarAsync<int>("DELETE FROM orleansquery WHERE querykey = 'CleanupDefunctSiloEntryKey'");
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM orleansquery WHERE querykey = 'CleanupDefunctSiloEntryKey'"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM orleansquery WHERE querykey = 'CleanupDefunctSiloEntriesKey'"));

        var cleanup = await CleanUpAsync(db.ConnectionString);

        Assert.Contains(cleanup.Old, m => m.Status is SiloStatus.Joining or SiloStatus.ShuttingDown or SiloStatus.Stopping);
        Assert.Equal(Ports(cleanup.Old.Where(m => m.Status == SiloStatus.Active).Concat(cleanup.Young)), cleanup.Remaining);
        Assert.Equal(cleanup.Foreign, cleanup.ForeignRemaining);
    }

    private sealed record Cleanup(
        MembershipEntry[] Old, MembershipEntry[] Young, int[] Remaining, int[] Foreign, int[] ForeignRemaining);

    /// <summary>
    /// Fills a fresh cluster with a silo in every status last alive three hours ago (a Dead one twice, with and without
    /// suspicions), young Dead, Joining and Active silos, and another cluster with an old Dead silo at the same
    /// address; then cleans up the first cluster with a cut-off one hour ago and reads what is left (as silo ports).
    /// </summary>
    private static async Task<Cleanup> CleanUpAsync(string connectionString)
    {
        var clusterId = NewId("cluster");
        var otherClusterId = NewId("cluster");
        var table = await StartMembershipTableAsync(connectionString, clusterId);
        var otherTable = await StartMembershipTableAsync(connectionString, otherClusterId);
        var old = UtcMillis(DateTime.UtcNow.AddHours(-3));
        var recent = UtcMillis(DateTime.UtcNow.AddMinutes(-5));

        MembershipEntry[] olds =
        [
            .. Enum.GetValues<SiloStatus>().Select(status => Member(Silo(11100 + (int)status, 1), status, 0, old)),
            Member(Silo(11110, 1), SiloStatus.Dead, 0, old, suspectTimes: [Tuple.Create(Silo(11103, 1), old)]),
        ];
        MembershipEntry[] young =
        [
            Member(Silo(11120, 1), SiloStatus.Dead, 0, old, iAmAliveTime: recent),
            Member(Silo(11121, 1), SiloStatus.Joining, 0, recent),
            Member(Silo(11122, 1), SiloStatus.Active, 30022, recent),
        ];
        foreach (var member in olds.Concat(young))
        {
            Assert.True(await table.InsertRowAsync(member, (await table.ReadAllAsync(None)).Version.Next(), None));
        }

        var foreign = Member(Silo(11106, 1), SiloStatus.Dead, 0, old);
        Assert.True(await otherTable.InsertRowAsync(foreign, (await otherTable.ReadAllAsync(None)).Version.Next(), None));

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddHours(-1), None);

        return new Cleanup(
            olds, young,
            Ports((await table.ReadAllAsync(None)).Members.Select(m => m.Item1)),
            Ports([foreign]),
            Ports((await otherTable.ReadAllAsync(None)).Members.Select(m => m.Item1)));
    }

    private static int[] Ports(IEnumerable<MembershipEntry> members) => [.. members.Select(m => m.SiloAddress.Endpoint.Port).Order()];

    [Fact]
    public async Task Delete_membership_table_entries_removes_the_cluster_and_nothing_else()
    {
        var clusterId = NewId("cluster");
        var otherClusterId = NewId("cluster");
        var table = await StartMembershipTableAsync(database.ConnectionString, clusterId);
        var otherTable = await StartMembershipTableAsync(database.ConnectionString, otherClusterId);
        var start = UtcMillis(DateTime.UtcNow);
        Assert.True(await table.InsertRowAsync(Member(Silo(11111, 1), SiloStatus.Active, 30000, start), (await table.ReadAllAsync(None)).Version.Next(), None));
        Assert.True(await table.InsertRowAsync(Member(Silo(11112, 2), SiloStatus.Active, 30001, start), (await table.ReadAllAsync(None)).Version.Next(), None));
        Assert.True(await otherTable.InsertRowAsync(Member(Silo(11111, 1), SiloStatus.Active, 30000, start), (await otherTable.ReadAllAsync(None)).Version.Next(), None));

        await table.DeleteMembershipTableEntriesAsync(clusterId, None);

        var d = ("d", (object)clusterId);
        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM orleans_membership WHERE deployment_id = @d", d));
        Assert.Equal(0L, await database.ScalarAsync("SELECT count(*) FROM orleans_membership_version WHERE deployment_id = @d", d));
        var other = await otherTable.ReadAllAsync(None);
        Assert.Equal(1, other.Version.Version);
        Assert.Single(other.Members);

        // The cluster can start over from version 0.
        var restarted = await StartMembershipTableAsync(database.ConnectionString, clusterId);
        var fresh = await restarted.ReadAllAsync(None);
        Assert.Equal(0, fresh.Version.Version);
        Assert.Empty(fresh.Members);
    }

    // ------------------------------------------------------------------ gateway list

    [Fact]
    public async Task Gateway_list_returns_only_active_silos_with_a_gateway_port_in_this_cluster()
    {
        var clusterId = NewId("cluster");
        var otherClusterId = NewId("cluster");
        var table = await StartMembershipTableAsync(database.ConnectionString, clusterId);
        var otherTable = await StartMembershipTableAsync(database.ConnectionString, otherClusterId);
        var start = UtcMillis(DateTime.UtcNow);

        var active1 = Member(Silo(11111, 1), SiloStatus.Active, 30001, start);
        var active2 = Member(Silo(11112, 2), SiloStatus.Active, 30002, start);
        var joining = Member(Silo(11113, 3), SiloStatus.Joining, 30003, start);
        var shuttingDown = Member(Silo(11114, 4), SiloStatus.ShuttingDown, 30004, start);
        var dead = Member(Silo(11115, 5), SiloStatus.Dead, 30005, start);
        var activeNoGateway = Member(Silo(11116, 6), SiloStatus.Active, 0, start);
        foreach (var member in new[] { active1, active2, joining, shuttingDown, dead, activeNoGateway })
        {
            Assert.True(await table.InsertRowAsync(member, (await table.ReadAllAsync(None)).Version.Next(), None));
        }

        Assert.True(await otherTable.InsertRowAsync(Member(Silo(11117, 7), SiloStatus.Active, 30007, start), (await otherTable.ReadAllAsync(None)).Version.Next(), None));

        var provider = await StartGatewayListProviderAsync(database.ConnectionString, clusterId);
        var gateways = await provider.GetGatewaysAsync(None);

        Assert.Equal(
            new[] { Silo(30001, 1).ToGatewayUri(), Silo(30002, 2).ToGatewayUri() },
            gateways.OrderBy(u => u.Port));

        // A silo that goes dead drops out of the list.
        var read = await table.ReadRowAsync(active2.SiloAddress, None);
        var (entry, etag) = Assert.Single(read.Members);
        entry.Status = SiloStatus.Dead;
        Assert.True(await table.UpdateRowAsync(entry, etag, read.Version.Next(), None));
        Assert.Equal([Silo(30001, 1).ToGatewayUri()], await provider.GetGatewaysAsync(None));
    }
}
