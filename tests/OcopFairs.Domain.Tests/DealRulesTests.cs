using System.Collections.Immutable;
using CsCheck;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Domain.Tests;

public class DealRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 5, 3, 0, 0, TimeSpan.Zero);
    private static readonly DealParties Parties = new("p1", "HTX Kim Bôi", "Hòa Bình", "Kim Bôi", "b1", "Siêu thị Xanh", BuyerKind.Supermarket);
    private static readonly DealActor Buyer = new(MeetingSide.Buyer, "b1", "u-b1");
    private static readonly DealActor Producer = new(MeetingSide.Producer, "p1", "u-p1");
    private static readonly DealActor Stranger = new(MeetingSide.Buyer, "b2", "u-b2");
    private static readonly string[] AllUnits = ["g", "kg", "yến", "tạ", "tấn", "ml", "lít", "hộp", "chai", "gói", "cái", "con"];

    private static DealLine Line(decimal quantity = 500, string unit = "kg", decimal price = 30_000, int? months = null, ProductGroup group = ProductGroup.Food) =>
        new("pr1", "Gạo nếp", group, quantity, unit, price, months);

    private static DealTerms Terms(params DealLine[] lines) =>
        new(DealKind.ConsumptionContract, lines.Length == 0 ? [Line()] : [.. lines], null, new DealMarket(false, "Hà Nội"), null, null);

    private static Deal Draft(DealTerms? terms = null) =>
        Assert.IsType<DealDecision.Change>(DealRules.Create("d1", new NewDeal("f1", Parties, null, terms ?? Terms()), Buyer, Now)).Next;

    private static Deal Changed(DealDecision d) => Assert.IsType<DealDecision.Change>(d).Next;

    private static string Refused(DealDecision d) => Assert.IsType<DealDecision.Refused>(d).Refusal.Code;

    private static readonly Gen<DealLine> LineGen =
        from unit in Gen.OneOf(AllUnits.Select(Gen.Const).ToArray())
        from quantity in Gen.Int[1, 1_000_000]
        from price in Gen.Int[0, 10_000_000]
        from months in Gen.Int[0, 60]
        from productGroup in Gen.OneOf(Enum.GetValues<ProductGroup>().Select(Gen.Const).ToArray())
        select Line(quantity / 10m, unit, price, months == 0 ? null : months, productGroup);

    private static readonly Gen<DealTerms> TermsGen = LineGen.Array[1, 8].Select(lines => Terms(lines));

    [Fact]
    public void Totals_multiply_months_and_keep_other_units_apart_from_tonnes()
    {
        var totals = DealRules.Totals(Terms(Line(500, "kg", 30_000, 6), Line(200, "hộp", 150_000), Line(2, "tấn", 20_000_000), Line(300, "lít", 50_000, 2)));
        Assert.Equal(90_000_000m + 30_000_000m + 40_000_000m + 30_000_000m, totals.Vnd);
        Assert.Equal(5m, totals.Tonnes);
        Assert.Equal(200m, totals.OtherUnits["box"]);
        Assert.Equal(600m, totals.OtherUnits["l"]);
        Assert.Equal(2, totals.OtherUnits.Count);
    }

    [Fact]
    public void Tonnes_are_the_mass_lines_alone_whatever_other_units_the_terms_hold() =>
        TermsGen.Sample(terms =>
        {
            var totals = DealRules.Totals(terms);
            var massOnly = terms with { Lines = [.. terms.Lines.Where(l => Units.ToBase(1, l.Unit) is (_, "kg"))] };
            Assert.Equal(DealRules.Totals(massOnly).Tonnes, totals.Tonnes);
            Assert.DoesNotContain(totals.OtherUnits.Keys, u => Units.ToBase(1, u) is (_, "kg"));
            Assert.Equal(decimal.Round(terms.Lines.Sum(l => l.Quantity * l.UnitPriceVnd * (l.Months ?? 1)), 0, MidpointRounding.AwayFromZero), totals.Vnd);
        });

    [Fact]
    public void A_change_always_makes_a_new_version_without_signatures_unless_nothing_changed() =>
        Gen.Select(TermsGen, TermsGen, Gen.Int[0, 2]).Sample((first, second, signed) =>
        {
            var deal = Draft(first);
            if (signed >= 1) deal = Changed(DealRules.Sign(deal, deal.Version, Buyer, Now));
            if (signed >= 2) deal = Changed(DealRules.Sign(deal, deal.Version, Producer, Now));
            var decision = DealRules.Change(deal, second, Producer, Now.AddMinutes(1));
            if (DealRules.SameTerms(deal.Terms, DealRules.Normalize(second)))
            {
                Assert.IsType<DealDecision.Unchanged>(decision);
                return;
            }

            var next = Changed(decision);
            Assert.Equal(deal.Version + 1, next.Version);
            Assert.Empty(next.Signatures);
            Assert.False(DealRules.Counted(next));
            Assert.Null(next.SignedAt);
            Assert.True(next.Revision > deal.Revision);
        });

    [Fact]
    public void A_deal_counts_if_and_only_if_both_sides_signed_its_current_version_and_it_is_not_cancelled() =>
        Gen.Select(TermsGen, Gen.Int[0, 5].Array[1, 8]).Sample((terms, steps) =>
        {
            var deal = Draft(terms);
            var sawBuyer = false;
            var sawProducer = false;
            foreach (var step in steps)
            {
                var decision = step switch
                {
                    0 => DealRules.Sign(deal, deal.Version, Buyer, Now),
                    1 => DealRules.Sign(deal, deal.Version, Producer, Now),
                    2 => DealRules.Change(deal, deal.Terms with { DeliveryTerms = $"v{deal.Version + 1}" }, Buyer, Now),
                    3 => DealRules.Sign(deal, deal.Version - 1, Producer, Now),
                    4 => DealRules.Cancel(deal, Producer, "lý do", Now),
                    _ => DealRules.Propose(deal, Buyer, Now),
                };
                if (decision is DealDecision.Change { Next: var next })
                {
                    if (next.Version != deal.Version) sawBuyer = sawProducer = false;
                    if (step == 0) sawBuyer = true;
                    if (step == 1) sawProducer = true;
                    deal = next;
                }

                var entry = DealRules.BoardEntry(deal);
                Assert.Equal(sawBuyer && sawProducer && deal.Status != DealStatus.Cancelled, entry.Counted);
                Assert.Equal(entry.Counted, deal.Status is DealStatus.Signed or DealStatus.Active);
                Assert.All(deal.Signatures, s => Assert.Equal(deal.Version, s.Version));
            }
        });

    [Fact]
    public void Signing_is_refused_on_a_moved_version_twice_by_a_side_by_a_third_party_and_once_cancelled()
    {
        var deal = Draft();
        Assert.Equal("deal.notFound", Refused(DealRules.Sign(deal, 1, Stranger, Now)));
        Assert.Equal("deal.notFound", Refused(DealRules.Sign(deal, 1, Producer with { PartyId = "p2" }, Now)));
        Assert.Equal("deal.versionChanged", Refused(DealRules.Sign(deal, 2, Buyer, Now)));
        var once = Changed(DealRules.Sign(deal, 1, Buyer, Now));
        Assert.Equal(DealStatus.Proposed, once.Status);
        Assert.Equal("deal.alreadySigned", Refused(DealRules.Sign(once, 1, Buyer, Now)));
        var cancelled = Changed(DealRules.Cancel(once, Producer, "Không thống nhất giá", Now));
        Assert.Equal("deal.cancelled", Refused(DealRules.Sign(cancelled, 1, Producer, Now)));
        Assert.False(DealRules.BoardEntry(cancelled).Counted);
    }

    [Fact]
    public void Both_signatures_make_it_signed_and_active_once_its_validity_begins()
    {
        var terms = Terms() with { ValidFrom = new DateOnly(2027, 2, 1) };
        var deal = Changed(DealRules.Sign(Changed(DealRules.Sign(Draft(terms), 1, Buyer, Now)), 1, Producer, Now.AddMinutes(1)));
        Assert.Equal((DealStatus.Signed, Now.AddMinutes(1)), (deal.Status, deal.SignedAt));
        Assert.Equal(DealStatus.Signed, DealRules.AsOf(deal, new DateOnly(2027, 1, 31)).Status);
        Assert.Equal(DealStatus.Active, DealRules.AsOf(deal, new DateOnly(2027, 2, 1)).Status);
        Assert.Equal(DealStatus.Active, DealRules.AsOf(deal with { Terms = deal.Terms with { ValidFrom = null } }, new DateOnly(2000, 1, 1)).Status);
        Assert.Equal(DealStatus.Draft, DealRules.AsOf(Draft(terms), new DateOnly(2030, 1, 1)).Status);
        Assert.Equal("deal.signed", Refused(DealRules.Cancel(deal, Buyer, "Đổi ý", Now)));
        var announcement = DealRules.Announcement(deal);
        Assert.NotNull(announcement);
        Assert.Equal(("HTX Kim Bôi", "Kim Bôi", deal.Totals.Vnd), (announcement.ProducerName, announcement.District, announcement.Vnd));
    }

    [Fact]
    public void The_board_entry_splits_value_and_tonnes_by_group_and_names_district_buyer_kind_and_market()
    {
        var deal = Draft(Terms(Line(1, "tấn", 1_000_000), Line(10, "hộp", 100_000, group: ProductGroup.Beverages), Line(500, "kg", 2_000)));
        var entry = DealRules.BoardEntry(deal);
        Assert.Equal(2_000_000m, entry.VndByGroup[ProductGroup.Food]);
        Assert.Equal(1_000_000m, entry.VndByGroup[ProductGroup.Beverages]);
        Assert.Equal(1.5m, entry.TonnesByGroup[ProductGroup.Food]);
        Assert.Equal(0m, entry.TonnesByGroup[ProductGroup.Beverages]);
        Assert.Equal(("Kim Bôi", BuyerKind.Supermarket, "vn:Hà Nội", false), (entry.District, entry.BuyerKind, entry.MarketKey, entry.Counted));
        Assert.Null(DealRules.Announcement(deal));
    }

    [Theory]
    [InlineData(-1, "kg", 1000, null, "lines[0].quantity")]
    [InlineData(0, "kg", 1000, null, "lines[0].quantity")]
    [InlineData(2_000_000_000, "kg", 1000, null, "lines[0].quantity")]
    [InlineData(5, "thùng", 1000, null, "lines[0].unit")]
    [InlineData(5, "kg", -1, null, "lines[0].unitPriceVnd")]
    [InlineData(5, "kg", 200_000_000_000, null, "lines[0].unitPriceVnd")]
    [InlineData(5, "kg", 1000.5, null, "lines[0].unitPriceVnd")]
    [InlineData(5, "kg", 1000, 0, "lines[0].months")]
    [InlineData(5, "kg", 1000, 61, "lines[0].months")]
    public void Absurd_lines_are_refused_by_field(double quantity, string unit, double price, int? months, string field)
    {
        var errors = DealRules.Validate(Terms(Line((decimal)quantity, unit, (decimal)price, months)));
        Assert.Contains(field, errors.Keys);
        Assert.Equal("deal.invalid", Refused(DealRules.Create("d", new NewDeal("f1", Parties, null, Terms(Line((decimal)quantity, unit, (decimal)price, months))), Buyer, Now)));
    }

    [Fact]
    public void Terms_without_lines_with_too_many_backwards_dates_or_a_bad_country_are_refused()
    {
        Assert.Contains("lines", DealRules.Validate(Terms() with { Lines = [] }).Keys);
        Assert.Contains("lines", DealRules.Validate(Terms() with { Lines = [.. Enumerable.Repeat(Line(), DealRules.MaxLines + 1)] }).Keys);
        Assert.Contains("validTo", DealRules.Validate(Terms() with { ValidFrom = new DateOnly(2027, 2, 1), ValidTo = new DateOnly(2027, 1, 1) }).Keys);
        Assert.Contains("validFrom", DealRules.Validate(Terms() with { ValidFrom = new DateOnly(1, 1, 1) }).Keys);
        Assert.Contains("validTo", DealRules.Validate(Terms() with { ValidTo = new DateOnly(9999, 12, 31) }).Keys);
        Assert.Contains("market.name", DealRules.Validate(Terms() with { Market = new DealMarket(true, "Japan") }).Keys);
        Assert.Empty(DealRules.Validate(Terms() with { Market = new DealMarket(true, "JP") }));
        Assert.Contains("deliveryTerms", DealRules.Validate(Terms() with { DeliveryTerms = "a\u0000b" }).Keys);
    }

    [Fact]
    public void Units_are_stored_by_their_code_and_an_equal_rewrite_is_no_new_version()
    {
        var deal = Draft(Terms(Line(2, "tấn")));
        Assert.Equal("tan", deal.Terms.Lines[0].Unit);
        Assert.IsType<DealDecision.Unchanged>(DealRules.Change(deal, Terms(Line(2, "tan")), Producer, Now));
    }

    [Fact]
    public void Follow_ups_need_a_signed_deal_a_known_mark_and_replace_that_sides_earlier_report()
    {
        var draft = Draft();
        Assert.Equal("deal.notSigned", Refused(DealRules.FollowUp(draft, Buyer, 3, DeliveryStatus.Delivering, null, null, null, Now)));
        var signed = Changed(DealRules.Sign(Changed(DealRules.Sign(draft, 1, Buyer, Now)), 1, Producer, Now));
        Assert.Equal("deal.invalidFollowUp", Refused(DealRules.FollowUp(signed, Buyer, 4, DeliveryStatus.Delivering, null, null, null, Now)));
        Assert.Equal("deal.invalidFollowUp", Refused(DealRules.FollowUp(signed, Buyer, 3, DeliveryStatus.Delivering, -1, "kg", null, Now)));
        Assert.Equal("deal.notFound", Refused(DealRules.FollowUp(signed, Stranger, 3, DeliveryStatus.Delivering, null, null, null, Now)));
        var first = Changed(DealRules.FollowUp(signed, Buyer, 3, DeliveryStatus.Delivering, 100, "kg", null, Now));
        var second = Changed(DealRules.FollowUp(first, Buyer, 3, DeliveryStatus.Fulfilled, 3, "tấn", "Đủ", Now));
        Assert.Equal((DeliveryStatus.Fulfilled, "tan"), (Assert.Single(second.FollowUps).Status, second.FollowUps[0].Unit));
        Assert.Equal(signed.Version, second.Version);
        Assert.True(DealRules.Counted(second));
    }

    [Fact]
    public void Prices_are_public_only_when_both_sides_allow()
    {
        var deal = Draft();
        var buyer = Changed(DealRules.ShowPrices(deal, Buyer, true, Now));
        Assert.False(DealRules.PricesPublic(buyer));
        Assert.IsType<DealDecision.Unchanged>(DealRules.ShowPrices(buyer, Buyer, true, Now));
        Assert.True(DealRules.PricesPublic(Changed(DealRules.ShowPrices(buyer, Producer, true, Now))));
    }
}
