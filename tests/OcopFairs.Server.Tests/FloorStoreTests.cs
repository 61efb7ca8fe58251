using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OcopFairs.Abstractions;
using OcopFairs.Grains;
using OcopFairs.Server.Booths;
using OcopFairs.Server.Database;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

/// <summary>The live floor's PostgreSQL store: deltas, the fence (version and write), and pruning, on a real database.</summary>
public sealed class FloorStoreTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private NpgsqlDataSource _source = null!;
    private FloorStore _store = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await Migrator.MigrateAsync(_db.ConnectionString, NullLogger.Instance);
        _source = NpgsqlDataSource.Create(_db.ConnectionString);
        _store = new FloorStore(_source);
    }

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static readonly DateTimeOffset At = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private static BoothSlot Held(string producer) => new(BoothStatus.Held, producer, "HTX " + producer, At.AddMinutes(30), "hold-" + producer);

    private static LiveEvent Event(long version, string code, BoothSlot slot) => new(version, At, EventTypes.BoothChanged, code, slot, null);

    [Fact]
    public async Task Deltas_add_up_to_the_floor_and_free_booths_leave_no_row()
    {
        Assert.Null(await _store.LoadAsync("fair-a", 256, 512));
        var first = new FloorDelta(2, [new("A01", Held("p1")), new("A02", Held("p2"))],
            [Event(1, "A01", Held("p1")), Event(2, "A02", Held("p2"))], [new KeyedResult("p1:hold:k", "A01", Held("p1"))]);
        await _store.SaveAsync("fair-a", 0, null, first);
        var confirmed = Held("p1") with { Status = BoothStatus.Confirmed, HoldExpiresAt = null, HoldId = null };
        var second = new FloorDelta(4, [new("A01", confirmed), new("A02", null)],
            [Event(3, "A01", confirmed), Event(4, "A02", BoothSlot.Free)], []);
        await _store.SaveAsync("fair-a", 2, first.WriteId, second);

        var floor = await _store.LoadAsync("fair-a", 256, 512);
        Assert.NotNull(floor);
        Assert.Equal((4, second.WriteId), (floor.Version, floor.WriteId));
        Assert.Equal(confirmed, Assert.Single(floor.Booths, b => b.Key == "A01").Value);
        Assert.False(floor.Booths.ContainsKey("A02"));
        Assert.Equal([1L, 2, 3, 4], floor.Backlog.Select(e => e.Version));
        Assert.Equal(Held("p1"), floor.Backlog[0].Slot);
        Assert.Equal(("p1:hold:k", "A01", Held("p1")), (floor.Keys[0].Key, floor.Keys[0].BoothCode, floor.Keys[0].Slot));
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT count(*) FROM app.floor_booths WHERE fair_id = 'fair-a'"));

        // The newest events and keys come back, oldest first.
        var recent = await _store.LoadAsync("fair-a", 2, 512);
        Assert.Equal([3L, 4], recent!.Backlog.Select(e => e.Version));
    }

    [Fact]
    public async Task A_save_built_on_a_floor_that_moved_on_changes_nothing()
    {
        var first = new FloorDelta(1, [new("A01", Held("p1"))], [Event(1, "A01", Held("p1"))], []);
        await _store.SaveAsync("fair-b", 0, null, first);

        // A second activation that still believes the floor is new, one a version behind, and one at the right version
        // but after another write: all are refused whole, at once.
        await Assert.ThrowsAsync<Orleans.Storage.InconsistentStateException>(() =>
            _store.SaveAsync("fair-b", 0, null, new FloorDelta(1, [new("A01", Held("p2"))], [Event(1, "A01", Held("p2"))], [])));
        await _store.SaveAsync("fair-b", 1, first.WriteId, new FloorDelta(2, [new("A02", Held("p3"))], [Event(2, "A02", Held("p3"))], []));
        var refused = await Assert.ThrowsAsync<Orleans.Storage.InconsistentStateException>(() =>
            _store.SaveAsync("fair-b", 1, first.WriteId, new FloorDelta(2, [new("A01", null), new("A03", Held("p4"))], [Event(2, "A01", BoothSlot.Free)],
                [new KeyedResult("p4:hold:k", "A03", Held("p4"))])));
        Assert.Equal("40001", Assert.IsType<PostgresException>(refused.InnerException).SqlState);
        var started = DateTime.UtcNow;
        await Assert.ThrowsAsync<Orleans.Storage.InconsistentStateException>(() =>
            _store.SaveAsync("fair-b", 2, Guid.NewGuid(), new FloorDelta(3, [new("A04", Held("p5"))], [Event(3, "A04", Held("p5"))], [])));
        Assert.True(DateTime.UtcNow - started < _store.WaitForPrevious / 2, "A save after another write must be refused without waiting.");

        var floor = await _store.LoadAsync("fair-b", 256, 512);
        Assert.Equal(2, floor!.Version);
        Assert.Equal([("A01", "p1"), ("A02", "p3")], floor.Booths.OrderBy(b => b.Key).Select(b => (b.Key, b.Value.ProducerId!)));
        Assert.Equal(Held("p3"), floor.Backlog.Single(e => e.Version == 2).Slot);
        Assert.Empty(floor.Keys);
    }

    [Fact]
    public async Task A_save_that_overtakes_the_write_it_builds_on_waits_for_it_and_one_whose_write_never_lands_gives_up()
    {
        var first = new FloorDelta(1, [new("A01", Held("p1"))], [Event(1, "A01", Held("p1"))], []);
        var second = new FloorDelta(2, [new("A02", Held("p2"))], [Event(2, "A02", Held("p2"))], []);

        // The floor grain sends its next write while the one before is still on its way; here it arrives first.
        var secondSaved = _store.SaveAsync("fair-e", 1, first.WriteId, second);
        await Task.Delay(200);
        Assert.False(secondSaved.IsCompleted);
        await _store.SaveAsync("fair-e", 0, null, first);
        await secondSaved.WaitAsync(TimeSpan.FromSeconds(5));

        var floor = await _store.LoadAsync("fair-e", 256, 512);
        Assert.Equal((2, second.WriteId), (floor!.Version, floor.WriteId));
        Assert.Equal([("A01", "p1"), ("A02", "p2")], floor.Booths.OrderBy(b => b.Key).Select(b => (b.Key, b.Value.ProducerId!)));

        // A save after a write that failed (never stored) waits for it in vain, then is refused and stores nothing.
        var patient = new FloorStore(_source) { WaitForPrevious = TimeSpan.FromMilliseconds(300) };
        var failed = new FloorDelta(3, [new("A03", Held("p3"))], [Event(3, "A03", Held("p3"))], []);
        await Assert.ThrowsAsync<Orleans.Storage.InconsistentStateException>(() =>
            patient.SaveAsync("fair-e", 3, failed.WriteId, new FloorDelta(4, [new("A04", Held("p4"))], [Event(4, "A04", Held("p4"))], [])));
        floor = await _store.LoadAsync("fair-e", 256, 512);
        Assert.Equal((2, 2), (floor!.Version, floor.Booths.Count));
    }

    [Fact]
    public async Task A_backlog_with_a_gap_loads_only_its_contiguous_tail()
    {
        // Versions 3 and 4 were never stored (a commit larger than the grain's backlog keeps only its newest events).
        var first = new FloorDelta(2, [new("A01", Held("p1"))], [Event(1, "A01", Held("p1")), Event(2, "A02", Held("p2"))], []);
        await _store.SaveAsync("fair-d", 0, null, first);
        await _store.SaveAsync("fair-d", 2, first.WriteId, new FloorDelta(6, [new("A05", Held("p5"))], [Event(5, "A05", Held("p5")), Event(6, "A06", Held("p6"))], []));

        var floor = await _store.LoadAsync("fair-d", 256, 512);
        Assert.Equal([5L, 6], floor!.Backlog.Select(e => e.Version));
    }

    [Fact]
    public async Task Old_events_and_keys_are_pruned()
    {
        var version = 0L;
        Guid? write = null;
        for (var round = 0; round < 3; round++)
        {
            var events = Enumerable.Range(1, 600).Select(i => Event(version + i, "A01", Held("p1"))).ToList();
            var keys = Enumerable.Range(1, 900).Select(i => new KeyedResult($"k{round}-{i}", "A01", Held("p1"))).ToList();
            var delta = new FloorDelta(version + 600, [new("A01", Held("p1"))], events, keys);
            await _store.SaveAsync("fair-c", version, write, delta);
            version += 600;
            write = delta.WriteId;
        }

        Assert.Equal((long)FloorStore.EventsKept, await _db.ScalarAsync<long>("SELECT count(*) FROM app.floor_events WHERE fair_id = 'fair-c'"));
        Assert.Equal((long)FloorStore.KeysKept, await _db.ScalarAsync<long>("SELECT count(*) FROM app.floor_keys WHERE fair_id = 'fair-c'"));
        var floor = await _store.LoadAsync("fair-c", 256, 512);
        Assert.Equal(version, floor!.Backlog[^1].Version);
        Assert.Equal("k2-900", floor.Keys[^1].Key);
        Assert.Equal(512, floor.Keys.Length);
    }
}
