using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Grains;

/// <summary>A change in the backlog, compact: booth views are rebuilt from the plan when read.</summary>
[GenerateSerializer, Immutable, Alias("ocop.LiveEvent")]
public sealed record LiveEvent(
    [property: Id(0)] long Version,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Type,
    [property: Id(3)] string? BoothCode,
    [property: Id(4)] BoothSlot? Slot,
    [property: Id(5)] FairSummary? Fair,
    [property: Id(6)] FairBoard? Board = null,
    [property: Id(7)] DealAnnouncement? Deal = null);

/// <summary>
/// What a request with an Idempotency-Key answered, so a retry answers the same: the booth it changed, or for an
/// applied allocation (no booth) its outcome.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocop.KeyedResult")]
public sealed record KeyedResult(
    [property: Id(0)] string Key,
    [property: Id(1)] string BoothCode,
    [property: Id(2)] BoothSlot Slot)
{
    [Id(3)] public AllocationOutcome? Allocation { get; init; }
}

/// <summary>
/// One fair's floor as it is stored: the plan and the fair's rules the floor enforces, the occupation of every booth,
/// the gap-free version, the newest events and the remembered Idempotency-Keys. Plan and rules change through the
/// same commits as the booths, so a hold is never decided under a plan or rules that are not (or not yet) durable.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocop.FloorLiveState")]
public sealed record FloorLiveState
{
    [Id(0)] public ImmutableDictionary<string, BoothSlot> Booths { get; init; } = ImmutableDictionary<string, BoothSlot>.Empty;
    [Id(1)] public long Version { get; init; }
    [Id(2)] public ImmutableArray<LiveEvent> Backlog { get; init; } = [];
    [Id(3)] public ImmutableArray<KeyedResult> Keys { get; init; } = [];

    /// <summary>The store's id of the write that stored this floor, as loaded (null: none, or written before ids).</summary>
    [Id(4)] public Guid? WriteId { get; init; }

    [Id(5)] public FloorPlan Plan { get; init; } = FloorPlan.Empty;

    /// <summary>The fair's rules as the fair grain last told the floor; null until it has.</summary>
    [Id(6)] public FloorRules? Rules { get; init; }
}

/// <summary>Settings of the floor grains (configuration section <c>Floor</c>).</summary>
public sealed class FloorOptions
{
    /// <summary>
    /// Group commits of one floor under way at once (<c>Floor:WritesInFlight</c>). 1, the default, writes one at a
    /// time; 2 sends the next while the one before is being written (for a database across a network, where every
    /// write waits a round trip; on one machine shared with PostgreSQL it gained nothing, docs/PERFORMANCE.md).
    /// </summary>
    public int WritesInFlight { get; set; } = 1;
}
