using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Domain;

/// <summary>
/// Counted deals in one bucket of the province's report (a kind, district, product group, buyer kind or market): how
/// many deals, their VND, their tonnes (mass units only) and every other unit by its code, never added into tonnes.
/// </summary>
public sealed record ReportBucket(string Key, int Deals, decimal Vnd, decimal Tonnes, ImmutableDictionary<string, decimal> OtherUnits);

/// <summary>One counted deal as the report lists it (top deals, fulfilment).</summary>
public sealed record ReportDeal(
    string DealId,
    DealKind Kind,
    DealStatus Status,
    string ProducerName,
    string? District,
    string BuyerOrganisation,
    BuyerKind BuyerKind,
    decimal Vnd,
    decimal Tonnes,
    ImmutableDictionary<string, decimal> OtherUnits,
    DateTimeOffset? SignedAt);

/// <summary>
/// A side's latest report at a follow-up (3 or 6 months): its status, the quantity delivered in its unit, and what was
/// signed in that same unit (mass converted; null when no line was signed in a comparable unit).
/// </summary>
public sealed record FulfilmentReport(
    int AtMonths,
    MeetingSide Side,
    DeliveryStatus Status,
    decimal? QuantityDelivered,
    string? Unit,
    decimal? QuantitySigned,
    DateTimeOffset At);

/// <summary>A counted deal beside what its sides reported about delivery.</summary>
public sealed record FulfilmentRow(ReportDeal Deal, ImmutableArray<FulfilmentReport> Reports);

/// <summary>
/// At one follow-up, by one side: how many counted deals it reported delivering, fulfilled or lapsed, how many it has
/// not reported on, and the tonnes it reported delivered (mass units only) against the tonnes signed.
/// </summary>
public sealed record FulfilmentCheckpoint(
    int AtMonths,
    MeetingSide Side,
    int Delivering,
    int Fulfilled,
    int Lapsed,
    int NotReported,
    decimal TonnesDelivered,
    decimal TonnesSigned);

public sealed record Fulfilment(ImmutableArray<FulfilmentCheckpoint> Checkpoints, ImmutableArray<FulfilmentRow> Deals);

/// <summary>
/// A fair's results as the province reports them: counted deals by kind, district, product group, buyer kind and
/// market, the top deals by value, and fulfilment at the follow-ups beside what was signed.
/// </summary>
public sealed record DealReport(
    string FairId,
    ReportBucket Totals,
    ImmutableArray<ReportBucket> ByKind,
    ImmutableArray<ReportBucket> ByDistrict,
    ImmutableArray<ReportBucket> ByGroup,
    ImmutableArray<ReportBucket> ByBuyerKind,
    ImmutableArray<ReportBucket> ByMarket,
    ImmutableArray<ReportDeal> Top,
    Fulfilment Fulfilment);

/// <summary>
/// Builds the report from a fair's deals (pure). Only counted deals are in it: both sides signed the current version
/// and it is not cancelled. A deal counts once in its kind, district, buyer kind and market; across product groups
/// its lines are split, so each group holds its own lines' VND and tonnes (the deal is counted in every group it has
/// lines in) and the groups still add up to the totals.
/// </summary>
public static class DealReports
{
    public const int TopCount = 10;

    /// <summary>The key of deals with no district (or market) on record.</summary>
    public const string Unknown = "";

    /// <summary>Whether the report counts the deal: <see cref="DealRules.Counted"/> (both sides signed its current version, not cancelled).</summary>
    public static bool Counted(Deal deal) => DealRules.Counted(deal);

    public static DealReport Build(string fairId, IEnumerable<Deal> deals, int top = TopCount)
    {
        var counted = deals.Where(d => d.FairId == fairId && Counted(d))
            .OrderBy(d => d.SignedAt ?? d.UpdatedAt).ThenBy(d => d.DealId, StringComparer.Ordinal)
            .ToList();

        var byGroup = new Dictionary<string, Acc>(StringComparer.Ordinal);
        foreach (var deal in counted)
        {
            foreach (var (group, part) in SplitByGroup(deal))
            {
                Add(byGroup, group.ToString(), part);
            }
        }

        return new DealReport(
            fairId,
            Bucket("total", counted),
            Buckets(counted, d => d.Terms.Kind.ToString(), Enum.GetNames<DealKind>()),
            Buckets(counted, d => d.Parties.District ?? Unknown, []),
            [.. Enum.GetNames<ProductGroup>().Select(g => (byGroup.GetValueOrDefault(g) ?? new Acc()).ToBucket(g))
                .Concat(byGroup.Where(kv => !Enum.GetNames<ProductGroup>().Contains(kv.Key)).Select(kv => kv.Value.ToBucket(kv.Key)))],
            Buckets(counted, d => d.Parties.BuyerKind.ToString(), Enum.GetNames<BuyerKind>()),
            Buckets(counted, d => d.Terms.Market?.Key ?? Unknown, []),
            [.. counted.OrderByDescending(d => d.Totals.Vnd).ThenBy(d => d.DealId, StringComparer.Ordinal).Take(Math.Max(0, top)).Select(Row)],
            BuildFulfilment(counted));
    }

    public static ReportDeal Row(Deal deal) => new(
        deal.DealId, deal.Terms.Kind, deal.Status, deal.Parties.ProducerName, deal.Parties.District, deal.Parties.BuyerOrganisation,
        deal.Parties.BuyerKind, deal.Totals.Vnd, deal.Totals.Tonnes, deal.Totals.OtherUnits ?? ImmutableDictionary<string, decimal>.Empty,
        deal.SignedAt);

    /// <summary>
    /// A deal's totals split by product group: each group's lines' VND, tonnes and other units. VND is rounded per
    /// group and the rounding left over goes to the largest group, so the groups add up to the deal's own total.
    /// </summary>
    public static IReadOnlyList<(ProductGroup Group, DealTotals Totals)> SplitByGroup(Deal deal)
    {
        var lines = deal.Terms.Lines.IsDefault ? [] : deal.Terms.Lines;
        var parts = lines.GroupBy(l => l.Group).OrderBy(g => g.Key)
            .Select(g => (Group: g.Key, Totals: LineTotals(g)))
            .ToList();
        if (parts.Count == 0) return parts;

        var left = deal.Totals.Vnd - parts.Sum(p => p.Totals.Vnd);
        var tonnesLeft = deal.Totals.Tonnes - parts.Sum(p => p.Totals.Tonnes);
        if (left != 0 || tonnesLeft != 0)
        {
            var largest = parts.IndexOf(parts.MaxBy(p => p.Totals.Vnd));
            var (group, totals) = parts[largest];
            parts[largest] = (group, totals with { Vnd = totals.Vnd + left, Tonnes = totals.Tonnes + tonnesLeft });
        }

        return parts;
    }

    /// <summary>The totals of some lines, as the ledger computes a deal's (<see cref="DealRules.Totals"/>).</summary>
    public static DealTotals LineTotals(IEnumerable<DealLine> lines) =>
        DealRules.Totals(new DealTerms(DealKind.Memorandum, [.. lines], null, null, null, null));

    /// <summary>Whether a unit is a mass unit (counted in tonnes).</summary>
    public static bool IsMass(string? unit) => unit is not null && Units.ToBase(1, unit) is (_, "kg");

    private static Fulfilment BuildFulfilment(List<Deal> counted)
    {
        var rows = counted.Select(d => new FulfilmentRow(Row(d), Latest(d))).ToImmutableArray();
        var checkpoints = ImmutableArray.CreateBuilder<FulfilmentCheckpoint>();
        foreach (var months in DealRules.FollowUpMonths)
        {
            foreach (var side in new[] { MeetingSide.Producer, MeetingSide.Buyer })
            {
                int delivering = 0, fulfilled = 0, lapsed = 0, none = 0;
                decimal delivered = 0, signed = 0;
                foreach (var row in rows)
                {
                    signed += row.Deal.Tonnes;
                    var report = row.Reports.FirstOrDefault(r => r.AtMonths == months && r.Side == side);
                    switch (report?.Status)
                    {
                        case null: none++; break;
                        case DeliveryStatus.Delivering: delivering++; break;
                        case DeliveryStatus.Fulfilled: fulfilled++; break;
                        case DeliveryStatus.Lapsed: lapsed++; break;
                    }

                    if (report is { QuantityDelivered: { } q, Unit: { } unit } && Units.ToBase(q, unit) is ({ } kg, "kg"))
                    {
                        delivered += kg / 1000m;
                    }
                }

                checkpoints.Add(new FulfilmentCheckpoint(months, side, delivering, fulfilled, lapsed, none, delivered, signed));
            }
        }

        return new Fulfilment(checkpoints.ToImmutable(), rows);
    }

    /// <summary>Each side's latest report at each follow-up, with what was signed in the reported unit.</summary>
    private static ImmutableArray<FulfilmentReport> Latest(Deal deal)
    {
        var followUps = deal.FollowUps.IsDefault ? [] : deal.FollowUps;
        return [.. followUps
            .GroupBy(f => (f.AtMonths, f.Side))
            .Select(g => g.MaxBy(f => f.At)!)
            .OrderBy(f => f.AtMonths).ThenBy(f => f.Side)
            .Select(f => new FulfilmentReport(f.AtMonths, f.Side, f.Status, f.QuantityDelivered, f.Unit, SignedIn(deal, f.Unit), f.At))];
    }

    /// <summary>
    /// What the deal signed in <paramref name="unit"/>: mass units converted into it from every mass line, volumes
    /// likewise, other units summed over lines in that same unit; null when no line is comparable.
    /// </summary>
    public static decimal? SignedIn(Deal deal, string? unit)
    {
        if (unit is null) return null;
        var lines = deal.Terms.Lines.IsDefault ? [] : deal.Terms.Lines;
        if (Units.ToBase(1, unit) is ({ } factor, var baseUnit))
        {
            decimal total = 0;
            var any = false;
            foreach (var line in lines)
            {
                if (Units.ToBase(line.Quantity, line.Unit) is ({ } amount, var b) && b == baseUnit)
                {
                    total += amount * (line.Months ?? 1);
                    any = true;
                }
            }

            return any ? total / factor : null;
        }

        var code = Units.Canonical(unit) ?? unit;
        var same = lines.Where(l => (Units.Canonical(l.Unit) ?? l.Unit) == code).ToList();
        return same.Count == 0 ? null : same.Sum(l => l.Quantity * (l.Months ?? 1));
    }

    private static ReportBucket Bucket(string key, IReadOnlyCollection<Deal> deals)
    {
        var acc = new Acc();
        foreach (var d in deals) acc.Add(d.Totals);
        return acc.ToBucket(key);
    }

    /// <summary>One bucket per key, the <paramref name="always"/> keys first (even when empty), then the others by value.</summary>
    private static ImmutableArray<ReportBucket> Buckets(List<Deal> deals, Func<Deal, string> key, IReadOnlyList<string> always)
    {
        var accs = new Dictionary<string, Acc>(StringComparer.Ordinal);
        foreach (var k in always) accs[k] = new Acc();
        foreach (var d in deals) Add(accs, key(d), d.Totals);
        var rest = accs.Where(kv => !always.Contains(kv.Key))
            .OrderByDescending(kv => kv.Value.Vnd).ThenBy(kv => kv.Key, StringComparer.Ordinal);
        return [.. always.Select(k => accs[k].ToBucket(k)).Concat(rest.Select(kv => kv.Value.ToBucket(kv.Key)))];
    }

    private static void Add(Dictionary<string, Acc> accs, string key, DealTotals totals)
    {
        if (!accs.TryGetValue(key, out var acc)) accs[key] = acc = new Acc();
        acc.Add(totals);
    }

    private sealed class Acc
    {
        public int Deals;
        public decimal Vnd;
        public decimal Tonnes;
        public readonly SortedDictionary<string, decimal> Others = new(StringComparer.Ordinal);

        public void Add(DealTotals totals)
        {
            Deals++;
            Vnd += totals.Vnd;
            Tonnes += totals.Tonnes;
            foreach (var (unit, amount) in totals.OtherUnits ?? ImmutableDictionary<string, decimal>.Empty)
            {
                Others[unit] = Others.GetValueOrDefault(unit) + amount;
            }
        }

        public ReportBucket ToBucket(string key) => new(key, Deals, Vnd, Tonnes, Others.ToImmutableDictionary(StringComparer.Ordinal));
    }
}
