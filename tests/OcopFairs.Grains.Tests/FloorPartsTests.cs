using System.Collections.Immutable;
using Microsoft.Extensions.Logging.Abstractions;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Grains.Tests;

/// <summary>The floor's event backlog and key memory, as pure functions of its state.</summary>
public class FloorBacklogTests
{
    private static LiveEvent Event(long version) => new(version, DateTimeOffset.UnixEpoch, EventTypes.BoothChanged, "A01", BoothSlot.Free, null);

    [Fact]
    public void Appending_moves_the_version_to_the_last_event_and_keeps_only_the_newest_events()
    {
        var s = new FloorLiveState();
        for (var v = 1; v <= FloorBacklog.Size + 10; v++)
        {
            s = FloorBacklog.Append(s, [Event(v)]);
        }

        Assert.Equal(FloorBacklog.Size + 10, s.Version);
        Assert.Equal(FloorBacklog.Size, s.Backlog.Length);
        Assert.Equal(11, s.Backlog[0].Version);
    }

    [Fact]
    public void Since_gives_exactly_the_later_events_or_null_when_the_backlog_no_longer_reaches_back()
    {
        var s = new FloorLiveState();
        for (var v = 1; v <= FloorBacklog.Size + 10; v++)
        {
            s = FloorBacklog.Append(s, [Event(v)]);
        }

        Assert.Empty(FloorBacklog.Since(s, s.Version)!.Value);
        Assert.Empty(FloorBacklog.Since(s, s.Version + 5)!.Value);
        Assert.Equal([s.Version - 1, s.Version], FloorBacklog.Since(s, s.Version - 2)!.Value.Select(e => e.Version));
        Assert.Equal(FloorBacklog.Size, FloorBacklog.Since(s, 10)!.Value.Length);
        Assert.Null(FloorBacklog.Since(s, 9));
        Assert.Null(FloorBacklog.Since(s, -1));
    }

    [Fact]
    public void Keys_are_remembered_up_to_the_key_memory_the_oldest_dropping_out()
    {
        var s = new FloorLiveState();
        for (var i = 0; i < FloorBacklog.KeyMemory + 3; i++)
        {
            s = i % 2 == 0 ? FloorBacklog.Remember(s, new KeyedResult($"k{i}", "A01", BoothSlot.Free)) : FloorBacklog.Append(s, [Event(s.Version + 1)], new KeyedResult($"k{i}", "A01", BoothSlot.Free));
        }

        Assert.Equal(FloorBacklog.KeyMemory, s.Keys.Length);
        Assert.Equal(["k3", $"k{FloorBacklog.KeyMemory + 2}"], new[] { s.Keys[0].Key, s.Keys[^1].Key });
    }
}

/// <summary>The floor's in-memory lookups follow every change, named or not.</summary>
public class LiveFloorTests
{
    private static readonly FloorPlan Plan = FloorPlans.Grid([(new Zone("A", "Thực phẩm", [ProductGroup.Food]), 4)]);

    private static BoothSlot Held(string producer) => new(BoothStatus.Held, producer, producer, DateTimeOffset.UnixEpoch, "h");

    [Fact]
    public void Named_changes_keep_counts_keys_and_touched_booths_as_a_rebuild_would()
    {
        var floor = new LiveFloor();
        floor.Reset(new FloorLiveState { Plan = Plan });
        var key = new KeyedResult("k1", "A01", Held("p1"));
        floor.Become(floor.State with { Booths = floor.State.Booths.SetItem("A01", Held("p1")), Keys = [key] }, "A01", key);
        floor.Become(floor.State with { Booths = floor.State.Booths.SetItem("A02", Held("p1")) }, "A02");
        floor.Become(floor.State with { Booths = floor.State.Booths.Remove("A01") }, "A01");

        var rebuilt = new LiveFloor();
        rebuilt.Reset(floor.State);
        Assert.Equal((1, 1), (floor.BoothsOf("p1"), rebuilt.BoothsOf("p1")));
        Assert.Same(key, floor.Remembered("k1"));
        Assert.Equal(["A01", "A02"], floor.TakeTouched()!.Order());
        Assert.Empty(floor.TakeTouched()!);
    }

    [Fact]
    public void A_change_that_names_no_booth_recounts_and_asks_the_write_to_compare_every_booth()
    {
        var floor = new LiveFloor();
        floor.Reset(new FloorLiveState { Plan = Plan });
        floor.Become(floor.State with { Booths = floor.State.Booths.SetItem("A01", Held("p1")).SetItem("A03", Held("p2")) });

        Assert.Equal((1, 1), (floor.BoothsOf("p1"), floor.BoothsOf("p2")));
        Assert.Null(floor.TakeTouched());
    }

    [Fact]
    public void A_new_plan_is_what_the_facts_are_drawn_from()
    {
        var floor = new LiveFloor();
        floor.Reset(new FloorLiveState { Plan = Plan, Rules = new FloorRules(FairStatus.Published, 2, 30, AllocationMode.FirstCome) });
        Assert.Null(floor.Facts("B01").Booth);

        floor.Become(floor.State with { Plan = FloorPlans.Grid([(new Zone("B", "Đồ uống", [ProductGroup.Beverages]), 2)]) });

        var facts = floor.Facts("B01", "p1");
        Assert.Equal(("B01", "B", BoothStatus.Free, 0), (facts.Booth!.Code, facts.Zone!.Code, facts.Slot.Status, facts.ProducerBooths));
        Assert.Null(floor.Facts("A01").Booth);
    }
}

/// <summary>
/// The group commit alone, on a single-threaded scheduler as a grain would run it, against the in-memory store whose
/// writes a test can hold back or fail.
/// </summary>
public class GroupCommitTests
{
    private readonly FloorWriteGates _gates = new();
    private readonly TaskFactory _turns = new(new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler);
    private readonly List<long> _published = [];
    private readonly LiveFloor _floor = new();
    private readonly string _fairId = TestData.NewId("fair");
    private int _failures;
    private readonly GroupCommit _commits;

    public GroupCommitTests()
    {
        _commits = new GroupCommit(_floor, new InMemoryFloorStore(_gates), _fairId, 1, Publish, () => _failures++, TimeProvider.System, NullLogger.Instance);
        _commits.Loaded(new FloorLiveState());
    }

    private Task Publish(IReadOnlyList<LiveEvent> events)
    {
        _published.AddRange(events.Select(e => e.Version));
        return Task.CompletedTask;
    }

    /// <summary>Runs <paramref name="change"/> in a turn of its own and hands back the commit it started.</summary>
    private async Task<Task> TurnAsync(Func<Task> change) => await _turns.StartNew(change);

    /// <summary>Books the next event on booth <paramref name="code"/>, in a turn.</summary>
    private Task<Task> HoldAsync(string code) => TurnAsync(() =>
    {
        var s = _floor.State;
        var slot = new BoothSlot(BoothStatus.Held, "p1", "p1", null, code);
        var evt = new LiveEvent(s.Version + 1, DateTimeOffset.UnixEpoch, EventTypes.BoothChanged, code, slot, null);
        return _commits.CommitAsync(FloorBacklog.Append(s with { Booths = s.Booths.SetItem(code, slot) }, [evt]), [evt], code);
    });

    [Fact]
    public async Task Changes_made_while_a_write_is_under_way_go_out_together_and_are_answered_in_order_after_it()
    {
        var write = new HeldWrite();
        _gates.Set(_fairId, write.Gate());
        var first = await HoldAsync("A01");
        await write.Started;
        _gates.Clear(_fairId);
        var rest = new[] { await HoldAsync("A02"), await HoldAsync("A03") };

        Assert.False(first.IsCompleted || rest.Any(t => t.IsCompleted));
        Assert.Equal(0, _commits.Committed.Version);
        write.Release();
        await Task.WhenAll(rest.Append(first)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(2, _gates.Writes(_fairId));
        Assert.Equal([1L, 2, 3], _published);
        Assert.Equal(3, _commits.Committed.Version);
    }

    [Fact]
    public async Task A_failed_write_undoes_every_change_not_yet_durable_and_fails_each_caller()
    {
        await (await HoldAsync("A01")).WaitAsync(TimeSpan.FromSeconds(10));
        var write = new HeldWrite();
        _gates.Set(_fairId, write.Gate(new InvalidOperationException("The database went away.")));
        var failing = await HoldAsync("A02");
        await write.Started;
        var behind = await HoldAsync("A03");

        write.Release();
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.WaitAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => behind.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(1, _failures);
        Assert.Equal([1L], _published);
        Assert.Equal(1L, _floor.State.Version);
        Assert.Equal(["A01"], _floor.State.Booths.Keys);
        Assert.Same(_commits.Committed.Booths, _floor.State.Booths);
    }

    [Fact]
    public async Task Waiting_for_durability_waits_for_the_write_that_carries_the_change_and_no_longer()
    {
        var write = new HeldWrite();
        _gates.Set(_fairId, write.Gate());
        var hold = await HoldAsync("A01");
        await write.Started;
        var durable = await TurnAsync(() => _commits.DurableAsync("A01"));
        var other = await TurnAsync(() => _commits.DurableAsync("A09"));

        Assert.False(durable.IsCompleted);
        _gates.Clear(_fairId);
        write.Release();
        await Task.WhenAll(hold, durable, other).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True((await TurnAsync(() => _commits.DurableAsync("A01"))).IsCompletedSuccessfully);
    }
}
