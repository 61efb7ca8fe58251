using System.Collections.Immutable;

namespace OcopFairs.Abstractions;

/// <summary>The fair's rules the floor enforces on booth holds.</summary>
[GenerateSerializer, Immutable, Alias("ocop.FloorRules")]
public sealed record FloorRules(
    [property: Id(0)] FairStatus Status,
    [property: Id(1)] int BoothsPerProducer,
    [property: Id(2)] int HoldMinutes,
    [property: Id(3)] AllocationMode AllocationMode);

/// <summary>
/// Who asks for a booth: the producer, the product groups it exhibits at this fair and where its application stands
/// (null: it has none). The booth rules decide from these facts; the caller gathers them.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocop.Holder")]
public sealed record Holder(
    [property: Id(0)] string ProducerId,
    [property: Id(1)] string ProducerName,
    [property: Id(2)] ImmutableArray<ProductGroup> Groups,
    [property: Id(3)] ApplicationStatus? Application);

/// <summary>A booth's occupation; booths absent from the floor's map are free.</summary>
[GenerateSerializer, Immutable, Alias("ocop.BoothSlot")]
public sealed record BoothSlot(
    [property: Id(0)] BoothStatus Status,
    [property: Id(1)] string? ProducerId,
    [property: Id(2)] string? ProducerName,
    [property: Id(3)] DateTimeOffset? HoldExpiresAt,
    [property: Id(4)] string? HoldId)
{
    public static readonly BoothSlot Free = new(BoothStatus.Free, null, null, null, null);

    /// <summary>
    /// Set when the organiser placed the producer against a booth rule (not approved, zone, limit), with the reason they
    /// gave; shown on the map and in the review queue.
    /// </summary>
    [Id(5)] public string? OverrideReason { get; init; }
}

/// <summary>
/// A fair's floor and live view [fairId]: booth occupation, and every watched change sequenced into one gap-free
/// fair version with a bounded backlog for resync. Booth changes are committed in batches (group commit), so a
/// booth rush costs one write per batch rather than one per hold.
/// </summary>
public interface IFloorGrain : IGrainWithStringKey
{
    /// <summary>Replaces the plan; refused while a booth that would disappear is held or confirmed.</summary>
    Task<FloorView> SetPlanAsync(FloorPlan plan, FairSummary summary);

    Task SetRulesAsync(FloorRules rules);

    /// <summary>Sequences a fair-level change (details, status) into the event stream.</summary>
    Task RecordFairChangedAsync(FairSummary summary);

    Task<FloorView> GetFloorAsync();

    Task<FairChanges> GetChangesSinceAsync(long sinceVersion);

    /// <summary>
    /// Sequences the fair board's news into the fair's stream: a <c>DealSigned</c> per signing, then one
    /// <c>BoardChanged</c> carrying <paramref name="board"/> with its booths counted here and the version it got.
    /// Answers the board as pushed, once durable.
    /// </summary>
    Task<FairBoard> PublishBoardAsync(FairBoard board, ImmutableArray<DealAnnouncement> signed);

    /// <summary><paramref name="board"/> with the booths as durable now and the fair's durable version (no event).</summary>
    Task<FairBoard> StampBoardAsync(FairBoard board);

    /// <summary>An approved exhibitor holds a free booth in a compatible zone, within the fair's limit.</summary>
    Task<BoothView> HoldAsync(string boothCode, Holder holder, string? idempotencyKey);

    Task<BoothView> ConfirmAsync(string boothCode, string producerId, string? idempotencyKey);

    Task<BoothView> ReleaseAsync(string boothCode, string producerId);

    /// <summary>
    /// The organiser places a producer on a booth, confirmed, under the hold's rules; with an override reason, a refusal
    /// the organiser may override (not approved, zone, limit) becomes an override the booth carries.
    /// </summary>
    Task<BoothView> AssignAsync(string boothCode, Holder holder, string? overrideReason, string? idempotencyKey);

    Task<BoothView> UnassignAsync(string boothCode);

    Task<BoothView> BlockAsync(string boothCode);

    Task<BoothView> UnblockAsync(string boothCode);

    /// <summary>Releases the hold if it is still the same hold and its time is up; true when it released it.</summary>
    Task<bool> ExpireHoldAsync(string boothCode, string holdId);

    /// <summary>Releases every hold whose time is up (the safety net behind the per-hold jobs).</summary>
    Task<int> SweepExpiredHoldsAsync();

    /// <summary>Booth codes the producer holds or has confirmed.</summary>
    Task<ImmutableArray<string>> BoothsOfAsync(string producerId);

    /// <summary>
    /// Allocates the free booths to the candidates not yet placed (Organiser-mode fairs). A dry run changes nothing;
    /// otherwise every placement is confirmed in one commit together with the Idempotency-Key, so a retry answers the
    /// first outcome and changes nothing.
    /// </summary>
    Task<AllocationOutcome> AllocateAsync(ImmutableArray<AllocationCandidate> candidates, bool dryRun, string? idempotencyKey);
}

/// <summary>An approved exhibitor the organiser's automatic allocation may place, with what it decides by.</summary>
[GenerateSerializer, Immutable, Alias("ocop.AllocationCandidate")]
public sealed record AllocationCandidate(
    [property: Id(0)] Holder Holder,
    [property: Id(1)] string District,
    [property: Id(2)] int Stars,
    [property: Id(3)] ImmutableArray<string> PreferredZones,
    [property: Id(4)] ImmutableArray<BoothType> PreferredTypes,
    [property: Id(5)] DateTimeOffset AppliedAt);

/// <summary>A reason code with its values; the server words it in the reader's language.</summary>
[GenerateSerializer, Immutable, Alias("ocop.ReasonCode")]
public sealed record ReasonCode([property: Id(0)] string Code, [property: Id(1)] ImmutableArray<string> Args);

[GenerateSerializer, Immutable, Alias("ocop.AllocationPlacement")]
public sealed record AllocationPlacement(
    [property: Id(0)] string BoothCode, [property: Id(1)] string ProducerId, [property: Id(2)] ImmutableArray<ReasonCode> Reasons);

[GenerateSerializer, Immutable, Alias("ocop.AllocationMiss")]
public sealed record AllocationMiss([property: Id(0)] string ProducerId, [property: Id(1)] ImmutableArray<ReasonCode> Reasons);

/// <summary>What an allocation placed (and, when applied, confirmed on the floor) and whom it could not place, with reasons.</summary>
[GenerateSerializer, Immutable, Alias("ocop.AllocationOutcome")]
public sealed record AllocationOutcome(
    [property: Id(0)] bool DryRun,
    [property: Id(1)] ImmutableArray<AllocationPlacement> Assignments,
    [property: Id(2)] ImmutableArray<AllocationMiss> Unplaced,
    [property: Id(3)] ImmutableDictionary<string, int> DistrictShares);
