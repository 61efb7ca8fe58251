using System.Collections.Immutable;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Domain.Tests;

public class BuyerRulesTests
{
    private static SourcingNeed Need(string id = "n1") =>
        new(id, ["mật ong rừng"], [ProductGroup.Food], 3, ["Organic"], new Quantity(2, "tạ"), new PriceBand(300_000, null, "l"), ["Hà Nội"]);

    private static BuyerProfile Profile(params SourcingNeed[] needs) =>
        new("Cửa hàng Thực phẩm Sạch Bác Tôm", BuyerKind.CleanFoodStore, "Hà Nội", null, [new Representative("Trần Minh", "0988 111 222")], [.. needs]);

    [Fact]
    public void A_clean_food_stores_honey_need_is_valid() => Assert.Empty(BuyerRules.Validate(Profile(Need())));

    [Fact]
    public void Each_broken_field_is_named_by_its_path()
    {
        var bad = Profile(Need("n1") with { Keywords = [], Groups = [], MinStars = 2, QuantityPerMonth = new Quantity(0, "thùng") }, Need("n1")) with
        {
            Organisation = " ",
            Representatives = [new Representative("A", null), new Representative("B", null), new Representative("C", null), new Representative("D", "x")],
        };
        var errors = BuyerRules.Validate(bad);
        Assert.Equal(
            ["needs[0].keywords", "needs[0].minStars", "needs[0].quantityPerMonth.quantity", "needs[0].quantityPerMonth.unit", "needs[1].needId", "organisation", "representatives"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["keywordsOrGroups"], errors["needs[0].keywords"]);
        Assert.Equal(["duplicate"], errors["needs[1].needId"]);
    }

    [Fact]
    public void A_price_band_must_have_an_end_in_order_and_a_known_unit()
    {
        Assert.Contains("priceBandVnd", BuyerRules.Validate(Need() with { PriceBandVnd = new PriceBand(null, null, "kg") }).Keys);
        Assert.Contains("priceBandVnd", BuyerRules.Validate(Need() with { PriceBandVnd = new PriceBand(50_000, 40_000, "kg") }).Keys);
        Assert.Contains("priceBandVnd.per", BuyerRules.Validate(Need() with { PriceBandVnd = new PriceBand(1, 2, "bao") }).Keys);
    }

    [Fact]
    public void Normalizing_makes_units_canonical_and_drops_repeated_keywords()
    {
        var n = BuyerRules.Normalize(Need() with { Keywords = ["Mật ong", "mật ong", " "], QuantityPerMonth = new Quantity(2, "tạ") });
        Assert.Equal(["Mật ong"], n.Keywords.ToArray());
        Assert.Equal("ta", n.QuantityPerMonth!.Unit);
    }
}
