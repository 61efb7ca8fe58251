using System.Collections.Immutable;

namespace OcopFairs.Abstractions;

/// <summary>The fair's rules the floor enforces on booth holds.</summary>
[GenerateSerializer, Immutable, Alias("ocop.FloorRules")]
public sealed record FloorRules(
    [property: Id(0)] FairStatus Status,
    [property: Id(1)] int BoothsPerProducer,
    [property: Id(2)] int HoldMinutes,
    [property: Id(3)] AllocationMode AllocationMode);

/// <summary>Who asks for a booth: an approved exhibitor and the product groups it exhibits.</summary>
[GenerateSerializer, Immutable, Alias("ocop.Holder")]
public sealed record Holder(
    [property: Id(0)] string ProducerId,
    [property: Id(1)] string ProducerName,
    [property: Id(2)] ImmutableArray<ProductGroup> Groups);

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

    /// <summary>An approved exhibitor holds a free booth in a compatible zone, within the fair's limit.</summary>
    Task<BoothView> HoldAsync(string boothCode, Holder holder, string? idempotencyKey);

    Task<BoothView> ConfirmAsync(string boothCode, string producerId, string? idempotencyKey);

    Task<BoothView> ReleaseAsync(string boothCode, string producerId);

    Task<BoothView> AssignAsync(string boothCode, Holder holder, string? idempotencyKey);

    Task<BoothView> UnassignAsync(string boothCode);

    Task<BoothView> BlockAsync(string boothCode);

    Task<BoothView> UnblockAsync(string boothCode);

    /// <summary>Releases the hold if it is still the same hold and its time is up; true when it released it.</summary>
    Task<bool> ExpireHoldAsync(string boothCode, string holdId);

    /// <summary>Releases every hold whose time is up (the safety net behind the per-hold jobs).</summary>
    Task<int> SweepExpiredHoldsAsync();

    /// <summary>Booth codes the producer holds or has confirmed.</summary>
    Task<ImmutableArray<string>> BoothsOfAsync(string producerId);
}
