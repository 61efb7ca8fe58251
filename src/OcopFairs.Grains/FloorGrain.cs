using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using Orleans.Concurrency;

namespace OcopFairs.Grains;

[GenerateSerializer, Immutable, Alias("ocop.FloorPlanState")]
public sealed record FloorPlanState
{
    [Id(0)] public FloorPlan Plan { get; init; } = FloorPlan.Empty;
    [Id(1)] public FloorRules? Rules { get; init; }
}

/// <summary>A booth's occupation; booths absent from the map are free.</summary>
[GenerateSerializer, Immutable, Alias("ocop.BoothSlot")]
public sealed record BoothSlot(
    [property: Id(0)] BoothStatus Status,
    [property: Id(1)] string? ProducerId,
    [property: Id(2)] string? ProducerName,
    [property: Id(3)] DateTimeOffset? HoldExpiresAt,
    [property: Id(4)] string? HoldId)
{
    public static readonly BoothSlot Free = new(BoothStatus.Free, null, null, null, null);
}

/// <summary>A change in the backlog, compact: booth views are rebuilt from the plan when read.</summary>
[GenerateSerializer, Immutable, Alias("ocop.LiveEvent")]
public sealed record LiveEvent(
    [property: Id(0)] long Version,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Type,
    [property: Id(3)] string? BoothCode,
    [property: Id(4)] BoothSlot? Slot,
    [property: Id(5)] FairSummary? Fair);

/// <summary>The booth a request with an Idempotency-Key changed, so a retry answers the same.</summary>
[GenerateSerializer, Immutable, Alias("ocop.KeyedResult")]
public sealed record KeyedResult(
    [property: Id(0)] string Key,
    [property: Id(1)] string BoothCode,
    [property: Id(2)] BoothSlot Slot);

[GenerateSerializer, Immutable, Alias("ocop.FloorLiveState")]
public sealed record FloorLiveState
{
    [Id(0)] public ImmutableDictionary<string, BoothSlot> Booths { get; init; } = ImmutableDictionary<string, BoothSlot>.Empty;
    [Id(1)] public long Version { get; init; }
    [Id(2)] public ImmutableArray<LiveEvent> Backlog { get; init; } = [];
    [Id(3)] public ImmutableArray<KeyedResult> Keys { get; init; } = [];

    /// <summary>The store's id of the write that stored this floor, as loaded (null: none, or written before ids).</summary>
    [Id(4)] public Guid? WriteId { get; init; }
}

/// <summary>Settings of the floor grains (configuration section <c>Floor</c>).</summary>
public sealed class FloorOptions
{
    /// <summary>
    /// Group commits of one floor under way at once (<c>Floor:WritesInFlight</c>). 1, the default, writes one at a
    /// time; 2 sends the next while the one before is being written. On one machine shared with PostgreSQL, 2 gained
    /// nothing in the booth rush and cost PostgreSQL a fifth more CPU (docs/PERFORMANCE.md, runs 56–65); it is for a
    /// database across a network, where every write waits a round trip.
    /// </summary>
    public int WritesInFlight { get; set; } = 1;
}

/// <summary>
/// The floor of one fair [fairId]. Reentrant on purpose: every method checks and applies its change to the in-memory
/// state without awaiting in between, then awaits the group commit that writes all changes made meanwhile in one
/// PostgreSQL transaction. A caller is answered only after the write that contains its change; if a write fails,
/// every change not yet written is undone, their callers get the error, and the grain reloads.
/// <para>
/// Up to <see cref="FloorOptions.WritesInFlight"/> group commits are under way at once; with more than one, the next
/// is sent while the one before is still being written, so PostgreSQL has it at hand the moment the one before commits.
/// Each builds on the write before it (the store stores it only right after that one, and never when that one failed),
/// and their callers are answered, and their events published, in commit order.
/// </para>
/// <para>
/// The plan is grain state; the live floor (occupation, recent events, Idempotency-Keys) goes through
/// <see cref="IFloorStore"/>, which writes only what a commit changed, so a commit of a few holds stays a few rows
/// however large the floor is. Floors stored as one grain-state row ("floorLive") by earlier versions move to the
/// store on activation.
/// </para>
/// </summary>
[Reentrant]
public sealed partial class FloorGrain(
    [PersistentState("floorPlan", StorageNames.Default)] IPersistentState<FloorPlanState> plan,
    [PersistentState("floorLive", StorageNames.Default)] IPersistentState<FloorLiveState> legacyLive,
    IFloorStore store,
    IGrainFactory grains,
    IBoothEvents boothEvents,
    TimeProvider clock,
    IOptions<FloorOptions> options,
    ILogger<FloorGrain> logger) : Grain, IFloorGrain
{
    /// <summary>How many events a reconnecting client can catch up on before it gets a snapshot instead.</summary>
    public const int BacklogSize = 256;

    /// <summary>How many Idempotency-Keys are remembered.</summary>
    public const int KeyMemory = 512;

    private FloorLiveState _state = new();
    private FloorLiveState _committed = new();
    private Guid? _committedWrite;

    /// <summary>The floor as the newest write sent brings it, and that write's id: the next write builds on them.</summary>
    private FloorLiveState _sent = new();
    private Guid? _sentWrite;

    private List<(TaskCompletionSource Done, LiveEvent Event)> _pending = [];

    /// <summary>Writes sent and not answered yet, oldest first.</summary>
    private readonly Queue<Write> _writing = new();
    private readonly int _writesInFlight = Math.Max(1, options.Value.WritesInFlight);

    /// <summary>Counts failed writes: a write sent before the last failure has had its callers failed already.</summary>
    private int _failures;
    private Task? _flusher;
    private Dictionary<string, BoothSpec> _specs = [];
    private HubObservers? _hubs;

    // Mirror _state for what every hold asks, so a hold costs no scan of the floor or of the remembered keys.
    private readonly Dictionary<string, int> _boothsOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KeyedResult> _keyIndex = new(StringComparer.Ordinal);

    /// <summary>
    /// The booths changed since <see cref="_sent"/>, so a group commit compares those instead of all of them; null
    /// when a change touched booths without naming them (a plan change, an allocation), and every booth is compared.
    /// </summary>
    private HashSet<string>? _touched = new(StringComparer.Ordinal);

    private string FairId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(FairId, BacklogSize, KeyMemory);
        if (stored is null && legacyLive.RecordExists)
        {
            // Written before the floor store existed: move it over whole, then drop the old grain-state row.
            var legacy = legacyLive.State;
            var moved = FloorDelta.Between(new FloorLiveState(), legacy);
            await store.SaveAsync(FairId, 0, null, moved);
            await legacyLive.ClearStateAsync();
            stored = legacy with { WriteId = moved.WriteId };
        }

        _committed = stored ?? new FloorLiveState();
        _committedWrite = _committed.WriteId;
        ResetToCommitted();
        IndexPlan();
        // Holds written before a crash may have lost their expiry job: schedule them again (a duplicate job does nothing).
        foreach (var (code, slot) in _state.Booths.Where(b => b.Value is { Status: BoothStatus.Held, HoldId: not null, HoldExpiresAt: not null }))
        {
            ScheduleExpiry(code, slot);
        }
    }

    public async Task<FloorView> SetPlanAsync(FloorPlan next, FairSummary summary)
    {
        var kept = next.Booths.Select(b => b.Code).ToHashSet(StringComparer.Ordinal);
        var lost = _state.Booths.Where(b => !kept.Contains(b.Key) && b.Value.Status is BoothStatus.Held or BoothStatus.Confirmed)
            .Select(b => b.Key).Order(StringComparer.Ordinal).ToList();
        if (lost.Count > 0)
        {
            throw DomainException.Conflict("floorPlan.boothInUse", $"Booths in use cannot be removed: {string.Join(", ", lost)}", lost);
        }

        var previous = plan.State;
        plan.State = plan.State with { Plan = next };
        IndexPlan();
        try
        {
            await plan.WriteStateAsync();
        }
        catch
        {
            plan.State = previous;
            IndexPlan();
            throw;
        }

        var booths = _state.Booths.Where(b => kept.Contains(b.Key)).ToImmutableDictionary();
        var evt = NextEvent(EventTypes.FairChanged, null, null, summary);
        await CommitAsync(Append(_state with { Booths = booths }, evt, null), evt);
        return Floor();
    }

    public async Task SetRulesAsync(FloorRules rules)
    {
        if (plan.State.Rules == rules)
        {
            return;
        }

        var previous = plan.State;
        plan.State = plan.State with { Rules = rules };
        try
        {
            await plan.WriteStateAsync();
        }
        catch
        {
            plan.State = previous;
            throw;
        }
    }

    public Task RecordFairChangedAsync(FairSummary summary)
    {
        var evt = NextEvent(EventTypes.FairChanged, null, null, summary);
        return CommitAsync(Append(_state, evt, null), evt);
    }

    public Task<FloorView> GetFloorAsync() => Task.FromResult(Floor());

    public Task<FairChanges> GetChangesSinceAsync(long sinceVersion)
    {
        // Only what is durable is shown: a reader never sees a change that a failed write could still undo.
        var s = _committed;
        if (sinceVersion >= s.Version)
        {
            return Task.FromResult(new FairChanges(FairId, s.Version, s.Version, ImmutableArray<FairEvent>.Empty, null));
        }

        var oldest = s.Backlog.IsDefaultOrEmpty ? long.MaxValue : s.Backlog[0].Version;
        if (sinceVersion >= 0 && sinceVersion + 1 >= oldest)
        {
            var events = s.Backlog.Where(e => e.Version > sinceVersion).Select(ToFairEvent).ToImmutableArray();
            return Task.FromResult(new FairChanges(FairId, sinceVersion, s.Version, events, null));
        }

        return Task.FromResult(new FairChanges(FairId, sinceVersion, s.Version, null, Floor()));
    }

    public async Task<BoothView> HoldAsync(string boothCode, Holder holder, string? idempotencyKey)
    {
        if (Remembered(idempotencyKey) is { } earlier)
        {
            await DurableAsync(earlier.Code, idempotencyKey);
            return earlier;
        }

        var spec = FindBooth(boothCode);
        var rules = plan.State.Rules;
        if (rules is null || rules.Status is not (FairStatus.Published or FairStatus.RegistrationClosed or FairStatus.Live))
        {
            throw DomainException.Conflict("booth.holdsClosed", "Booths cannot be held while the fair is not open.");
        }

        if (rules.AllocationMode == AllocationMode.Organiser)
        {
            throw DomainException.Conflict("booth.organiserAllocates", "In this fair the organiser allocates the booths.");
        }

        var zone = plan.State.Plan.Zones.FirstOrDefault(z => z.Code == spec.Zone);
        if (zone is null || !zone.Groups.Intersect(holder.Groups.IsDefault ? [] : holder.Groups).Any())
        {
            throw DomainException.Refused("booth.zoneMismatch", $"Zone {spec.Zone} does not take the producer's product groups.");
        }

        var slot = Slot(boothCode);
        if (slot.Status == BoothStatus.Held && slot.ProducerId == holder.ProducerId)
        {
            return await RememberAsync(idempotencyKey, boothCode, slot, spec);
        }

        if (slot.Status != BoothStatus.Free)
        {
            throw DomainException.Conflict("booth.taken", $"Booth {boothCode} is {slot.Status}.");
        }

        var count = _boothsOf.GetValueOrDefault(holder.ProducerId);
        if (count >= rules.BoothsPerProducer)
        {
            throw DomainException.Conflict("booth.limit", $"The producer already has {count} booth(s), the fair's limit.");
        }

        var held = new BoothSlot(BoothStatus.Held, holder.ProducerId, holder.ProducerName,
            clock.GetUtcNow().AddMinutes(rules.HoldMinutes), Guid.NewGuid().ToString("N"));
        var view = await ChangeAsync(boothCode, held, idempotencyKey);
        ScheduleExpiry(boothCode, held);
        return view;
    }

    public async Task<BoothView> ConfirmAsync(string boothCode, string producerId, string? idempotencyKey)
    {
        if (Remembered(idempotencyKey) is { } earlier)
        {
            await DurableAsync(earlier.Code, idempotencyKey);
            return earlier;
        }

        var spec = FindBooth(boothCode);
        var slot = Slot(boothCode);
        if (slot.ProducerId != producerId || slot.Status is not (BoothStatus.Held or BoothStatus.Confirmed))
        {
            throw DomainException.Conflict("booth.notHeld", $"Booth {boothCode} is not held by this producer.");
        }

        if (slot.Status == BoothStatus.Confirmed)
        {
            return await RememberAsync(idempotencyKey, boothCode, slot, spec);
        }

        return await ChangeAsync(boothCode, slot with { Status = BoothStatus.Confirmed, HoldExpiresAt = null, HoldId = null }, idempotencyKey);
    }

    public Task<BoothView> ReleaseAsync(string boothCode, string producerId)
    {
        var spec = FindBooth(boothCode);
        var slot = Slot(boothCode);
        if (slot.Status == BoothStatus.Free)
        {
            return RepeatAsync(spec, slot);
        }

        if (slot.ProducerId != producerId)
        {
            throw DomainException.Conflict("booth.notHeld", $"Booth {boothCode} is not held by this producer.");
        }

        return ChangeAsync(boothCode, BoothSlot.Free, null);
    }

    public async Task<BoothView> AssignAsync(string boothCode, Holder holder, string? idempotencyKey)
    {
        if (Remembered(idempotencyKey) is { } earlier)
        {
            await DurableAsync(earlier.Code, idempotencyKey);
            return earlier;
        }

        var spec = FindBooth(boothCode);
        var slot = Slot(boothCode);
        if (slot.ProducerId == holder.ProducerId && slot.Status == BoothStatus.Confirmed)
        {
            return await RememberAsync(idempotencyKey, boothCode, slot, spec);
        }

        if (slot.Status != BoothStatus.Free && slot.ProducerId != holder.ProducerId)
        {
            throw DomainException.Conflict("booth.taken", $"Booth {boothCode} is {slot.Status}.");
        }

        return await ChangeAsync(boothCode, new BoothSlot(BoothStatus.Confirmed, holder.ProducerId, holder.ProducerName, null, null), idempotencyKey);
    }

    public Task<BoothView> UnassignAsync(string boothCode)
    {
        var spec = FindBooth(boothCode);
        var slot = Slot(boothCode);
        return slot.Status switch
        {
            BoothStatus.Free => RepeatAsync(spec, slot),
            BoothStatus.Blocked => throw DomainException.Conflict("booth.blocked", $"Booth {boothCode} is blocked; unblock it instead."),
            _ => ChangeAsync(boothCode, BoothSlot.Free, null),
        };
    }

    public Task<BoothView> BlockAsync(string boothCode)
    {
        var spec = FindBooth(boothCode);
        var slot = Slot(boothCode);
        return slot.Status switch
        {
            BoothStatus.Blocked => RepeatAsync(spec, slot),
            BoothStatus.Free => ChangeAsync(boothCode, new BoothSlot(BoothStatus.Blocked, null, null, null, null), null),
            _ => throw DomainException.Conflict("booth.taken", $"Booth {boothCode} is {slot.Status} and cannot be blocked."),
        };
    }

    public Task<BoothView> UnblockAsync(string boothCode)
    {
        var spec = FindBooth(boothCode);
        var slot = Slot(boothCode);
        return slot.Status switch
        {
            BoothStatus.Free => RepeatAsync(spec, slot),
            BoothStatus.Blocked => ChangeAsync(boothCode, BoothSlot.Free, null),
            _ => throw DomainException.Conflict("booth.notBlocked", $"Booth {boothCode} is {slot.Status}, not blocked."),
        };
    }

    public async Task<bool> ExpireHoldAsync(string boothCode, string holdId)
    {
        var slot = _state.Booths.GetValueOrDefault(boothCode);
        if (slot is not { Status: BoothStatus.Held } || slot.HoldId != holdId || slot.HoldExpiresAt > clock.GetUtcNow() || !_specs.ContainsKey(boothCode))
        {
            return false;
        }

        await ChangeAsync(boothCode, BoothSlot.Free, null);
        LogExpired(logger, FairId, boothCode, slot.ProducerId!);
        await boothEvents.HoldExpiredAsync(FairId, boothCode, slot.ProducerId!);
        return true;
    }

    public async Task<int> SweepExpiredHoldsAsync()
    {
        var now = clock.GetUtcNow();
        var due = _state.Booths.Where(b => b.Value is { Status: BoothStatus.Held } && b.Value.HoldExpiresAt <= now)
            .Select(b => (b.Key, b.Value.HoldId!)).ToList();
        var released = await Task.WhenAll(due.Select(d => ExpireHoldAsync(d.Key, d.Item2)));
        return released.Count(r => r);
    }

    public Task<ImmutableArray<string>> BoothsOfAsync(string producerId) =>
        Task.FromResult(_committed.Booths.Where(b => b.Value.ProducerId == producerId).Select(b => b.Key).Order(StringComparer.Ordinal).ToImmutableArray());

    private BoothView? Remembered(string? key)
    {
        if (key is null)
        {
            return null;
        }

        return !_keyIndex.TryGetValue(key, out var found) || !_specs.TryGetValue(found.BoothCode, out var spec) ? null : ToView(spec, found.Slot);
    }

    /// <summary>An idempotent repeat: records the key (when new) so later retries answer the same, without a new event.</summary>
    private async Task<BoothView> RememberAsync(string? key, string boothCode, BoothSlot slot, BoothSpec spec)
    {
        if (key is not null && Remembered(key) is null)
        {
            var keyed = new KeyedResult(key, boothCode, slot);
            await CommitAsync(_state with { Keys = AddKey(_state.Keys, keyed) }, null, addedKey: keyed);
        }
        else
        {
            await DurableAsync(boothCode, key);
        }

        return ToView(spec, slot);
    }

    /// <summary>
    /// A repeat is answered from memory, which may hold a change of that booth (or that key) still being written:
    /// wait until it is durable, so a retry is never told "done" about a change a failing write could still undo.
    /// </summary>
    private async Task<BoothView> RepeatAsync(BoothSpec spec, BoothSlot slot)
    {
        await DurableAsync(spec.Code);
        return ToView(spec, slot);
    }

    private Task DurableAsync(string boothCode, string? key = null)
    {
        var boothDurable = Equals(_state.Booths.GetValueOrDefault(boothCode), _committed.Booths.GetValueOrDefault(boothCode));
        var keyDurable = key is null || (!_committed.Keys.IsDefault && _committed.Keys.Any(k => k.Key == key));
        return boothDurable && keyDurable ? Task.CompletedTask : CommitAsync(_state, null);
    }

    private async Task<BoothView> ChangeAsync(string boothCode, BoothSlot slot, string? key)
    {
        var booths = slot.Status == BoothStatus.Free ? _state.Booths.Remove(boothCode) : _state.Booths.SetItem(boothCode, slot);
        var evt = NextEvent(EventTypes.BoothChanged, boothCode, slot, null);
        var keyed = key is null ? null : new KeyedResult(key, boothCode, slot);
        await CommitAsync(Append(_state with { Booths = booths }, evt, keyed), evt, boothCode, keyed);
        return ToView(_specs[boothCode], slot);
    }

    private LiveEvent NextEvent(string type, string? boothCode, BoothSlot? slot, FairSummary? fair) =>
        new(_state.Version + 1, clock.GetUtcNow(), type, boothCode, slot, fair);

    private static FloorLiveState Append(FloorLiveState s, LiveEvent evt, KeyedResult? keyed) =>
        s with
        {
            Version = evt.Version,
            Backlog = AddBounded(s.Backlog, evt, BacklogSize),
            Keys = keyed is null ? s.Keys : AddKey(s.Keys, keyed),
        };

    private static ImmutableArray<KeyedResult> AddKey(ImmutableArray<KeyedResult> keys, KeyedResult keyed) => AddBounded(keys, keyed, KeyMemory);

    /// <summary>
    /// <paramref name="items"/> with <paramref name="item"/> at the end and at most <paramref name="max"/> long, the
    /// oldest dropping out at the front. One new array: a hold appends to both the backlog and the keys, and removing
    /// then adding copied each of them twice.
    /// </summary>
    private static ImmutableArray<T> AddBounded<T>(ImmutableArray<T> items, T item, int max)
    {
        items = items.IsDefault ? [] : items;
        if (items.Length < max)
        {
            return items.Add(item);
        }

        var next = ImmutableArray.CreateBuilder<T>(max);
        next.AddRange(items.AsSpan()[(items.Length - max + 1)..]);
        next.Add(item);
        return next.MoveToImmutable();
    }

    /// <summary>
    /// Makes <paramref name="next"/> the state and waits until a write that contains it succeeded. Callers name the one
    /// booth and the one key they changed, if so, which keeps the indexes current without a rebuild.
    /// </summary>
    private Task CommitAsync(FloorLiveState next, LiveEvent? evt, string? changedBooth = null, KeyedResult? addedKey = null)
    {
        Become(next, changedBooth, addedKey);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Add((done, evt!));
        if (_flusher is null || _flusher.IsCompleted)
        {
            _flusher = FlushAsync();
        }

        return done.Task;
    }

    private async Task FlushAsync()
    {
        while (_pending.Count > 0)
        {
            // Let the calls already queued for this activation make their changes first, so they join this write rather
            // than wait for the next: without this, a write of one change often slipped in between two large ones.
            await Task.Yield();
            if (_writing.Count >= _writesInFlight)
            {
                // Every slot is taken: wait for the oldest write's answer (its completion never throws), gathering more.
                await _writing.Peek().Completed;
                continue;
            }

            if (_pending.Count == 0)
            {
                break;
            }

            var write = new Write(_pending, _failures);
            _pending = [];
            var written = _state;
            var delta = FloorDelta.Between(_sent, written, _touched);
            _touched = new(StringComparer.Ordinal);
            var started = clock.GetTimestamp();
            var save = delta.IsEmpty ? Task.CompletedTask : store.SaveAsync(FairId, _sent.Version, _sentWrite, delta);
            var writeId = delta.IsEmpty ? _sentWrite : delta.WriteId;
            _sent = written;
            _sentWrite = writeId;
            var previous = _writing.Count > 0 ? _writing.Last().Completed : Task.CompletedTask;
            _writing.Enqueue(write);
            write.Completed = CompleteAsync(write, previous, save, written, writeId, started, delta.IsEmpty ? null : delta.Booths.Count);
        }
    }

    /// <summary>
    /// Waits for the write before this one to be answered, then for this one; makes it the committed state, publishes
    /// its events and answers its callers. Never throws: a failure undoes everything not written and fails its callers.
    /// <paramref name="booths"/> is null when nothing needed writing (callers waiting for earlier changes to be durable).
    /// </summary>
    private async Task CompleteAsync(Write write, Task previous, Task save, FloorLiveState written, Guid? writeId, long started, int? booths)
    {
        await previous;
        try
        {
            await save;
        }
        catch (Exception ex)
        {
            if (write.Failures == _failures)
            {
                Fail(ex);
            }

            return;
        }

        if (write.Failures != _failures)
        {
            return; // a write before this one failed, and this one's callers have their error
        }

        if (booths is { } count)
        {
            LogCommitted(logger, FairId, write.Batch.Count, count, clock.GetElapsedTime(started).TotalMilliseconds);
        }

        _writing.Dequeue();
        _committed = written;
        _committedWrite = writeId;
        var events = write.Batch.Where(b => b.Event is not null).Select(b => ToFairEvent(b.Event)).ToImmutableArray();
        if (events.Length > 0)
        {
            await PublishAsync(events);
        }

        foreach (var (done, _) in write.Batch)
        {
            done.TrySetResult();
        }
    }

    /// <summary>
    /// Undoes every change that is not durable and fails its caller, and has the grain reload from storage on the next
    /// call. The writes sent after the failed one cannot land: each builds on the one before.
    /// </summary>
    private void Fail(Exception ex)
    {
        _failures++;
        ResetToCommitted();
        foreach (var (done, _) in _writing.SelectMany(w => w.Batch).Concat(_pending))
        {
            done.TrySetException(ex);
        }

        _writing.Clear();
        _pending = [];
        LogWriteFailed(logger, ex, FairId);
        DeactivateOnIdle();
    }

    private sealed class Write(List<(TaskCompletionSource Done, LiveEvent Event)> batch, int failures)
    {
        public List<(TaskCompletionSource Done, LiveEvent Event)> Batch { get; } = batch;

        /// <summary>How many writes had failed when this one was sent.</summary>
        public int Failures { get; } = failures;

        public Task Completed { get; set; } = Task.CompletedTask;
    }

    /// <summary>
    /// Hands a commit's events to every node's hub observer, in commit order (the flusher publishes one commit at a
    /// time). Straight from here rather than through the push grain: under a rush every hop waits its turn on a busy
    /// thread pool. Never throws: the events are durable already, and clients catch up when they rejoin.
    /// </summary>
    private async Task PublishAsync(ImmutableArray<FairEvent> events)
    {
        try
        {
            foreach (var observer in await (_hubs ??= new HubObservers(grains, clock)).GetAsync())
            {
                observer.OnFairEventsAsync(events).Ignore();
            }
        }
        catch (Exception ex)
        {
            LogPublishFailed(logger, ex, FairId);
        }
    }

    /// <summary>
    /// Sets the state and brings <see cref="_boothsOf"/> and <see cref="_keyIndex"/> along: by the one booth and key
    /// named when that is all that changed (a key may also push the oldest out), by a rebuild otherwise.
    /// </summary>
    private void Become(FloorLiveState next, string? changedBooth, KeyedResult? addedKey)
    {
        var previous = _state;
        _state = next;
        if (!ReferenceEquals(previous.Booths, next.Booths))
        {
            if (changedBooth is not null)
            {
                Count(previous.Booths.GetValueOrDefault(changedBooth), -1);
                Count(next.Booths.GetValueOrDefault(changedBooth), +1);
                _touched?.Add(changedBooth);
            }
            else
            {
                CountAll();
                _touched = null;
            }
        }

        var before = previous.Keys.IsDefault ? [] : previous.Keys;
        var after = next.Keys.IsDefault ? [] : next.Keys;
        if (before == after)
        {
            return;
        }

        if (addedKey is not null && after.Length > 0 && ReferenceEquals(after[^1], addedKey))
        {
            if (before.Length > 0 && !ReferenceEquals(after[0], before[0]))
            {
                _keyIndex.Remove(before[0].Key);
            }

            _keyIndex[addedKey.Key] = addedKey;
        }
        else
        {
            IndexKeys();
        }
    }

    /// <summary>Goes back to the durable state after a load or a failed write, rebuilding the indexes: nothing is touched.</summary>
    private void ResetToCommitted()
    {
        _state = _committed;
        _sent = _committed;
        _sentWrite = _committedWrite;
        _touched = new(StringComparer.Ordinal);
        CountAll();
        IndexKeys();
    }

    private void CountAll()
    {
        _boothsOf.Clear();
        foreach (var slot in _state.Booths.Values)
        {
            Count(slot, +1);
        }
    }

    private void IndexKeys()
    {
        _keyIndex.Clear();
        foreach (var keyed in _state.Keys.IsDefault ? [] : _state.Keys)
        {
            _keyIndex[keyed.Key] = keyed;
        }
    }

    private void Count(BoothSlot? slot, int by)
    {
        if (slot?.ProducerId is not { } producer)
        {
            return;
        }

        var count = _boothsOf.GetValueOrDefault(producer) + by;
        if (count > 0) _boothsOf[producer] = count;
        else _boothsOf.Remove(producer);
    }

    private void ScheduleExpiry(string boothCode, BoothSlot slot) =>
        boothEvents.ScheduleExpiryAsync(FairId, boothCode, slot.HoldId!, slot.HoldExpiresAt!.Value)
            .ContinueWith(t => LogScheduleFailed(logger, t.Exception!, FairId, boothCode), CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Current);

    private void IndexPlan() =>
        _specs = (plan.State.Plan.Booths.IsDefault ? [] : plan.State.Plan.Booths).ToDictionary(b => b.Code, StringComparer.Ordinal);

    private BoothSpec FindBooth(string code) =>
        _specs.TryGetValue(code, out var spec)
            ? spec
            : throw DomainException.NotFound("booth.notFound", $"Booth {code} is not on the floor plan of fair {FairId}.");

    private BoothSlot Slot(string code) => _state.Booths.GetValueOrDefault(code) ?? BoothSlot.Free;

    private FairEvent ToFairEvent(LiveEvent e) =>
        new(FairId, e.Version, e.Type, e.At,
            e.BoothCode is { } code ? ToView(_specs.GetValueOrDefault(code) ?? Removed(code), e.Slot ?? BoothSlot.Free) : null,
            e.Fair);

    private static BoothSpec Removed(string code) => new(code, string.Empty, BoothType.Standard, 0, 0, 0, 0, 0, 0, []);

    private static BoothView ToView(BoothSpec b, BoothSlot s) =>
        new(b.Code, b.Zone, b.Type, b.AreaM2, b.PriceVnd, b.X, b.Y, b.W, b.H, s.Status, s.ProducerId, s.ProducerName, s.HoldExpiresAt,
            b.Amenities.IsDefault ? [] : b.Amenities);

    private FloorView Floor()
    {
        var p = plan.State.Plan;
        var booths = (p.Booths.IsDefault ? [] : p.Booths);
        var (w, h) = FloorPlans.Extent(booths);
        var view = booths.Select(b => ToView(b, _committed.Booths.GetValueOrDefault(b.Code) ?? BoothSlot.Free)).ToImmutableArray();
        return new FloorView(FairId, _committed.Version, w, h, p.Zones.IsDefault ? [] : p.Zones, view);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fair {FairId}: hold on booth {BoothCode} by {ProducerId} expired")]
    private static partial void LogExpired(ILogger logger, string fairId, string boothCode, string producerId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Fair {FairId}: a floor write failed; pending changes were undone")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string fairId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fair {FairId}: could not schedule the expiry of the hold on {BoothCode}; the sweep will release it")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception, string fairId, string boothCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fair {FairId}: could not reach the hub directory; these events were not pushed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string fairId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Floor {FairId}: group commit of {Calls} calls, {Booths} booths in {Ms:F1} ms")]
    private static partial void LogCommitted(ILogger logger, string fairId, int calls, int booths, double ms);
}
