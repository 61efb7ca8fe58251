using OcopFairs.Abstractions;

namespace OcopFairs.Server.Fairs;

public sealed record CreateFairRequest(
    string? Name,
    string? Venue,
    string? Province,
    string? TimeZone,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    DateTimeOffset? RegistrationOpensAt,
    DateTimeOffset? RegistrationClosesAt,
    int? MinStars,
    ProductGroup[]? AcceptedGroups,
    int? BoothsPerProducer,
    int? HoldMinutes,
    AllocationMode? AllocationMode);

public sealed record FairResponse(
    string FairId, string Name, string Venue, string Province, string TimeZone,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset RegistrationOpensAt, DateTimeOffset RegistrationClosesAt,
    int MinStars, IReadOnlyList<ProductGroup> AcceptedGroups, int BoothsPerProducer, int HoldMinutes, AllocationMode AllocationMode,
    FairStatus Status, long Version, int BoothCount, string OrganiserId)
{
    public static FairResponse From(FairView f) => new(
        f.FairId, f.Details.Name, f.Details.Venue, f.Details.Province, f.Details.TimeZone,
        f.Details.StartsAt, f.Details.EndsAt, f.Details.RegistrationOpensAt, f.Details.RegistrationClosesAt,
        f.Details.MinStars, f.Details.AcceptedGroups, f.Details.BoothsPerProducer, f.Details.HoldMinutes, f.Details.AllocationMode,
        f.Status, f.Version, f.BoothCount, f.OrganiserId);
}

public sealed record ZoneRequest(string? Code, string? Name, ProductGroup[]? Groups);

public sealed record BoothRequest(
    string? Code, string? Zone, BoothType? Type, decimal? AreaM2, long? PriceVnd, double? X, double? Y, double? W, double? H, string[]? Amenities);

public sealed record FloorPlanRequest(ZoneRequest[]? Zones, BoothRequest[]? Booths);

public sealed record GridZoneRequest(string? Code, string? Name, ProductGroup[]? Groups, int? Booths);

public sealed record GridRequest(GridZoneRequest[]? Zones, int? PerRow, double? BoothWidth, double? BoothDepth, long? PriceVnd);
