using System.Collections.Immutable;

namespace OcopFairs.Abstractions;

/// <summary>The kinds organisers count buyers by.</summary>
public enum BuyerKind { Supermarket, CleanFoodStore, Exporter, ECommerce, Distributor, Restaurant, Other }

/// <summary>A buyer organisation, the people it sends to a fair, and what it sources.</summary>
[GenerateSerializer, Immutable, Alias("ocop.BuyerProfile")]
public sealed record BuyerProfile(
    [property: Id(0)] string Organisation,
    [property: Id(1)] BuyerKind Kind,
    [property: Id(2)] string? Province,
    [property: Id(3)] string? Contact,
    [property: Id(4)] ImmutableArray<Representative> Representatives,
    [property: Id(5)] ImmutableArray<SourcingNeed> Needs);

[GenerateSerializer, Immutable, Alias("ocop.Representative")]
public sealed record Representative(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Phone);

/// <summary>
/// One thing a buyer sources: words that name it, the OCOP groups it belongs to (empty: any), the least stars, the
/// certifications it must carry, how much a month, the price it pays per unit, and where it is sold (Vietnamese
/// provinces, or export countries as ISO 3166 codes).
/// </summary>
[GenerateSerializer, Immutable, Alias("ocop.SourcingNeed")]
public sealed record SourcingNeed(
    [property: Id(0)] string NeedId,
    [property: Id(1)] ImmutableArray<string> Keywords,
    [property: Id(2)] ImmutableArray<ProductGroup> Groups,
    [property: Id(3)] int MinStars,
    [property: Id(4)] ImmutableArray<string> Certifications,
    [property: Id(5)] Quantity? QuantityPerMonth,
    [property: Id(6)] PriceBand? PriceBandVnd,
    [property: Id(7)] ImmutableArray<string> Markets);

/// <summary>What a buyer pays, in VND per <see cref="Per"/> (a unit code); either end may be open.</summary>
[GenerateSerializer, Immutable, Alias("ocop.PriceBand")]
public sealed record PriceBand(
    [property: Id(0)] long? Min,
    [property: Id(1)] long? Max,
    [property: Id(2)] string Per);
