using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Domain;

/// <summary>Floor plan checks and a grid generator.</summary>
public static class FloorPlans
{
    public const int MaxBooths = 5000;

    /// <summary>Field errors for a plan; empty when valid.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(FloorPlan plan)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string code) =>
            (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(code);

        var zones = plan.Zones.IsDefault ? [] : plan.Zones;
        var booths = plan.Booths.IsDefault ? [] : plan.Booths;
        if (booths.Length > MaxBooths) Add("booths", "tooMany");

        var zoneCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < zones.Length; i++)
        {
            var z = zones[i];
            if (!IsCode(z.Code)) Add($"zones[{i}].code", "invalidCode");
            else if (!zoneCodes.Add(z.Code)) Add($"zones[{i}].code", "duplicate");
            if (z.Groups.IsDefaultOrEmpty) Add($"zones[{i}].groups", "required");
        }

        var boothCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < booths.Length; i++)
        {
            var b = booths[i];
            if (!IsCode(b.Code)) Add($"booths[{i}].code", "invalidCode");
            else if (!boothCodes.Add(b.Code)) Add($"booths[{i}].code", "duplicate");
            if (!zoneCodes.Contains(b.Zone)) Add($"booths[{i}].zone", "unknownZone");
            if (b.AreaM2 <= 0 || b.AreaM2 > 1000) Add($"booths[{i}].areaM2", "outOfRange");
            if (b.PriceVnd < 0) Add($"booths[{i}].priceVnd", "negative");
            if (b.W <= 0 || b.H <= 0 || b.X < 0 || b.Y < 0) Add($"booths[{i}].position", "invalidGeometry");
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

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
