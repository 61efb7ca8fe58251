using System.Text;
using OcopFairs.Domain;

namespace OcopFairs.Domain.Tests;

public class UnitsTests
{
    [Theory]
    [InlineData("tạ", "ta")]
    [InlineData("ta", "ta")]
    [InlineData("TẠ", "ta")]
    [InlineData("lít", "l")]
    [InlineData("lit", "l")]
    [InlineData("L", "l")]
    [InlineData("yến", "yen")]
    [InlineData("tấn", "tan")]
    [InlineData("ki-lô-gam", "kg")]
    [InlineData("cân", "kg")]
    [InlineData(" kg ", "kg")]
    [InlineData("gam", "g")]
    [InlineData("ml", "ml")]
    [InlineData("chai", "bottle")]
    [InlineData("hộp", "box")]
    [InlineData("gói", "pack")]
    [InlineData("quả", "piece")]
    [InlineData("con", "head")]
    public void Canonical_knows_English_codes_and_Vietnamese_spellings(string unit, string code) =>
        Assert.Equal(code, Units.Canonical(unit));

    [Theory]
    [InlineData("tạ")]
    [InlineData("lít")]
    [InlineData("tấn")]
    [InlineData("hộp")]
    public void Canonical_does_not_depend_on_normalization_form(string unit) =>
        Assert.Equal(Units.Canonical(unit.Normalize(NormalizationForm.FormC)), Units.Canonical(unit.Normalize(NormalizationForm.FormD)));

    [Theory]
    [InlineData("bao")]
    [InlineData("thùng")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Canonical_of_an_unknown_unit_is_null(string? unit) => Assert.Null(Units.Canonical(unit));

    [Theory]
    [InlineData(3, "tạ", 300, "kg")]
    [InlineData(500, "ml", 0.5, "l")]
    [InlineData(2, "lít", 2, "l")]
    [InlineData(2, "tấn", 2000, "kg")]
    [InlineData(1.5, "yến", 15, "kg")]
    [InlineData(250, "g", 0.25, "kg")]
    [InlineData(7, "KG", 7, "kg")]
    public void ToBase_converts_weights_to_kg_and_volumes_to_litres(double amount, string unit, double expected, string baseUnit)
    {
        var result = Units.ToBase((decimal)amount, unit);

        Assert.NotNull(result);
        Assert.Equal((decimal)expected, result.Value.Amount);
        Assert.Equal(baseUnit, result.Value.Unit);
    }

    [Theory]
    [InlineData("box")]
    [InlineData("chai")]
    [InlineData("quả")]
    [InlineData("con")]
    public void ToBase_of_a_counted_unit_is_null(string unit) => Assert.Null(Units.ToBase(4, unit));

    [Theory]
    [InlineData("bao")]
    [InlineData("")]
    public void ToBase_of_an_unknown_unit_is_null(string unit) => Assert.Null(Units.ToBase(4, unit));

    [Fact]
    public void Every_alias_maps_to_a_listed_code() =>
        Assert.All(new[] { "tạ", "lít", "yến", "tấn", "cân", "hộp", "chai", "gói", "cái", "con" },
            u => Assert.Contains(Units.Canonical(u)!, Units.Codes));
}
