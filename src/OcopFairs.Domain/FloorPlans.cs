using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Domain;

/// <summary>Floor plan checks and a grid generator.</summary>
public static class FloorPlans
{
    public const int MaxBooths = 5000;
    public const int MaxZones = 100;
    public const int MaxZoneNameLength = 100;
    public const int MaxAmenities = 20;
    public const int MaxAmenityLength = 40;

    /// <summary>A booth's area in square metres lies in (0, MaxAreaM2].</summary>
    public const decimal MaxAreaM2 = 1000;

    /// <summary>The most a booth may cost, in VND.</summary>
    public const long MaxPriceVnd = 10_000_000_000;

    /// <summary>Booths lie within a square of this side, in metres, from the origin.</summary>
    public const double MaxExtentMetres = 5000;

    /// <summary>A booth's width and depth lie in (0, MaxBoothSideMetres].</summary>
    public const double MaxBoothSideMetres = 100;

    /// <summary>What <see cref="Grid"/> accepts: booths per zone, booths per row, and booth sides in (0, MaxGridBoothSide] metres.</summary>
    public const int MaxGridBoothsPerZone = 1000;
    public const int MaxGridPerRow = 100;
    public const double MaxGridBoothSide = 50;

    /// <summary>Field errors for a plan; empty when valid.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(FloorPlan plan)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string code) =>
            (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(code);

        var zones = plan.Zones.IsDefault ? [] : plan.Zones;
        var booths = plan.Booths.IsDefault ? [] : plan.Booths;
        if (booths.Length > MaxBooths) Add("booths", "tooMany");
        if (zones.Length > MaxZones) Add("zones", "tooMany");

        var zoneCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < zones.Length; i++)
        {
            var z = zones[i];
            if (!IsCode(z.Code)) Add($"zones[{i}].code", "invalidCode");
            else if (!zoneCodes.Add(z.Code)) Add($"zones[{i}].code", "duplicate");
            if (z.Groups.IsDefaultOrEmpty) Add($"zones[{i}].groups", "required");
            else if (z.Groups.Length > FairRules.MaxGroupsListed || !z.Groups.All(Enum.IsDefined)) Add($"zones[{i}].groups", "invalidGroup");
            if (FieldRules.TextError(z.Name, MaxZoneNameLength) is { } nameError) Add($"zones[{i}].name", nameError);
            if (FieldRules.TextError(z.NameEn, MaxZoneNameLength) is { } nameEnError) Add($"zones[{i}].nameEn", nameEnError);
        }

        var boothCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < booths.Length; i++)
        {
            var b = booths[i];
            if (!IsCode(b.Code)) Add($"booths[{i}].code", "invalidCode");
            else if (!boothCodes.Add(b.Code)) Add($"booths[{i}].code", "duplicate");
            if (!zoneCodes.Contains(b.Zone)) Add($"booths[{i}].zone", "unknownZone");
            if (!Enum.IsDefined(b.Type)) Add($"booths[{i}].type", "invalidBoothType");
            if (b.AreaM2 <= 0 || b.AreaM2 > MaxAreaM2) Add($"booths[{i}].areaM2", "outOfRange");
            if (b.PriceVnd < 0) Add($"booths[{i}].priceVnd", "negative");
            else if (b.PriceVnd > MaxPriceVnd) Add($"booths[{i}].priceVnd", "outOfRange");
            if (!FitsHall(b)) Add($"booths[{i}].position", "invalidGeometry");
            var amenities = b.Amenities.IsDefault ? [] : b.Amenities;
            if (amenities.Length > MaxAmenities || amenities.Any(a => FieldRules.TextError(a, MaxAmenityLength, required: true) is not null))
                Add($"booths[{i}].amenities", "invalidAmenity");
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    /// <summary>A booth has a size and lies within the extent a plan may have (NaN and infinities never do).</summary>
    private static bool FitsHall(BoothSpec b) =>
        b.W > 0 && b.H > 0 && b.W <= MaxBoothSideMetres && b.H <= MaxBoothSideMetres
        && FieldRules.InRange(b.X, 0, MaxExtentMetres - b.W) && FieldRules.InRange(b.Y, 0, MaxExtentMetres - b.H);

    /// <summary>Booth codes are short and URL-safe: letters, digits, '-' and '_', at most 16.</summary>
    public static bool IsCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.Length <= 16 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The extent of the hall that holds every booth, with a margin of one metre.</summary>
    public static (double Width, double Height) Extent(IEnumerable<BoothSpec> booths)
    {
        double w = 0, h = 0;
        foreach (var b in booths)
        {
            w = Math.Max(w, b.X + b.W);
            h = Math.Max(h, b.Y + b.H);
        }

        return (w + 1, h + 1);
    }

    /// <summary>
    /// Generates one block of rows per zone: booths of <paramref name="boothWidth"/> × <paramref name="boothDepth"/> metres,
    /// <paramref name="perRow"/> to a row, a two-metre aisle between rows and between zones. Codes are zone code + number (A01, A02…);
    /// the two ends of each row are corner booths.
    /// </summary>
    public static FloorPlan Grid(
        IReadOnlyList<(Zone Zone, int Booths)> zones,
        int perRow = 10,
        double boothWidth = 3,
        double boothDepth = 3,
        long priceVnd = 2_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perRow, 1);
        const double aisle = 2;
        var booths = ImmutableArray.CreateBuilder<BoothSpec>();
        var y = 2.0; // room above the first zone for its label
        foreach (var (zone, count) in zones)
        {
            for (var i = 0; i < count; i++)
            {
                var col = i % perRow;
                var row = i / perRow;
                var rowLength = Math.Min(perRow, count - (row * perRow));
                var corner = col == 0 || col == rowLength - 1;
                booths.Add(new BoothSpec(
                    Code: $"{zone.Code}{i + 1:00}",
                    Zone: zone.Code,
                    Type: corner ? BoothType.Corner : BoothType.Standard,
                    AreaM2: (decimal)(boothWidth * boothDepth),
                    PriceVnd: corner ? priceVnd * 5 / 4 : priceVnd,
                    X: 1 + (col * boothWidth),
                    Y: y + (row * (boothDepth + aisle)),
                    W: boothWidth,
                    H: boothDepth,
                    Amenities: ["power"]));
            }

            var rows = (count + perRow - 1) / perRow;
            y += (rows * (boothDepth + aisle)) + aisle;
        }

        return new FloorPlan([.. zones.Select(z => z.Zone)], booths.ToImmutable());
    }
}
