using System.Collections.Immutable;
using CsCheck;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Domain.Tests;

public class DealReportTests
{
    private const string Fair = "f1";
    private static readonly DateTimeOffset T0 = new(2027, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly string[] Districts = ["Cao Phong", "Kim Bôi", "Mai Châu", "Yên Thủy"];
    private static readonly string[] UnitsUsed = ["kg", "tấn", "tạ", "yến", "g", "l", "ml", "hộp", "chai", "quả", "con", "combo"];
    private static readonly string[] MassCodes = ["g", "kg", "yen", "ta", "tan"];

    private static Gen<T> OneOf<T>(IEnumerable<T> values) => Gen.OneOf(values.Select(Gen.Const).ToArray());

    private static readonly Gen<DealLine> LineGen =
        from product in Gen.Int[1, 20]
        from grp in OneOf(Enum.GetValues<ProductGroup>())
        from quantity in Gen.Int[1, 100_000]
        from tenths in Gen.Int[0, 9]
        from unit in OneOf(UnitsUsed)
        from price in Gen.Int[0, 2_000_000]
        from months in Gen.Frequency((2, Gen.Const((int?)null)), (1, Gen.Int[1, 24].Select(m => (int?)m)))
        select new DealLine($"pr{product}", $"Sản phẩm {product}", grp, quantity + tenths / 10m, unit, price, months);

    private static readonly Gen<Deal> DealGen =
        from n in Gen.Int[1, 1_000_000]
        from kind in OneOf(Enum.GetValues<DealKind>())
        from status in OneOf(Enum.GetValues<DealStatus>())
        from version in Gen.Int[1, 3]
        from buyerSigned in Gen.Int[0, 3] // 0: not signed; else the version signed (may be an older one)
        from producerSigned in Gen.Int[0, 3]
        from district in Gen.Frequency((1, Gen.Const((string?)null)), (4, OneOf(Districts).Select(d => (string?)d)))
        from buyerKind in OneOf(Enum.GetValues<BuyerKind>())
        from export in Gen.Bool
        from lines in LineGen.Array[1, 5]
        from minutes in Gen.Int[0, 10_000]
        from otherFair in Gen.Frequency((9, Gen.Const(false)), (1, Gen.Const(true)))
        select Make($"d{n}", kind, status, version, buyerSigned, producerSigned, district, buyerKind,
            export ? new DealMarket(true, "JP") : new DealMarket(false, "Hà Nội"), lines, T0.AddMinutes(minutes), otherFair ? "f2" : Fair);

    private static Deal Make(string id, DealKind kind, DealStatus status, int version, int buyerSigned, int producerSigned, string? district,
        BuyerKind buyerKind, DealMarket? market, DealLine[] lines, DateTimeOffset at, string fairId = Fair)
    {
        var terms = new DealTerms(kind, [.. lines], "Giao tại kho", market, null, null);
        var signatures = ImmutableArray.CreateBuilder<DealSignature>();
        if (buyerSigned > 0) signatures.Add(new DealSignature(MeetingSide.Buyer, "ub", Math.Min(buyerSigned, version), at));
        if (producerSigned > 0) signatures.Add(new DealSignature(MeetingSide.Producer, "up", Math.Min(producerSigned, version), at));
        return new Deal(id, fairId, new DealParties("p1", "HTX Cam Cao Phong", "Hòa Bình", district, "b1", "Siêu thị Xanh", buyerKind),
            null, version, terms, DealReports.LineTotals(lines), status, signatures.ToImmutable(), MeetingSide.Buyer, at, at, at, null, [], false, false, 1);
    }

    private static Deal Signed(string id, params DealLine[] lines) =>
        Make(id, DealKind.ConsumptionContract, DealStatus.Signed, 1, 1, 1, "Cao Phong", BuyerKind.Supermarket, null, lines, T0);

    private static void SumsMatch(ReportBucket total, ImmutableArray<ReportBucket> buckets, bool countDeals = true)
    {
        if (countDeals) Assert.Equal(total.Deals, buckets.Sum(b => b.Deals));
        Assert.Equal(total.Vnd, buckets.Sum(b => b.Vnd));
        Assert.Equal(total.Tonnes, buckets.Sum(b => b.Tonnes));
        var units = buckets.SelectMany(b => b.OtherUnits).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        Assert.Equal(total.OtherUnits.OrderBy(kv => kv.Key), units.Where(kv => kv.Value != 0 || total.OtherUnits.ContainsKey(kv.Key)).OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Every_breakdown_adds_up_to_the_totals() =>
        DealGen.List[0, 40].Sample(deals =>
        {
            var report = DealReports.Build(Fair, deals);
            SumsMatch(report.Totals, report.ByKind);
            SumsMatch(report.Totals, report.ByDistrict);
            SumsMatch(report.Totals, report.ByBuyerKind);
            SumsMatch(report.Totals, report.ByMarket);
            // A deal with lines in two groups is in both, so only the amounts add up across groups.
            SumsMatch(report.Totals, report.ByGroup, countDeals: false);
            Assert.True(report.ByGroup.Sum(b => b.Deals) >= report.Totals.Deals);
        });

    [Fact]
    public void Only_deals_both_sides_signed_in_their_current_version_are_counted() =>
        DealGen.List[0, 40].Sample(deals =>
        {
            var report = DealReports.Build(Fair, deals);
            var counted = deals.Where(d => d.FairId == Fair && d.Status != DealStatus.Cancelled
                && d.Signatures.Any(s => s.Side == MeetingSide.Buyer && s.Version == d.Version)
                && d.Signatures.Any(s => s.Side == MeetingSide.Producer && s.Version == d.Version)).ToList();
            Assert.Equal(counted.Count, report.Totals.Deals);
            Assert.Equal(counted.Sum(d => d.Totals.Vnd), report.Totals.Vnd);
            Assert.All(report.Top, t => Assert.Contains(counted, d => d.DealId == t.DealId));
            Assert.Equal(counted.Count, report.Fulfilment.Deals.Length);

            // Dropping every deal that is not counted changes nothing.
            Assert.Equal(report.Totals, DealReports.Build(Fair, counted).Totals, new BucketsEqual());
            Assert.Equal(report.ByKind, DealReports.Build(Fair, counted).ByKind, new BucketsEqual());
        });

    [Fact]
    public void Cancelled_drafts_proposed_and_half_signed_deals_are_never_counted()
    {
        DealLine[] lines = [new("pr1", "Cam", ProductGroup.Food, 2, "tấn", 15_000_000, null)];
        var deals = new[]
        {
            Make("cancelled", DealKind.Memorandum, DealStatus.Cancelled, 1, 1, 1, null, BuyerKind.Other, null, lines, T0),
            Make("draft", DealKind.Memorandum, DealStatus.Draft, 1, 0, 0, null, BuyerKind.Other, null, lines, T0),
            Make("half", DealKind.Memorandum, DealStatus.Proposed, 1, 1, 0, null, BuyerKind.Other, null, lines, T0),
            Make("stale", DealKind.Memorandum, DealStatus.Proposed, 2, 2, 1, null, BuyerKind.Other, null, lines, T0),
        };
        var report = DealReports.Build(Fair, deals);
        Assert.Equal(0, report.Totals.Deals);
        Assert.Equal(0m, report.Totals.Vnd);
        Assert.Empty(report.Top);
    }

    [Fact]
    public void Tonnes_come_only_from_mass_units_and_other_units_stay_listed_by_unit() =>
        DealGen.List[0, 40].Sample(deals =>
        {
            var report = DealReports.Build(Fair, deals);
            var counted = deals.Where(d => d.FairId == Fair && DealReports.Counted(d)).ToList();
            var kg = counted.SelectMany(d => d.Terms.Lines.Select(l => (l, Base: Units.ToBase(l.Quantity, l.Unit))))
                .Where(x => x.Base is (_, "kg")).Sum(x => x.Base!.Value.Amount * (x.l.Months ?? 1));
            Assert.Equal(kg / 1000m, report.Totals.Tonnes);
            foreach (var bucket in report.ByGroup.Append(report.Totals).Concat(report.ByKind))
            {
                Assert.DoesNotContain(bucket.OtherUnits.Keys, MassCodes.Contains);
            }
        });

    [Fact]
    public void Eggs_litres_and_combos_are_never_added_into_tonnes()
    {
        var report = DealReports.Build(Fair, [Signed("d1",
            new("pr1", "Trứng gà", ProductGroup.Food, 10_000, "quả", 3_000, null),
            new("pr2", "Rượu cam", ProductGroup.Beverages, 500, "lít", 120_000, 6),
            new("pr3", "Hộp quà", ProductGroup.Food, 200, "combo", 450_000, null),
            new("pr4", "Cam", ProductGroup.Food, 3, "tạ", 20_000, null))]);

        Assert.Equal(0.3m, report.Totals.Tonnes);
        Assert.Equal(10_000m, report.Totals.OtherUnits["piece"]);
        Assert.Equal(3_000m, report.Totals.OtherUnits["l"]);
        Assert.Equal(200m, report.Totals.OtherUnits["combo"]);
        Assert.Equal(10_000m * 3_000 + 500m * 120_000 * 6 + 200m * 450_000 + 3m * 20_000, report.Totals.Vnd);
        var beverages = report.ByGroup.Single(b => b.Key == nameof(ProductGroup.Beverages));
        Assert.Equal((1, 360_000_000m, 0m), (beverages.Deals, beverages.Vnd, beverages.Tonnes));
    }

    [Fact]
    public void Top_deals_are_the_largest_by_value()
    {
        var deals = Enumerable.Range(1, 15).Select(i => Signed($"d{i}", new DealLine("pr", "Bưởi", ProductGroup.Food, i, "kg", 1_000, null))).ToList();
        var report = DealReports.Build(Fair, deals);
        Assert.Equal(DealReports.TopCount, report.Top.Length);
        Assert.Equal("d15", report.Top[0].DealId);
        Assert.Equal(report.Top.Select(t => t.Vnd).OrderDescending(), report.Top.Select(t => t.Vnd));
    }

    [Fact]
    public void Fulfilment_takes_each_sides_latest_report_and_sets_it_beside_what_was_signed()
    {
        var deal = Signed("d1", new DealLine("pr1", "Cam", ProductGroup.Food, 2, "tấn", 15_000_000, null),
            new DealLine("pr2", "Nước cam", ProductGroup.Beverages, 100, "chai", 50_000, null)) with
        {
            FollowUps =
            [
                new DealFollowUp(3, MeetingSide.Producer, DeliveryStatus.Delivering, 500, "kg", null, T0.AddDays(90)),
                new DealFollowUp(3, MeetingSide.Producer, DeliveryStatus.Delivering, 800, "kg", "sửa lại", T0.AddDays(91)),
                new DealFollowUp(3, MeetingSide.Buyer, DeliveryStatus.Delivering, 60, "chai", null, T0.AddDays(92)),
                new DealFollowUp(6, MeetingSide.Producer, DeliveryStatus.Fulfilled, 2, "tấn", null, T0.AddDays(180)),
            ],
        };
        var other = Signed("d2", new DealLine("pr3", "Mật ong", ProductGroup.Food, 50, "kg", 400_000, null));
        var f = DealReports.Build(Fair, [deal, other]).Fulfilment;

        var reports = f.Deals.Single(r => r.Deal.DealId == "d1").Reports;
        Assert.Equal(3, reports.Length);
        var producer3 = reports.Single(r => r is { AtMonths: 3, Side: MeetingSide.Producer });
        Assert.Equal((800m, "kg", 2_000m), (producer3.QuantityDelivered, producer3.Unit, producer3.QuantitySigned));
        Assert.Equal(100m, reports.Single(r => r.Side == MeetingSide.Buyer).QuantitySigned);
        Assert.Equal(2m, reports.Single(r => r.AtMonths == 6).QuantitySigned);

        var p3 = f.Checkpoints.Single(c => c is { AtMonths: 3, Side: MeetingSide.Producer });
        Assert.Equal((1, 0, 0, 1, 0.8m, 2.05m), (p3.Delivering, p3.Fulfilled, p3.Lapsed, p3.NotReported, p3.TonnesDelivered, p3.TonnesSigned));
        var p6 = f.Checkpoints.Single(c => c is { AtMonths: 6, Side: MeetingSide.Producer });
        Assert.Equal((0, 1, 2m), (p6.Delivering, p6.Fulfilled, p6.TonnesDelivered));
        var b3 = f.Checkpoints.Single(c => c is { AtMonths: 3, Side: MeetingSide.Buyer });
        Assert.Equal((1, 1, 0m), (b3.Delivering, b3.NotReported, b3.TonnesDelivered)); // bottles are not tonnes
    }

    [Fact]
    public void Group_rounding_is_given_to_the_largest_group_so_groups_add_up()
    {
        // 0.5 × 1 đồng twice: each group rounds up to 1, the deal's total is 1.
        var deal = Signed("d1", new DealLine("a", "A", ProductGroup.Food, 0.5m, "hộp", 1, null), new DealLine("b", "B", ProductGroup.Herbal, 0.5m, "hộp", 1, null));
        var split = DealReports.SplitByGroup(deal);
        Assert.Equal(deal.Totals.Vnd, split.Sum(s => s.Totals.Vnd));
    }

    private sealed class BucketsEqual : IEqualityComparer<ReportBucket>
    {
        public bool Equals(ReportBucket? x, ReportBucket? y) =>
            x!.Key == y!.Key && x.Deals == y.Deals && x.Vnd == y.Vnd && x.Tonnes == y.Tonnes
            && x.OtherUnits.Count == y.OtherUnits.Count && x.OtherUnits.All(kv => y.OtherUnits.GetValueOrDefault(kv.Key) == kv.Value);

        public int GetHashCode(ReportBucket obj) => obj.Key.GetHashCode();
    }
}
