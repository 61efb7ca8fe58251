using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Domain;

/// <summary>
/// A fair's counted deals, kept incrementally: <see cref="Apply"/> takes one deal's <see cref="DealBoardEntry"/>,
/// subtracts what the deal's previous entry added and adds the new one, so a push costs the deal's own buckets, never
/// a recount. An entry with a lower <see cref="DealBoardEntry.Revision"/> than the one held is ignored (a late or
/// repeated arrival), as is an entry of another fair. <see cref="Recount"/> builds the same tally from scratch (the
/// rebuild at activation, and what the property tests compare against). Not thread-safe: one grain owns it.
/// </summary>
public sealed class BoardTally
{
    /// <summary>The key of a bucket whose district or market the deal does not name.</summary>
    public const string Unknown = "";

    private readonly Dictionary<string, DealBoardEntry> _entries = new(StringComparer.Ordinal);
    private readonly int[] _byKind = new int[Enum.GetValues<DealKind>().Length];
    private readonly Dictionary<string, (int Deals, decimal Sum)> _otherUnits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bucket> _byGroup = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bucket> _byDistrict = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bucket> _byBuyerKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Bucket> _byMarket = new(StringComparer.Ordinal);
    private decimal _vnd;
    private decimal _tonnes;

    public BoardTally(string fairId) => FairId = fairId;

    public string FairId { get; }

    /// <summary>How many deals are counted now.</summary>
    public int Counted { get; private set; }

    /// <summary>The revision held for a deal, or null when no entry of it has arrived.</summary>
    public long? RevisionOf(string dealId) => _entries.TryGetValue(dealId, out var held) ? held.Revision : null;

    /// <summary>A tally of <paramref name="entries"/> (the newest of each deal wins), built from nothing.</summary>
    public static BoardTally Recount(string fairId, IEnumerable<DealBoardEntry> entries)
    {
        var tally = new BoardTally(fairId);
        foreach (var e in entries)
        {
            tally.Apply(e);
        }

        return tally;
    }

    /// <summary>
    /// Takes <paramref name="entry"/> in place of the deal's previous entry; true when the counted figures changed.
    /// Ignored (false) when it belongs to another fair or is older than, or as old as, the entry held.
    /// </summary>
    public bool Apply(DealBoardEntry entry)
    {
        if (entry.FairId != FairId)
        {
            return false;
        }

        var previous = _entries.GetValueOrDefault(entry.DealId);
        if (previous is not null && entry.Revision <= previous.Revision)
        {
            return false;
        }

        _entries[entry.DealId] = entry;
        var wasCounted = previous is { Counted: true };
        if (!wasCounted && !entry.Counted)
        {
            return false;
        }

        if (wasCounted)
        {
            Add(previous!, -1);
        }

        if (entry.Counted)
        {
            Add(entry, +1);
        }

        return true;
    }

    /// <summary>The counted deals as the board shows them (costs the buckets, not the deals).</summary>
    public BoardDeals ToDeals() => new(
        Enum.GetValues<DealKind>().ToImmutableDictionary(k => k, k => _byKind[(int)k]),
        _vnd,
        _tonnes,
        _otherUnits.ToImmutableDictionary(u => u.Key, u => u.Value.Sum, StringComparer.Ordinal),
        Snapshot(_byGroup),
        Snapshot(_byDistrict),
        Snapshot(_byBuyerKind),
        Snapshot(_byMarket));

    /// <summary>An empty board's deals.</summary>
    public static BoardDeals Empty(string fairId) => new BoardTally(fairId).ToDeals();

    private void Add(DealBoardEntry e, int sign)
    {
        Counted += sign;
        _byKind[(int)e.Kind] += sign;
        _vnd += sign * e.Totals.Vnd;
        _tonnes += sign * e.Totals.Tonnes;
        foreach (var (unit, amount) in e.Totals.OtherUnits ?? ImmutableDictionary<string, decimal>.Empty)
        {
            var (deals, sum) = _otherUnits.GetValueOrDefault(unit);
            deals += sign;
            sum += sign * amount;
            if (deals == 0) _otherUnits.Remove(unit);
            else _otherUnits[unit] = (deals, sum);
        }

        var vndByGroup = e.VndByGroup ?? ImmutableDictionary<ProductGroup, decimal>.Empty;
        var tonnesByGroup = e.TonnesByGroup ?? ImmutableDictionary<ProductGroup, decimal>.Empty;
        foreach (var group in vndByGroup.Keys.Union(tonnesByGroup.Keys))
        {
            AddTo(_byGroup, group.ToString(), sign, vndByGroup.GetValueOrDefault(group), tonnesByGroup.GetValueOrDefault(group));
        }

        AddTo(_byDistrict, e.District is { Length: > 0 } district ? district : Unknown, sign, e.Totals.Vnd, e.Totals.Tonnes);
        AddTo(_byBuyerKind, e.BuyerKind.ToString(), sign, e.Totals.Vnd, e.Totals.Tonnes);
        AddTo(_byMarket, e.MarketKey is { Length: > 0 } market ? market : Unknown, sign, e.Totals.Vnd, e.Totals.Tonnes);
    }

    private static void AddTo(Dictionary<string, Bucket> buckets, string key, int sign, decimal vnd, decimal tonnes)
    {
        var b = buckets.GetValueOrDefault(key);
        b = new Bucket(b.Deals + sign, b.Vnd + (sign * vnd), b.Tonnes + (sign * tonnes));
        if (b.Deals == 0) buckets.Remove(key);
        else buckets[key] = b;
    }

    private static ImmutableDictionary<string, BoardAmount> Snapshot(Dictionary<string, Bucket> buckets) =>
        buckets.ToImmutableDictionary(b => b.Key, b => new BoardAmount(b.Value.Deals, b.Value.Vnd, b.Value.Tonnes), StringComparer.Ordinal);

    private readonly record struct Bucket(int Deals, decimal Vnd, decimal Tonnes);
}
