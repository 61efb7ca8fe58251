using System.Collections.Immutable;

namespace OcopFairs.Abstractions;

/// <summary>What an organiser fills in to plan a fair. Instants are UTC.</summary>
[GenerateSerializer, Immutable, Alias("ocop.FairDetails")]
public sealed record FairDetails(
    [property: Id(0)] string Name,
    [property: Id(1)] string Venue,
    [property: Id(2)] string Province,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] DateTimeOffset EndsAt,
    [property: Id(6)] DateTimeOffset RegistrationOpensAt,
    [property: Id(7)] DateTimeOffset RegistrationClosesAt,
    [property: Id(8)] int MinStars,
    [property: Id(9)] ImmutableArray<ProductGroup> AcceptedGroups,
    [property: Id(10)] int BoothsPerProducer,
    [property: Id(11)] int HoldMinutes,
    [property: Id(12)] AllocationMode AllocationMode);

/// <summary>
/// A zone of the hall, reserved for some product groups. <see cref="Name"/> is Vietnamese; <see cref="NameEn"/> is the
/// English name, optional (plans stored before it existed have none): readers fall back to <see cref="Name"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocop.Zone")]
public sealed record Zone(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] ImmutableArray<ProductGroup> Groups,
    [property: Id(3)] string? NameEn = null);

/// <summary>A booth as drawn on the floor plan; position and size are in metres.</summary>
[GenerateSerializer, Immutable, Alias("ocop.BoothSpec")]
public sealed record BoothSpec(
    [property: Id(0)] string Code,
    [property: Id(1)] string Zone,
    [property: Id(2)] BoothType Type,
    [property: Id(3)] decimal AreaM2,
    [property: Id(4)] long PriceVnd,
    [property: Id(5)] double X,
    [property: Id(6)] double Y,
    [property: Id(7)] double W,
    [property: Id(8)] double H,
    [property: Id(9)] ImmutableArray<string> Amenities);

[GenerateSerializer, Immutable, Alias("ocop.FloorPlan")]
public sealed record FloorPlan(
    [property: Id(0)] ImmutableArray<Zone> Zones,
    [property: Id(1)] ImmutableArray<BoothSpec> Booths)
{
    /// <summary>A new empty plan each time: a shared instance could be filled in place by a deserializer.</summary>
    public static FloorPlan Empty => new([], []);
}

/// <summary>A booth with its current occupation, as clients see it.</summary>
[GenerateSerializer, Immutable, Alias("ocop.BoothView")]
public sealed record BoothView(
    [property: Id(0)] string Code,
    [property: Id(1)] string Zone,
    [property: Id(2)] BoothType Type,
    [property: Id(3)] decimal AreaM2,
    [property: Id(4)] long PriceVnd,
    [property: Id(5)] double X,
    [property: Id(6)] double Y,
    [property: Id(7)] double W,
    [property: Id(8)] double H,
    [property: Id(9)] BoothStatus Status,
    [property: Id(10)] string? ProducerId,
    [property: Id(11)] string? ProducerName,
    [property: Id(12)] DateTimeOffset? HoldExpiresAt,
    [property: Id(13)] ImmutableArray<string> Amenities)
{
    /// <summary>The organiser's reason when they placed this producer against a booth rule; null otherwise.</summary>
    [Id(14)] public string? OverrideReason { get; init; }
}

/// <summary>The whole floor at one fair version.</summary>
[GenerateSerializer, Immutable, Alias("ocop.FloorView")]
public sealed record FloorView(
    [property: Id(0)] string FairId,
    [property: Id(1)] long Version,
    [property: Id(2)] double Width,
    [property: Id(3)] double Height,
    [property: Id(4)] ImmutableArray<Zone> Zones,
    [property: Id(5)] ImmutableArray<BoothView> Booths);

[GenerateSerializer, Immutable, Alias("ocop.FairView")]
public sealed record FairView(
    [property: Id(0)] string FairId,
    [property: Id(1)] FairDetails Details,
    [property: Id(2)] FairStatus Status,
    [property: Id(3)] long Version,
    [property: Id(4)] int BoothCount,
    [property: Id(5)] string OrganiserId);

/// <summary>A line of the fair directory (the list of fairs).</summary>
[GenerateSerializer, Immutable, Alias("ocop.FairSummary")]
public sealed record FairSummary(
    [property: Id(0)] string FairId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Venue,
    [property: Id(3)] string Province,
    [property: Id(4)] string TimeZone,
    [property: Id(5)] DateTimeOffset StartsAt,
    [property: Id(6)] DateTimeOffset EndsAt,
    [property: Id(7)] FairStatus Status,
    [property: Id(8)] int BoothCount);

/// <summary>A versioned change of a fair, pushed live and kept in a bounded backlog for resync.</summary>
[GenerateSerializer, Immutable, Alias("ocop.FairEvent")]
public sealed record FairEvent(
    [property: Id(0)] string FairId,
    [property: Id(1)] long Version,
    [property: Id(2)] string Type,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] BoothView? Booth,
    [property: Id(5)] FairSummary? Fair,
    [property: Id(6)] FairBoard? Board = null,
    [property: Id(7)] DealAnnouncement? Deal = null);

/// <summary>Either the events after a version, or a snapshot when the backlog no longer reaches back.</summary>
[GenerateSerializer, Immutable, Alias("ocop.FairChanges")]
public sealed record FairChanges(
    [property: Id(0)] string FairId,
    [property: Id(1)] long FromVersion,
    [property: Id(2)] long ToVersion,
    [property: Id(3)] ImmutableArray<FairEvent>? Events,
    [property: Id(4)] FloorView? Snapshot);
