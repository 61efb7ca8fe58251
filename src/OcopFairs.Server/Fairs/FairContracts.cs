using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Fairs;

/// <summary>
/// The body of a create and of an edit (PATCH): any of a fair's details. Each field given is checked on its own here;
/// the fair as a whole (dates in order, what a create requires) is checked by the handler once the body is merged with
/// the defaults or with the fair it edits.
/// </summary>
public sealed record CreateFairRequest : FairFields, IValidatable
{
    public void Validate(Errors errors) => FairRules.CheckFields(errors, this, required: false);
}

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

public sealed record ZoneRequest(string? Code, string? Name, ProductGroup[]? Groups, string? NameEn = null)
{
    /// <summary>The zone as stored: the names in NFC, the code when it has no name, no English name when blank.</summary>
    public static Zone ToZone(string? code, string? name, ProductGroup[]? groups, string? nameEn = null) =>
        new(code ?? string.Empty, VietnameseText.Normalize(name ?? code), [.. groups ?? []],
            string.IsNullOrWhiteSpace(nameEn) ? null : VietnameseText.Normalize(nameEn));
}

public sealed record BoothRequest(
    string? Code, string? Zone, BoothType? Type, decimal? AreaM2, long? PriceVnd, double? X, double? Y, double? W, double? H, string[]? Amenities);

/// <summary>A whole plan: both lists are required, so a body that forgets them cannot wipe the plan (send [] to empty it).</summary>
public sealed record FloorPlanRequest(ZoneRequest[]? Zones, BoothRequest[]? Booths) : IValidatable
{
    public void Validate(Errors errors)
    {
        errors.Items("zones", Zones);
        errors.Items("booths", Booths);
        if (errors.Count == 0)
        {
            errors.AddAll(FloorPlans.Validate(ToPlan()));
        }
    }

    /// <summary>The plan, with defaults for what a booth leaves out (a 3 × 3 m standard booth at the origin, free).</summary>
    public FloorPlan ToPlan() => new(
        [.. (Zones ?? []).Select(z => ZoneRequest.ToZone(z.Code, z.Name, z.Groups, z.NameEn))],
        [.. (Booths ?? []).Select(b => new BoothSpec(
            b.Code ?? string.Empty, b.Zone ?? string.Empty, b.Type ?? BoothType.Standard, b.AreaM2 ?? 9, b.PriceVnd ?? 0,
            b.X ?? 0, b.Y ?? 0, b.W ?? 3, b.H ?? 3, [.. b.Amenities ?? []]))]);
}

public sealed record GridZoneRequest(string? Code, string? Name, ProductGroup[]? Groups, int? Booths, string? NameEn = null);

public sealed record GridRequest(GridZoneRequest[]? Zones, int? PerRow, double? BoothWidth, double? BoothDepth, long? PriceVnd) : IValidatable
{
    public void Validate(Errors errors)
    {
        errors.Items("zones", Zones);
        var zones = Zones ?? [];
        if (zones.Length == 0) errors.Add("zones", "required");
        if (zones.Length > FloorPlans.MaxZones) errors.Add("zones", "tooMany");
        for (var i = 0; i < zones.Length; i++)
        {
            if (zones[i] is { Booths: var booths } && booths is not (>= 1 and <= FloorPlans.MaxGridBoothsPerZone))
                errors.Add($"zones[{i}].booths", "outOfRange");
        }

        errors.Range("perRow", PerRow, 1, FloorPlans.MaxGridPerRow);
        errors.Positive("boothWidth", BoothWidth, FloorPlans.MaxGridBoothSide);
        errors.Positive("boothDepth", BoothDepth, FloorPlans.MaxGridBoothSide);
        if (PriceVnd is < 0) errors.Add("priceVnd", "negative");
        else errors.Range("priceVnd", PriceVnd, 0, FloorPlans.MaxPriceVnd);
        if (errors.Count == 0 && zones.Sum(z => z.Booths!.Value) > FloorPlans.MaxBooths) errors.Add("zones", "tooMany");
        if (errors.Count == 0)
        {
            errors.AddAll(FloorPlans.Validate(ToPlan()));
        }
    }

    public FloorPlan ToPlan() => FloorPlans.Grid(
        [.. (Zones ?? []).Select(z => (ZoneRequest.ToZone(z.Code, z.Name, z.Groups, z.NameEn), z.Booths ?? 0))],
        PerRow ?? 10,
        BoothWidth ?? 3,
        BoothDepth ?? 3,
        PriceVnd ?? 2_000_000);
}
