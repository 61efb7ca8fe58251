using System.Collections.Immutable;
using CsCheck;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Domain.Tests;

public class FloorPlansTests
{
    private static Zone ZoneOf(string code) => new(code, $"Khu {code}", [ProductGroup.Food]);

    private static BoothSpec Booth(string code, string zone = "A", double x = 1, double y = 1) =>
        new(code, zone, BoothType.Standard, 9m, 2_000_000, x, y, 3, 3, ["power"]);

    private static FloorPlan Plan(params BoothSpec[] booths) => new([ZoneOf("A"), ZoneOf("B")], [.. booths]);

    private static readonly Gen<string> ZoneCode =
        Gen.Char["ABCDEFGHKLMNPQRSTUVXYZ0123456789"].Array[1, 4].Select(chars => new string(chars));

    private static readonly Gen<(string[] Codes, int[] Counts, int PerRow, int Width, int Depth)> GridInputs =
        from codes in ZoneCode.ArrayUnique[1, 6]
        from counts in Gen.Int[1, 60].Array[codes.Length]
        from perRow in Gen.Int[1, 20]
        from width in Gen.Int[1, 5]
        from depth in Gen.Int[1, 5]
        select (codes, counts, perRow, width, depth);

    private static FloorPlan GridOf((string[] Codes, int[] Counts, int PerRow, int Width, int Depth) input) =>
        FloorPlans.Grid(
            [.. input.Codes.Zip(input.Counts, (code, count) => (ZoneOf(code), count))],
            input.PerRow, input.Width, input.Depth);

    [Fact]
    public void Grid_gives_every_booth_a_unique_code_in_its_own_zone() =>
        GridInputs.Sample(input =>
        {
            var plan = GridOf(input);

            Assert.Equal(plan.Booths.Length, plan.Booths.Select(b => b.Code).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(input.Codes, plan.Zones.Select(z => z.Code));
            for (var z = 0; z < input.Codes.Length; z++)
            {
                var inZone = plan.Booths.Where(b => b.Zone == input.Codes[z]).ToList();
                Assert.Equal(input.Counts[z], inZone.Count);
                Assert.All(inZone, b => Assert.StartsWith(input.Codes[z], b.Code, StringComparison.Ordinal));
            }
        });

    [Fact]
    public void Grid_booths_never_overlap_and_fit_the_extent() =>
        GridInputs.Sample(input =>
        {
            var booths = GridOf(input).Booths;
            var (width, height) = FloorPlans.Extent(booths);

            for (var i = 0; i < booths.Length; i++)
            {
                var a = booths[i];
                Assert.True(a.X >= 0 && a.Y >= 0 && a.X + a.W <= width && a.Y + a.H <= height, $"{a.Code} lies outside the hall");
                for (var j = i + 1; j < booths.Length; j++)
                {
                    var b = booths[j];
                    var overlap = a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;
                    Assert.False(overlap, $"{a.Code} overlaps {b.Code}");
                }
            }
        });

    [Fact]
    public void Grid_plans_pass_validation() =>
        GridInputs.Sample(input => Assert.Empty(FloorPlans.Validate(GridOf(input))));

    [Fact]
    public void Grid_numbers_booths_per_zone_and_marks_row_ends_as_corners()
    {
        var plan = FloorPlans.Grid([(ZoneOf("A"), 7), (ZoneOf("B"), 1)], perRow: 5, priceVnd: 2_000_000);

        Assert.Equal(["A01", "A02", "A03", "A04", "A05", "A06", "A07", "B01"], plan.Booths.Select(b => b.Code));
        Assert.Equal(["A01", "A05", "A06", "A07", "B01"], plan.Booths.Where(b => b.Type == BoothType.Corner).Select(b => b.Code));
        Assert.Equal(2_500_000, plan.Booths[0].PriceVnd);
        Assert.Equal(2_000_000, plan.Booths[1].PriceVnd);
        Assert.Equal(9m, plan.Booths[1].AreaM2);
    }

    [Fact]
    public void Grid_refuses_rows_of_no_booths() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FloorPlans.Grid([(ZoneOf("A"), 3)], perRow: 0));

    [Fact]
    public void Extent_adds_a_one_metre_margin()
    {
        Assert.Equal((1d, 1d), FloorPlans.Extent([]));
        Assert.Equal((11d, 8d), FloorPlans.Extent([Booth("A01", x: 1, y: 1), Booth("A02", x: 7, y: 4)]));
    }

    [Fact]
    public void Validate_accepts_a_well_formed_plan() =>
        Assert.Empty(FloorPlans.Validate(Plan(Booth("A01"), Booth("B01", "B", x: 5))));

    [Fact]
    public void Validate_accepts_the_empty_plan()
    {
        Assert.Empty(FloorPlans.Validate(FloorPlan.Empty));
        Assert.Empty(FloorPlans.Validate(new FloorPlan(default, default)));
    }

    [Fact]
    public void Validate_catches_duplicate_booth_codes()
    {
        var errors = FloorPlans.Validate(Plan(Booth("A01"), Booth("A01", x: 5)));

        Assert.Equal(["duplicate"], Assert.Single(errors, e => e.Key == "booths[1].code").Value);
        Assert.Single(errors);
    }

    [Fact]
    public void Validate_catches_duplicate_zone_codes()
    {
        var plan = new FloorPlan([ZoneOf("A"), ZoneOf("A")], [Booth("A01")]);

        var error = Assert.Single(FloorPlans.Validate(plan));

        Assert.Equal("zones[1].code", error.Key);
        Assert.Equal(["duplicate"], error.Value);
    }

    [Fact]
    public void Validate_catches_a_booth_in_an_unknown_zone()
    {
        var error = Assert.Single(FloorPlans.Validate(Plan(Booth("A01"), Booth("C01", "C", x: 5))));

        Assert.Equal("booths[1].zone", error.Key);
        Assert.Equal(["unknownZone"], error.Value);
    }

    [Fact]
    public void Validate_catches_a_zone_without_groups()
    {
        var plan = new FloorPlan([new Zone("A", "Khu A", [])], [Booth("A01")]);

        Assert.Equal(["required"], FloorPlans.Validate(plan)["zones[0].groups"]);
    }

    [Theory]
    [InlineData(0, 3, 1, 1)]
    [InlineData(3, -1, 1, 1)]
    [InlineData(3, 3, -0.5, 1)]
    [InlineData(3, 3, 1, -2)]
    [InlineData(3, 3, 1e300, 1)]
    [InlineData(3, 3, 1, double.NaN)]
    [InlineData(double.PositiveInfinity, 3, 1, 1)]
    [InlineData(101, 3, 1, 1)]
    [InlineData(3, 3, FloorPlans.MaxExtentMetres - 2, 1)]
    public void Validate_catches_bad_geometry(double w, double h, double x, double y)
    {
        var booth = Booth("A01") with { W = w, H = h, X = x, Y = y };

        var error = Assert.Single(FloorPlans.Validate(Plan(booth)));

        Assert.Equal("booths[0].position", error.Key);
        Assert.Equal(["invalidGeometry"], error.Value);
    }

    [Theory]
    [InlineData(0, "areaM2", "outOfRange")]
    [InlineData(1001, "areaM2", "outOfRange")]
    public void Validate_catches_an_area_out_of_range(decimal area, string field, string code) =>
        Assert.Equal([code], FloorPlans.Validate(Plan(Booth("A01") with { AreaM2 = area }))[$"booths[0].{field}"]);

    [Fact]
    public void Validate_catches_a_negative_price() =>
        Assert.Equal(["negative"], FloorPlans.Validate(Plan(Booth("A01") with { PriceVnd = -1 }))["booths[0].priceVnd"]);

    [Fact]
    public void Validate_catches_a_price_no_booth_costs() =>
        Assert.Equal(["outOfRange"], FloorPlans.Validate(Plan(Booth("A01") with { PriceVnd = FloorPlans.MaxPriceVnd + 1 }))["booths[0].priceVnd"]);

    [Fact]
    public void Validate_catches_an_unknown_booth_type() =>
        Assert.Equal(["invalidBoothType"], FloorPlans.Validate(Plan(Booth("A01") with { Type = (BoothType)42 }))["booths[0].type"]);

    [Theory]
    [InlineData("po\u0000wer")]
    [InlineData("")]
    [InlineData("a very long amenity that no booth would ever list")]
    public void Validate_catches_an_invalid_amenity(string amenity) =>
        Assert.Equal(["invalidAmenity"], FloorPlans.Validate(Plan(Booth("A01") with { Amenities = ["power", amenity] }))["booths[0].amenities"]);

    [Fact]
    public void Validate_catches_more_amenities_than_a_booth_lists() =>
        Assert.Equal(
            ["invalidAmenity"],
            FloorPlans.Validate(Plan(Booth("A01") with { Amenities = [.. Enumerable.Range(0, FloorPlans.MaxAmenities + 1).Select(i => $"a{i}")] }))["booths[0].amenities"]);

    [Fact]
    public void Validate_catches_a_zone_name_with_control_characters_and_an_unknown_group()
    {
        var plan = new FloorPlan([new Zone("A", "Khu\u0000A", [ProductGroup.Food, (ProductGroup)42])], [Booth("A01")]);

        var errors = FloorPlans.Validate(plan);

        Assert.Equal(["controlCharacter"], errors["zones[0].name"]);
        Assert.Equal(["invalidGroup"], errors["zones[0].groups"]);
    }

    private static readonly Gen<double> HostileDouble = Gen.OneOf(
        Gen.Double,
        Gen.Double[-10, 6000],
        Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.Epsilon, -0.0, 1e300));

    [Fact]
    public void Validate_never_throws_and_every_plan_it_accepts_fits_the_bounds() =>
        Gen.Select(HostileDouble, HostileDouble, HostileDouble, HostileDouble, Gen.Long, Gen.Decimal).Sample(t =>
        {
            var (x, y, w, h, price, area) = t;
            var booth = Booth("A01") with { X = x, Y = y, W = w, H = h, PriceVnd = price, AreaM2 = area };

            if (FloorPlans.Validate(Plan(booth)).Count == 0)
            {
                Assert.InRange(booth.X, 0, FloorPlans.MaxExtentMetres);
                Assert.InRange(booth.Y, 0, FloorPlans.MaxExtentMetres);
                Assert.InRange(booth.X + booth.W, 0, FloorPlans.MaxExtentMetres);
                Assert.InRange(booth.Y + booth.H, 0, FloorPlans.MaxExtentMetres);
                Assert.InRange(booth.PriceVnd, 0, FloorPlans.MaxPriceVnd);
                Assert.InRange(booth.AreaM2, 0.0000001m, FloorPlans.MaxAreaM2);
            }
        });

    [Theory]
    [InlineData("")]
    [InlineData("A 01")]
    [InlineData("Ă01")]
    [InlineData("A/01")]
    [InlineData("ABCDEFGHIJKLMNOPQ")]
    public void Validate_catches_an_invalid_booth_code(string code)
    {
        var error = Assert.Single(FloorPlans.Validate(Plan(Booth(code))));

        Assert.Equal("booths[0].code", error.Key);
        Assert.Equal(["invalidCode"], error.Value);
    }

    [Fact]
    public void Validate_catches_an_invalid_zone_code_and_its_booths()
    {
        var plan = new FloorPlan([ZoneOf("khu A")], [Booth("A01", "khu A")]);

        var errors = FloorPlans.Validate(plan);

        Assert.Equal(["invalidCode"], errors["zones[0].code"]);
        Assert.Equal(["unknownZone"], errors["booths[0].zone"]);
    }

    [Fact]
    public void Validate_refuses_more_booths_than_the_maximum()
    {
        var plan = FloorPlans.Grid([(ZoneOf("A"), FloorPlans.MaxBooths + 1)], perRow: 100);

        Assert.Equal(["tooMany"], FloorPlans.Validate(plan)["booths"]);
    }

    [Theory]
    [InlineData("A01", true)]
    [InlineData("hall-2_B", true)]
    [InlineData("ABCDEFGHIJKLMNOP", true)]
    [InlineData("ABCDEFGHIJKLMNOPQ", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("Đ1", false)]
    [InlineData("A.1", false)]
    public void IsCode_accepts_short_url_safe_codes(string? code, bool expected) =>
        Assert.Equal(expected, FloorPlans.IsCode(code));
}
