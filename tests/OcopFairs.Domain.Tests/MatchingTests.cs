using System.Collections.Immutable;
using CsCheck;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Domain.Tests;

public class MatchingTests
{
    private static readonly DateOnly FairLastDay = new(2027, 1, 8);

    private static SourcingNeed Need(
        string[]? keywords = null, ProductGroup[]? groups = null, int minStars = 3, string[]? certs = null,
        Quantity? quantity = null, PriceBand? band = null, string[]? markets = null) =>
        new("n1", [.. keywords ?? ["cam Cao Phong"]], [.. groups ?? [ProductGroup.Food]], minStars, [.. certs ?? []], quantity, band, [.. markets ?? []]);

    private static MatchCandidate Orange(
        int stars = 4, string[]? certs = null, Quantity? capacity = null, PriceRange? price = null, DateOnly? expires = null,
        ProductGroup group = ProductGroup.Food, string? puc = null, string producerId = "p1", string name = "Cam Cao Phong") =>
        new(producerId, "HTX 3T Cao Phong", puc, "x-" + producerId, name, MatchCandidate.Fold(name, "Quả tươi", "HTX 3T Cao Phong"), group, stars,
            expires ?? new DateOnly(2028, 1, 1), [.. certs ?? ["VietGAP"]], capacity, price, ["A01"]);

    private static MatchReason Reason(MatchScore s, string prefix) => s.Reasons.Single(r => r.Code == prefix || r.Code.StartsWith(prefix + ".", StringComparison.Ordinal));

    [Fact]
    public void The_supermarkets_orange_need_scores_the_Cao_Phong_orange_with_a_reason_for_every_component()
    {
        var need = Need(certs: ["VietGAP"], quantity: new Quantity(15, "tấn"), band: new PriceBand(20_000, 35_000, "kg"), markets: ["Hà Nội"]);
        var s = Matching.Score(Matching.Prepare(need), Orange(capacity: new Quantity(200, "tạ"), price: new PriceRange(25_000, 30_000, "kg")), FairLastDay);

        Assert.False(s.Vetoed);
        Assert.Equal(["keywords", "group", "stars", "certifications", "capacity", "price", "market.domestic", "certificate"], s.Reasons.Select(r => r.Code));
        Assert.Equal(30 + 10 + 6 + 15 + 15 + 10 + 10, s.Score);
        Assert.Equal("cung 20 tấn/tháng ≥ cầu 15 tấn/tháng", MatchText.Render(Reason(s, "capacity"), "vi"));
        Assert.Equal("supplies 20 tonnes/month ≥ the 15 tonnes/month needed", MatchText.Render(Reason(s, "capacity"), "en"));
        Assert.Equal("giá 25.000–30.000 ₫/kg trong khoảng 20.000–35.000 ₫/kg", MatchText.Render(Reason(s, "price"), "vi"));
        Assert.Equal("Khớp 1/1 từ khóa: cam Cao Phong", MatchText.Render(Reason(s, "keywords"), "vi"));
        Assert.Equal("Giấy chứng nhận OCOP còn hiệu lực đến 01/01/2028, qua ngày cuối hội chợ 08/01/2027", MatchText.Render(Reason(s, "certificate"), "vi"));
    }

    [Fact]
    public void Keywords_match_without_diacritics_and_only_as_whole_words()
    {
        var prepared = Matching.Prepare(Need(keywords: ["mat ong", "cam"]));
        var honey = Orange(name: "Mật ong rừng Đà Bắc");
        var s = Matching.Score(prepared, honey, FairLastDay);
        Assert.Equal(15, Reason(s, "keywords").Points); // "mat ong" found, "cam" not: half of 30
        var cam = Matching.Score(Matching.Prepare(Need(keywords: ["cam"])), Orange(name: "Camellia trà"), FairLastDay);
        Assert.Equal(0, Reason(cam, "keywords").Points);
    }

    [Fact]
    public void Capacity_short_of_the_need_earns_its_share_and_says_so()
    {
        var s = Matching.Score(Matching.Prepare(Need(quantity: new Quantity(2, "tấn"))), Orange(capacity: new Quantity(5, "tạ")), FairLastDay);
        Assert.Equal(3, Reason(s, "capacity").Points);
        Assert.Equal("cung 0,5 tấn/tháng < cầu 2 tấn/tháng", MatchText.Render(Reason(s, "capacity"), "vi"));
    }

    [Fact]
    public void Counted_units_never_compare_with_weights()
    {
        var s = Matching.Score(Matching.Prepare(Need(quantity: new Quantity(100, "kg"))), Orange(capacity: new Quantity(500, "hộp")), FairLastDay);
        Assert.Equal(("capacity.incomparable", 0), (Reason(s, "capacity").Code, Reason(s, "capacity").Points));
    }

    [Fact]
    public void Export_needs_a_growing_area_code()
    {
        var need = Need(markets: ["JP"]);
        Assert.Equal("market.exportNoPuc", Reason(Matching.Score(Matching.Prepare(need), Orange(), FairLastDay), "market").Code);
        Assert.Equal("market.export", Reason(Matching.Score(Matching.Prepare(need), Orange(puc: "VN-HB-001"), FairLastDay), "market").Code);
    }

    [Theory]
    [InlineData("group")]
    [InlineData("stars")]
    [InlineData("certificate")]
    [InlineData("dismissed")]
    public void Each_veto_rules_the_candidate_out_with_a_zero_score(string veto)
    {
        var need = Need(minStars: 4);
        var c = veto switch
        {
            "group" => Orange(group: ProductGroup.Herbal),
            "stars" => Orange(stars: 3),
            "certificate" => Orange(expires: FairLastDay.AddDays(-1)),
            _ => Orange(),
        };
        var s = Matching.Score(Matching.Prepare(need), c, FairLastDay, dismissed: veto == "dismissed");
        Assert.Equal((veto, 0), (s.Veto, s.Score));
        Assert.False(Matching.Rank(Matching.Prepare(need), [c], FairLastDay, veto == "dismissed" ? new HashSet<string> { "p1" } : new HashSet<string>(), 50).Any());
    }

    private static Gen<string> Pick(params string[] values) => Gen.OneOf(values.Select(Gen.Const).ToArray());

    private static readonly Gen<MatchCandidate> Candidates =
        from producer in Gen.Int[0, 30]
        from product in Gen.Int[0, 5]
        from stars in Gen.Int[3, 5]
        from grp in Gen.Enum<ProductGroup>()
        from expiresIn in Gen.Int[-30, 400]
        from capacity in Gen.Int[0, 50]
        from unit in Pick("kg", "tấn", "tạ", "hộp", "l")
        from price in Gen.Int[0, 100]
        from certs in Pick("VietGAP", "GlobalGAP", "HACCP", "Organic").Array[0, 3]
        from word in Pick("Cam", "Bưởi", "Mật ong", "Trà", "Gạo")
        select new MatchCandidate($"p{producer}", $"HTX {producer}", producer % 3 == 0 ? "PUC1" : null, $"p{producer}-{product}", $"{word} {product}",
            MatchCandidate.Fold($"{word} {product}", null, $"HTX {producer}"), grp, stars, FairLastDay.AddDays(expiresIn), [.. certs.Distinct()],
            capacity == 0 ? null : new Quantity(capacity, unit), price == 0 ? null : new PriceRange(price * 1000, price * 1500, unit), []);

    private static readonly Gen<SourcingNeed> Needs =
        from words in Pick("cam", "buoi", "mat ong", "tra", "gao").Array[0, 3]
        from groups in Gen.Enum<ProductGroup>().Array[0, 2]
        from minStars in Gen.Int[3, 5]
        from certs in Pick("VietGAP", "GlobalGAP", "HACCP").Array[0, 2]
        from qty in Gen.Int[0, 40]
        from markets in Pick("Hà Nội", "JP", "US").Array[0, 2]
        select new SourcingNeed("n", [.. words.Distinct()], [.. groups.Distinct()], minStars, [.. certs.Distinct()],
            qty == 0 ? null : new Quantity(qty, "tấn"), new PriceBand(10_000, 60_000, "kg"), [.. markets.Distinct()]);

    [Fact]
    public void A_ranking_never_holds_a_vetoed_or_dismissed_supplier_and_is_ordered_and_bounded() =>
        Gen.Select(Needs, Candidates.Array[0, 60], Gen.Int[0, 30].Array[0, 5], Gen.Int[1, 20]).Sample((need, candidates, dismissedIds, limit) =>
        {
            var dismissed = dismissedIds.Select(i => $"p{i}").ToHashSet();
            var prepared = Matching.Prepare(need);
            var ranked = Matching.Rank(prepared, candidates, FairLastDay, dismissed, limit);

            Assert.True(ranked.Count <= limit);
            Assert.Equal(ranked.Count, ranked.Select(r => r.Candidate.ProducerId).Distinct().Count());
            Assert.All(ranked, r =>
            {
                Assert.False(r.Vetoed);
                Assert.DoesNotContain(r.Candidate.ProducerId, dismissed);
                Assert.True(r.Candidate.Stars >= need.MinStars);
                Assert.True(r.Candidate.CertificateExpiresOn >= FairLastDay);
                Assert.True(need.Groups.IsEmpty || need.Groups.Contains(r.Candidate.Group));
                Assert.InRange(r.Score, 0, 100);
                Assert.Equal(r.Score, r.Reasons.Sum(x => x.Points));
                Assert.All(r.Reasons, x => Assert.InRange(x.Points, 0, x.Max));
            });
            for (var i = 1; i < ranked.Count; i++) Assert.True(ranked[i - 1].Score >= ranked[i].Score);

            // Every supplier left out either was vetoed, dismissed, or scored no better than the last one kept.
            var kept = ranked.Select(r => r.Candidate.ProducerId).ToHashSet();
            foreach (var c in candidates.Where(c => !kept.Contains(c.ProducerId)))
            {
                var s = Matching.Score(prepared, c, FairLastDay, dismissed.Contains(c.ProducerId));
                Assert.True(s.Vetoed || ranked.Count == limit && s.Score <= ranked[^1].Score);
            }
        });

    [Fact]
    public void Every_reason_renders_in_both_languages_without_falling_back_to_its_code() =>
        Gen.Select(Needs, Candidates).Sample((need, c) =>
        {
            foreach (var r in Matching.Score(Matching.Prepare(need), c, FairLastDay).Reasons)
            {
                Assert.NotEqual(r.Code, MatchText.Render(r, "vi"));
                Assert.NotEqual(r.Code, MatchText.Render(r, "en"));
                Assert.DoesNotContain("{", MatchText.Render(r, "vi"), StringComparison.Ordinal);
            }
        });

    [Theory]
    [InlineData(1, "tấn", "kg", 1000)]
    [InlineData(3, "tạ", "tấn", 0.3)]
    [InlineData(2, "yến", "kg", 20)]
    [InlineData(500, "ml", "l", 0.5)]
    public void Units_convert_within_weight_and_volume(decimal amount, string from, string to, decimal expected) =>
        Assert.Equal(expected, Matching.InUnit(amount, from, to));

    [Fact]
    public void A_price_per_kg_becomes_a_price_per_tonne() => Assert.Equal(25_000_000, Matching.PerUnit(25_000, "kg", "tấn"));
}
