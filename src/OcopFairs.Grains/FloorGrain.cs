using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using Orleans.Concurrency;

namespace OcopFairs.Grains;

/// <summary>
/// The floor of one fair [fairId]: its plan and rules, who holds which booth, and every watched change sequenced into
/// one gap-free fair version. Each call loads nothing (the floor is in memory), asks <see cref="BoothRules"/>, commits
/// the answer through <see cref="GroupCommit"/> and publishes it once durable. Reentrant on purpose: a call decides and
/// applies its change without awaiting in between, then awaits the group commit, so a booth rush costs one write per
/// batch. Plan and rules go through the same commits as holds: a hold decided under a new plan or new rules is
/// written after them, or undone with them.
/// </summary>
[Reentrant]
public sealed partial class FloorGrain(
    IFloorStore store,
    IGrainFactory grains,
    IBoothEvents boothEvents,
    TimeProvider clock,
    IOptions<FloorOptions> options,
    ILogger<FloorGrain> logger) : Grain, IFloorGrain
{
    public const int BacklogSize = FloorBacklog.Size;

    public const int KeyMemory = FloorBacklog.KeyMemory;

    private readonly LiveFloor _floor = new();
    private GroupCommit _commits = null!;
    private HubObservers? _hubs;

    private string FairId => this.GetPrimaryKeyString();

    private FloorLiveState State => _floor.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _commits = new GroupCommit(_floor, store, FairId, options.Value.WritesInFlight, PublishAsync, DeactivateOnIdle, clock, logger);
        _commits.Loaded(await store.LoadAsync(FairId, BacklogSize, KeyMemory) ?? new FloorLiveState());

        // Holds written before a crash may have lost their expiry job: schedule them again (a duplicate job does nothing).
        foreach (var (code, slot) in State.Booths.Where(b => b.Value is { Status: BoothStatus.Held, HoldId: not null, HoldExpiresAt: not null }))
        {
            ScheduleExpiry(code, slot);
        }
    }

    public async Task<FloorView> SetPlanAsync(FloorPlan next, FairSummary summary)
    {
        if (BoothRules.PlanChange(State.Booths, next) is { } refusal)
        {
            throw refusal.ToException();
        }

        var kept = next.Booths.Select(b => b.Code).ToHashSet(StringComparer.Ordinal);
        var evt = NextEvent(EventTypes.FairChanged, fair: summary);
        var booths = State.Booths.Where(b => kept.Contains(b.Key)).ToImmutableDictionary(StringComparer.Ordinal);
        await _commits.CommitAsync(FloorBacklog.Append(State with { Plan = next, Booths = booths }, [evt]), [evt]);
        return Floor();
    }

    public async Task SetRulesAsync(FloorRules rules)
    {
        if (State.Rules != rules)
        {
            await _commits.CommitAsync(State with { Rules = rules }, []);
        }
        else
        {
            await _commits.DurableAsync();
        }
    }

    public Task RecordFairChangedAsync(FairSummary summary)
    {
        var evt = NextEvent(EventTypes.FairChanged, fair: summary);
        return _commits.CommitAsync(FloorBacklog.Append(State, [evt]), [evt]);
    }

    public Task<FloorView> GetFloorAsync() => Task.FromResult(Floor());

    public Task<FairChanges> GetChangesSinceAsync(long sinceVersion)
    {
        // Only what is durable is shown: a reader never sees a change that a failed write could still undo.
        var s = _commits.Committed;
        return Task.FromResult(FloorBacklog.Since(s, sinceVersion) is { } events
            ? new FairChanges(FairId, Math.Min(sinceVersion, s.Version), s.Version, [.. events.Select(ToFairEvent)], null)
            : new FairChanges(FairId, sinceVersion, s.Version, null, Floor()));
    }

    public async Task<FairBoard> PublishBoardAsync(FairBoard board, ImmutableArray<DealAnnouncement> signed)
    {
        // One version per signing, then the board at the version after them: a watcher applies them in order.
        var at = clock.GetUtcNow();
        var events = new List<LiveEvent>(signed.IsDefault ? 1 : signed.Length + 1);
        foreach (var deal in signed.IsDefault ? [] : signed)
        {
            events.Add(new LiveEvent(State.Version + events.Count + 1, at, EventTypes.DealSigned, null, null, null, Deal: deal));
        }

        var stamped = board with { Version = State.Version + events.Count + 1, Booths = CountBooths(State) };
        events.Add(new LiveEvent(stamped.Version, at, EventTypes.BoardChanged, null, null, null, Board: stamped));
        await _commits.CommitAsync(FloorBacklog.Append(State, events), events);
        return stamped;
    }

    public Task<FairBoard> StampBoardAsync(FairBoard board)
    {
        var committed = _commits.Committed;
        return Task.FromResult(board with { Version = committed.Version, Booths = CountBooths(committed) });
    }

    /// <summary>The plan's booths by status: free are those nobody holds and that are not blocked.</summary>
    private static BoardBooths CountBooths(FloorLiveState s)
    {
        int held = 0, confirmed = 0, blocked = 0;
        foreach (var slot in s.Booths.Values)
        {
            switch (slot.Status)
            {
                case BoothStatus.Held: held++; break;
                case BoothStatus.Confirmed: confirmed++; break;
                case BoothStatus.Blocked: blocked++; break;
            }
        }

        var total = s.Plan.Booths.IsDefault ? 0 : s.Plan.Booths.Length;
        return new BoardBooths(Math.Max(0, total - held - confirmed - blocked), held, confirmed);
    }

    public async Task<BoothView> HoldAsync(string boothCode, Holder holder, string? idempotencyKey)
    {
        if (await RepeatOfAsync(idempotencyKey) is { } earlier)
        {
            return earlier;
        }

        var decision = BoothRules.Hold(_floor.Facts(boothCode, holder.ProducerId), holder, clock.GetUtcNow(), Guid.NewGuid().ToString("N"));
        var view = await ApplyAsync(boothCode, decision, idempotencyKey);
        if (decision is BoothDecision.Change { Next: var held })
        {
            ScheduleExpiry(boothCode, held);
        }

        return view;
    }

    public async Task<BoothView> ConfirmAsync(string boothCode, string producerId, string? idempotencyKey) =>
        await RepeatOfAsync(idempotencyKey) ?? await ApplyAsync(boothCode, BoothRules.Confirm(_floor.Facts(boothCode), producerId), idempotencyKey);

    public Task<BoothView> ReleaseAsync(string boothCode, string producerId) =>
        ApplyAsync(boothCode, BoothRules.Release(_floor.Facts(boothCode), producerId), null, BoothNoticeKind.Released);

    public async Task<BoothView> AssignAsync(string boothCode, Holder holder, string? overrideReason, string? idempotencyKey) =>
        await RepeatOfAsync(idempotencyKey)
        ?? await ApplyAsync(boothCode, BoothRules.Assign(_floor.Facts(boothCode, holder.ProducerId), holder, overrideReason), idempotencyKey);

    public Task<BoothView> UnassignAsync(string boothCode) => ApplyAsync(boothCode, BoothRules.Unassign(_floor.Facts(boothCode)), null);

    public Task<BoothView> BlockAsync(string boothCode) => ApplyAsync(boothCode, BoothRules.Block(_floor.Facts(boothCode)), null);

    public Task<BoothView> UnblockAsync(string boothCode) => ApplyAsync(boothCode, BoothRules.Unblock(_floor.Facts(boothCode)), null);

    public async Task<bool> ExpireHoldAsync(string boothCode, string holdId)
    {
        var slot = _floor.Slot(boothCode);
        if (BoothRules.Expire(_floor.Facts(boothCode), holdId, clock.GetUtcNow()) is not BoothDecision.Change)
        {
            return false;
        }

        await ChangeAsync(boothCode, BoothSlot.Free, null, BoothNoticeKind.Expired);
        LogExpired(logger, FairId, boothCode, slot.ProducerId!);
        return true;
    }

    public async Task<int> SweepExpiredHoldsAsync()
    {
        var now = clock.GetUtcNow();
        var due = State.Booths.Where(b => b.Value is { Status: BoothStatus.Held } && b.Value.HoldExpiresAt <= now)
            .Select(b => (b.Key, b.Value.HoldId!)).ToList();
        var released = await Task.WhenAll(due.Select(d => ExpireHoldAsync(d.Key, d.Item2)));
        return released.Count(r => r);
    }

    public Task<ImmutableArray<string>> BoothsOfAsync(string producerId) =>
        Task.FromResult(_commits.Committed.Booths.Where(b => b.Value.ProducerId == producerId).Select(b => b.Key).Order(StringComparer.Ordinal).ToImmutableArray());

    public async Task<AllocationOutcome> AllocateAsync(ImmutableArray<AllocationCandidate> candidates, bool dryRun, string? idempotencyKey)
    {
        if (!dryRun && _floor.Remembered(idempotencyKey) is { Allocation: { } earlier })
        {
            await _commits.DurableAsync(key: idempotencyKey);
            return earlier;
        }

        if (BoothRules.AllocatedByOrganiser(State.Rules) is { } refusal)
        {
            throw refusal.ToException();
        }

        var outcome = Allocation.ForFloor(State.Plan, State.Booths, candidates, dryRun);
        if (dryRun)
        {
            return outcome;
        }

        // One commit for the whole allocation and its key: a retry finds the key, or finds none of it applied.
        var names = candidates.ToDictionary(c => c.Holder.ProducerId, c => c.Holder.ProducerName, StringComparer.Ordinal);
        var next = State;
        var events = new List<LiveEvent>();
        foreach (var a in outcome.Assignments)
        {
            var slot = new BoothSlot(BoothStatus.Confirmed, a.ProducerId, names[a.ProducerId], null, null);
            next = next with { Booths = next.Booths.SetItem(a.BoothCode, slot) };
            events.Add(new LiveEvent(next.Version + events.Count + 1, clock.GetUtcNow(), EventTypes.BoothChanged, a.BoothCode, slot, null));
        }

        var keyed = idempotencyKey is null ? null : new KeyedResult(idempotencyKey, string.Empty, BoothSlot.Free) { Allocation = outcome };
        await _commits.CommitAsync(FloorBacklog.Append(next, events, keyed), events, addedKey: keyed);
        foreach (var e in events)
        {
            Notify(new BoothNotice(FairId, e.Version, e.BoothCode!, _floor.Spec(e.BoothCode!)?.Zone, BoothNoticeKind.Assigned, e.Slot!.ProducerId!, null));
        }

        return outcome;
    }

    /// <summary>What the key answered before, once that is durable; null for a request not seen yet.</summary>
    private async Task<BoothView?> RepeatOfAsync(string? key)
    {
        if (_floor.Remembered(key) is not { } earlier || _floor.Spec(earlier.BoothCode) is not { } spec)
        {
            return null;
        }

        await _commits.DurableAsync(earlier.BoothCode, key);
        return ToView(spec, earlier.Slot);
    }

    /// <summary>Carries out a rule's decision: a refusal is thrown, a repeat answered once durable, a change committed.</summary>
    private async Task<BoothView> ApplyAsync(string boothCode, BoothDecision decision, string? key, BoothNoticeKind lost = BoothNoticeKind.Unassigned)
    {
        switch (decision)
        {
            case BoothDecision.Refused { Refusal: var refusal }:
                throw refusal.ToException();
            case BoothDecision.Change { Next: var next }:
                return await ChangeAsync(boothCode, next, key, lost);
        }

        var slot = ((BoothDecision.Unchanged)decision).Current;
        if (key is not null && _floor.Remembered(key) is null)
        {
            var keyed = new KeyedResult(key, boothCode, slot);
            await _commits.CommitAsync(FloorBacklog.Remember(State, keyed), [], addedKey: keyed);
        }
        else
        {
            await _commits.DurableAsync(boothCode, key);
        }

        return ToView(_floor.Spec(boothCode)!, slot);
    }

    /// <param name="lost">What a producer who had the booth before and has it no more is told happened.</param>
    private async Task<BoothView> ChangeAsync(string boothCode, BoothSlot slot, string? key, BoothNoticeKind lost = BoothNoticeKind.Unassigned)
    {
        var before = _floor.Slot(boothCode);
        var booths = slot.Status == BoothStatus.Free ? State.Booths.Remove(boothCode) : State.Booths.SetItem(boothCode, slot);
        var evt = NextEvent(EventTypes.BoothChanged, boothCode, slot);
        var keyed = key is null ? null : new KeyedResult(key, boothCode, slot);
        await _commits.CommitAsync(FloorBacklog.Append(State with { Booths = booths }, [evt], keyed), [evt], boothCode, keyed);

        // Durable now: tell whoever lost the booth and whoever has it (or has it on new terms).
        var zone = _floor.Spec(boothCode)?.Zone;
        if (before.ProducerId is { } previous && previous != slot.ProducerId)
        {
            Notify(new BoothNotice(FairId, evt.Version, boothCode, zone, lost, previous, null));
        }

        if (slot.ProducerId is { } holder && (holder != before.ProducerId || slot.Status != before.Status))
        {
            var kind = slot.Status == BoothStatus.Held ? BoothNoticeKind.Held
                : holder == before.ProducerId ? BoothNoticeKind.Confirmed
                : BoothNoticeKind.Assigned;
            Notify(new BoothNotice(FairId, evt.Version, boothCode, zone, kind, holder, slot.HoldExpiresAt));
        }

        return ToView(_floor.Spec(boothCode)!, slot);
    }

    /// <summary>Hands a durable change to the producer's inbox without holding up the caller; a lost notice is logged.</summary>
    private void Notify(BoothNotice notice) =>
        boothEvents.BoothChangedAsync(notice)
            .ContinueWith(t => LogNoticeFailed(logger, t.Exception!, FairId, notice.BoothCode), CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Current);

    private LiveEvent NextEvent(string type, string? boothCode = null, BoothSlot? slot = null, FairSummary? fair = null) =>
        new(State.Version + 1, clock.GetUtcNow(), type, boothCode, slot, fair);

    /// <summary>
    /// Hands a commit's events to every node's hub observer, in commit order (the group commit publishes one commit at a
    /// time). Straight from here rather than through the push grain: under a rush every hop waits its turn on a busy
    /// thread pool. Never throws: the events are durable already, and clients catch up when they rejoin.
    /// </summary>
    private async Task PublishAsync(IReadOnlyList<LiveEvent> events)
    {
        try
        {
            var fairEvents = events.Select(ToFairEvent).ToImmutableArray();
            foreach (var observer in await (_hubs ??= new HubObservers(grains, clock)).GetAsync())
            {
                observer.OnFairEventsAsync(fairEvents).Ignore();
            }
        }
        catch (Exception ex)
        {
            LogPublishFailed(logger, ex, FairId);
        }
    }

    private void ScheduleExpiry(string boothCode, BoothSlot slot) =>
        boothEvents.ScheduleExpiryAsync(FairId, boothCode, slot.HoldId!, slot.HoldExpiresAt!.Value)
            .ContinueWith(t => LogScheduleFailed(logger, t.Exception!, FairId, boothCode), CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Current);

    private FairEvent ToFairEvent(LiveEvent e) =>
        new(FairId, e.Version, e.Type, e.At,
            e.BoothCode is { } code ? ToView(_floor.Spec(code) ?? Removed(code), e.Slot ?? BoothSlot.Free) : null,
            e.Fair, e.Board, e.Deal);

    private static BoothSpec Removed(string code) => new(code, string.Empty, BoothType.Standard, 0, 0, 0, 0, 0, 0, []);

    private static BoothView ToView(BoothSpec b, BoothSlot s) =>
        new(b.Code, b.Zone, b.Type, b.AreaM2, b.PriceVnd, b.X, b.Y, b.W, b.H, s.Status, s.ProducerId, s.ProducerName, s.HoldExpiresAt,
            b.Amenities.IsDefault ? [] : b.Amenities)
        {
            OverrideReason = s.OverrideReason,
        };

    /// <summary>The durable floor: its plan and occupation as last written.</summary>
    private FloorView Floor()
    {
        var committed = _commits.Committed;
        var booths = committed.Plan.Booths.IsDefault ? [] : committed.Plan.Booths;
        var (w, h) = FloorPlans.Extent(booths);
        var view = booths.Select(b => ToView(b, committed.Booths.GetValueOrDefault(b.Code) ?? BoothSlot.Free)).ToImmutableArray();
        return new FloorView(FairId, committed.Version, w, h, committed.Plan.Zones.IsDefault ? [] : committed.Plan.Zones, view);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fair {FairId}: hold on booth {BoothCode} by {ProducerId} expired")]
    private static partial void LogExpired(ILogger logger, string fairId, string boothCode, string producerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fair {FairId}: could not schedule the expiry of the hold on {BoothCode}; the sweep will release it")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception, string fairId, string boothCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fair {FairId}: could not tell the producer about the change to booth {BoothCode}")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception, string fairId, string boothCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fair {FairId}: could not reach the hub directory; these events were not pushed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string fairId);
}
