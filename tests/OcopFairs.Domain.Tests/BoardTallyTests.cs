using System.Collections.Immutable;
using CsCheck;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Domain.Tests;

public class BoardTallyTests
{
    private static readonly string[] Districts = ["Mộc Châu", "Yên Châu", "Sơn La", ""];
    private static readonly string[] Markets = ["vn:Hà Nội", "export:JP", "vn:Sơn La"];
    private static readonly string[] Units = ["qua", "chai", "hop"];

    private static DealBoardEntry Entry(string deal, long revision, bool counted, DealKind kind = DealKind.ConsumptionContract,
        decimal vnd = 1_000_000m, decimal tonnes = 2.5m, string? district = "Mộc Châu", BuyerKind buyer = BuyerKind.Supermarket,
        string? market = "vn:Hà Nội", ImmutableDictionary<string, decimal>? other = null, ProductGroup group = ProductGroup.Food, string fair = "f") =>
        new(deal, fair, revision, counted, kind, new DealTotals(vnd, tonnes, other ?? ImmutableDictionary<string, decimal>.Empty),
            ImmutableDictionary<ProductGroup, decimal>.Empty.Add(group, vnd),
            tonnes > 0 ? ImmutableDictionary<ProductGroup, decimal>.Empty.Add(group, tonnes) : ImmutableDictionary<ProductGroup, decimal>.Empty,
            district, buyer, market, counted ? DateTimeOffset.UnixEpoch : null);

    /// <summary>A board as plain sorted text, so two boards compare by value (decimals by value, not by scale).</summary>
    private static string Text(BoardDeals d)
    {
        static string Amounts(ImmutableDictionary<string, BoardAmount> b) =>
            string.Join(";", b.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key}={x.Value.Deals}/{x.Value.Vnd / 1m:G29}/{x.Value.Tonnes / 1m:G29}"));
        return string.Join("|",
            string.Join(";", d.ByKind.OrderBy(k => k.Key).Select(k => $"{k.Key}={k.Value}")),
            $"{d.Vnd / 1m:G29}", $"{d.Tonnes / 1m:G29}",
            string.Join(";", d.OtherUnits.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key}={x.Value / 1m:G29}")),
            Amounts(d.ByGroup), Amounts(d.ByDistrict), Amounts(d.ByBuyerKind), Amounts(d.ByMarket));
    }

    [Fact]
    public void A_signed_deal_adds_to_every_bucket_and_its_cancellation_takes_it_all_away()
    {
        var tally = new BoardTally("f");
        Assert.True(tally.Apply(Entry("d1", 3, true, other: ImmutableDictionary<string, decimal>.Empty.Add("qua", 500))));
        var d = tally.ToDeals();
        Assert.Equal(1, d.ByKind[DealKind.ConsumptionContract]);
        Assert.Equal(0, d.ByKind[DealKind.Memorandum]);
        Assert.Equal((1_000_000m, 2.5m, 500m), (d.Vnd, d.Tonnes, d.OtherUnits["qua"]));
        Assert.Equal(new BoardAmount(1, 1_000_000m, 2.5m), d.ByGroup["Food"]);
        Assert.Equal(new BoardAmount(1, 1_000_000m, 2.5m), d.ByDistrict["Mộc Châu"]);
        Assert.Equal(new BoardAmount(1, 1_000_000m, 2.5m), d.ByBuyerKind["Supermarket"]);
        Assert.Equal(new BoardAmount(1, 1_000_000m, 2.5m), d.ByMarket["vn:Hà Nội"]);

        Assert.True(tally.Apply(Entry("d1", 4, false)));
        Assert.Equal(Text(BoardTally.Empty("f")), Text(tally.ToDeals()));
        Assert.Equal(0, tally.Counted);
    }

    [Fact]
    public void A_repeat_an_older_revision_and_another_fairs_entry_change_nothing()
    {
        var tally = new BoardTally("f");
        tally.Apply(Entry("d1", 5, true, vnd: 7m));
        var before = Text(tally.ToDeals());
        Assert.False(tally.Apply(Entry("d1", 5, true, vnd: 7m)));
        Assert.False(tally.Apply(Entry("d1", 4, false)));
        Assert.False(tally.Apply(Entry("d2", 1, true, fair: "other")));
        Assert.Equal(before, Text(tally.ToDeals()));
        Assert.Equal(5, tally.RevisionOf("d1"));
    }

    [Fact]
    public void A_new_version_replaces_the_old_amounts_instead_of_adding_to_them()
    {
        var tally = new BoardTally("f");
        tally.Apply(Entry("d1", 3, true, vnd: 100m, tonnes: 1m, district: "Sơn La"));
        tally.Apply(Entry("d1", 6, true, vnd: 250m, tonnes: 0m, district: "Yên Châu"));
        var d = tally.ToDeals();
        Assert.Equal((250m, 0m), (d.Vnd, d.Tonnes));
        Assert.False(d.ByDistrict.ContainsKey("Sơn La"));
        Assert.Equal(new BoardAmount(1, 250m, 0m), d.ByDistrict["Yên Châu"]);
    }

    [Fact]
    public void Units_other_than_mass_are_listed_by_unit_and_never_join_the_tonnes()
    {
        var tally = new BoardTally("f");
        tally.Apply(Entry("d1", 1, true, tonnes: 0m, other: ImmutableDictionary<string, decimal>.Empty.Add("qua", 1000).Add("chai", 24)));
        tally.Apply(Entry("d2", 1, true, tonnes: 3m, other: ImmutableDictionary<string, decimal>.Empty.Add("qua", 200)));
        var d = tally.ToDeals();
        Assert.Equal(3m, d.Tonnes);
        Assert.Equal(1200m, d.OtherUnits["qua"]);
        Assert.Equal(24m, d.OtherUnits["chai"]);
    }

    private static readonly Gen<DealBoardEntry> AnyEntry =
        Gen.Select(Gen.Int[0, 7], Gen.Long[1, 6], Gen.Bool, Gen.Int[0, 2], Gen.Int[0, 2_000_000], Gen.Int[0, 3000], Gen.Int[0, 3], Gen.Int[0, 5])
            .Select(Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 500], (t, market, unit, qty) => Entry(
                $"d{t.Item1}", t.Item2, t.Item3, (DealKind)t.Item4, t.Item5 * 1000m, t.Item6 / 100m, Districts[t.Item7],
                (BuyerKind)(t.Item8 % Enum.GetValues<BuyerKind>().Length), Markets[market],
                unit == 3 ? ImmutableDictionary<string, decimal>.Empty : ImmutableDictionary<string, decimal>.Empty.Add(Units[unit], qty + 0.5m),
                (ProductGroup)(t.Item8 % 6)));

    [Fact]
    public void Any_sequence_in_any_order_with_repeats_gives_the_recount_of_the_newest_entries() =>
        AnyEntry.Array[0, 60].Select(a => (Entries: a, Shuffled: a.Reverse().Concat(a).ToArray())).Sample(t =>
        {
            var incremental = new BoardTally("f");
            foreach (var e in t.Shuffled) incremental.Apply(e);

            // The newest entry of each deal (the first seen wins among equal revisions, as the tally keeps it).
            var newest = t.Shuffled.GroupBy(e => e.DealId).Select(g => g.First(e => e.Revision == g.Max(x => x.Revision)));
            var recount = BoardTally.Recount("f", newest);
            Assert.Equal(Text(recount.ToDeals()), Text(incremental.ToDeals()));
            Assert.Equal(recount.Counted, incremental.Counted);
        });

    [Fact]
    public void The_order_of_arrival_does_not_matter_when_revisions_are_distinct() =>
        AnyEntry.Array[0, 40].Select(Gen.Int, (a, seed) => (a, seed)).Sample(t =>
        {
            // One entry per (deal, revision), arriving once in order and once shuffled with repeats.
            var distinct = t.a.GroupBy(e => (e.DealId, e.Revision)).Select(g => g.First()).ToArray();
            var random = new Random(t.seed);
            var shuffled = distinct.Concat(distinct.Where(_ => random.Next(2) == 0)).OrderBy(_ => random.Next()).ToArray();
            var inOrder = BoardTally.Recount("f", distinct.OrderBy(e => e.Revision));
            var anyOrder = BoardTally.Recount("f", shuffled);
            Assert.Equal(Text(inOrder.ToDeals()), Text(anyOrder.ToDeals()));
        });
}
