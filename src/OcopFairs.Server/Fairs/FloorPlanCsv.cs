using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using OcopFairs.Abstractions;

namespace OcopFairs.Server.Fairs;

/// <summary>
/// Booths as CSV, one row per booth: <c>code,zone,type,areaM2,priceVnd,x,y,w,h,amenities</c> (amenities separated by
/// ';'). Zones are not in the file: imported booths must name zones the plan already has.
/// </summary>
public static class FloorPlanCsv
{
    public const int MaxBytes = 1024 * 1024;

    private static readonly CsvConfiguration Config = new(CultureInfo.InvariantCulture)
    {
        PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
        TrimOptions = TrimOptions.Trim,
        MissingFieldFound = null,
    };

    private sealed class Row
    {
        public string? Code { get; set; }
        public string? Zone { get; set; }
        public string? Type { get; set; }
        public decimal? AreaM2 { get; set; }
        public long? PriceVnd { get; set; }
        public double? X { get; set; }
        public double? Y { get; set; }
        public double? W { get; set; }
        public double? H { get; set; }
        public string? Amenities { get; set; }
    }

    public static string Write(FloorView floor)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(writer, Config);
        csv.WriteHeader<Row>();
        csv.NextRecord();
        foreach (var b in floor.Booths)
        {
            csv.WriteRecord(new Row
            {
                Code = b.Code, Zone = b.Zone, Type = b.Type.ToString(), AreaM2 = b.AreaM2, PriceVnd = b.PriceVnd,
                X = b.X, Y = b.Y, W = b.W, H = b.H, Amenities = string.Join(';', b.Amenities.IsDefault ? [] : b.Amenities),
            });
            csv.NextRecord();
        }

        return writer.ToString();
    }

    /// <summary>The booths of the file, or field errors keyed <c>rows[N].field</c> (N counts data rows from 1).</summary>
    public static (IReadOnlyList<BoothRequest> Booths, IReadOnlyDictionary<string, string[]> Errors) Read(string text)
    {
        var booths = new List<BoothRequest>();
        var errors = new Dictionary<string, string[]>();
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, Config);
        try
        {
            var row = 0;
            foreach (var r in csv.GetRecords<Row>())
            {
                row++;
                BoothType? type = null;
                if (r.Type is { Length: > 0 } t)
                {
                    if (Enum.TryParse<BoothType>(t, ignoreCase: true, out var parsed)) type = parsed;
                    else errors[$"rows[{row}].type"] = ["invalidBoothType"];
                }

                booths.Add(new BoothRequest(r.Code, r.Zone, type, r.AreaM2, r.PriceVnd, r.X, r.Y, r.W, r.H,
                    (r.Amenities ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
            }
        }
        catch (Exception ex) when (ex is CsvHelperException or FormatException)
        {
            errors["csv"] = ["malformedCsv"];
        }

        return (booths, errors);
    }
}
