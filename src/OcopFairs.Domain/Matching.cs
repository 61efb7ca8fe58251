using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Domain;

/// <summary>
/// One product of an approved exhibitor, as the matching index keeps it: its searchable text already folded
/// (product name, sub-group, producer name), and the facts a need is scored against.
/// </summary>
public sealed record MatchCandidate(
    string ProducerId,
    string ProducerName,
    string? Puc,
    string ProductId,
    string ProductName,
    string FoldedText,
    ProductGroup Group,
    int Stars,
    DateOnly CertificateExpiresOn,
    ImmutableArray<string> Certifications,
    Quantity? CapacityPerMonth,
    PriceRange? Price,
    ImmutableArray<string> BoothCodes)
{
    /// <summary>Folds the texts a buyer's keywords are looked for in.</summary>
    public static string Fold(string productName, string? subGroup, string producerName) =>
        Matching.Words($"{productName} {subGroup} {producerName}");
}

/// <summary>A need ready to score: its keywords folded once.</summary>
public sealed record PreparedNeed(SourcingNeed Need, ImmutableArray<string> Keywords, ImmutableArray<string> FoldedKeywords);

/// <summary>
/// Why a candidate scored what it did, one per component: a stable code, the points earned out of the component's
/// most, and the numbers behind it (rendered in the reader's language by <see cref="MatchText"/>).
/// </summary>
public sealed record MatchReason(string Code, int Points, int Max, ImmutableDictionary<string, string> Facts);

/// <summary>A candidate's score (0–100) with its reasons, or the veto that rules it out.</summary>
public sealed record MatchScore(MatchCandidate Candidate, int Score, ImmutableArray<MatchReason> Reasons, string? Veto)
{
    public bool Vetoed => Veto is not null;
}

/// <summary>
/// Scores a buyer's sourcing need against an exhibitor's product. Components and their most points: keywords 30,
/// group 10, stars 10, certifications 15, capacity 15, price 10, market 10 (100 in all); the OCOP certificate adds no
/// points but must be valid through the fair's last day. Vetoes: a group the need does not take, fewer stars than it
/// asks, a certificate that lapses before the fair ends, and a supplier the buyer dismissed.
/// </summary>
public static class Matching
{
    public const int KeywordPoints = 30, GroupPoints = 10, StarPoints = 10, CertificationPoints = 15, CapacityPoints = 15, PricePoints = 10, MarketPoints = 10;

    public const string VetoGroup = "group", VetoStars = "stars", VetoCertificate = "certificate", VetoDismissed = "dismissed";

    /// <summary>Markets written as Vietnam or a Vietnamese place are domestic; anything else is taken as an export country.</summary>
    private static readonly HashSet<string> Domestic = new(StringComparer.Ordinal) { "vn", "viet nam", "vietnam", "trong nuoc", "noi dia", "domestic" };

    public static PreparedNeed Prepare(SourcingNeed need)
    {
        var keywords = need.Keywords.IsDefault ? [] : need.Keywords;
        var folded = keywords.Select(Words).Where(k => k.Length > 0).ToImmutableArray();
        return new PreparedNeed(need, keywords, folded);
    }

    /// <summary>Text folded for matching: <see cref="VietnameseText.Fold"/>, every non-letter-or-digit a space, padded with spaces.</summary>
    public static string Words(string? text)
    {
        var folded = VietnameseText.Fold(text);
        var chars = folded.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        var words = new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? string.Empty : $" {string.Join(' ', words)} ";
    }

    public static MatchScore Score(PreparedNeed prepared, MatchCandidate c, DateOnly fairLastDay, bool dismissed = false)
    {
        var need = prepared.Need;
        var reasons = ImmutableArray.CreateBuilder<MatchReason>(8);
        string? veto = dismissed ? VetoDismissed : null;

        // Keywords: the share of the need's keywords found as whole words in the product's text.
        var matched = prepared.FoldedKeywords.Select((k, i) => (k, i)).Where(x => c.FoldedText.Contains(x.k, StringComparison.Ordinal)).Select(x => prepared.Keywords[x.i]).ToArray();
        var total = prepared.FoldedKeywords.Length;
        var keywordPoints = total == 0 ? KeywordPoints : KeywordPoints * matched.Length / total;
        reasons.Add(Reason("keywords", keywordPoints, KeywordPoints, ("matched", matched.Length.ToString()), ("total", total.ToString()), ("words", string.Join(", ", matched))));

        var groups = need.Groups.IsDefault ? [] : need.Groups;
        var groupFits = groups.Length == 0 || groups.Contains(c.Group);
        veto ??= groupFits ? null : VetoGroup;
        reasons.Add(Reason(groupFits ? "group" : "group.mismatch", groupFits ? GroupPoints : 0, GroupPoints, ("group", c.Group.ToString())));

        var starsFit = c.Stars >= need.MinStars;
        veto ??= starsFit ? null : VetoStars;
        var starPoints = starsFit ? StarPoints * (c.Stars - need.MinStars + 1) / (6 - Math.Clamp(need.MinStars, 1, 5)) : 0;
        reasons.Add(Reason(starsFit ? "stars" : "stars.below", starPoints, StarPoints, ("stars", c.Stars.ToString()), ("min", need.MinStars.ToString())));

        reasons.Add(Certifications(need, c));
        reasons.Add(Capacity(need, c));
        reasons.Add(Price(need, c));
        reasons.Add(Market(need, c));

        var certificateValid = c.CertificateExpiresOn >= fairLastDay;
        veto ??= certificateValid ? null : VetoCertificate;
        reasons.Add(Reason(certificateValid ? "certificate" : "certificate.lapsed", 0, 0,
            ("expiresOn", c.CertificateExpiresOn.ToString("yyyy-MM-dd")), ("fairLastDay", fairLastDay.ToString("yyyy-MM-dd"))));

        var built = reasons.ToImmutable();
        return new MatchScore(c, veto is null ? built.Sum(r => r.Points) : 0, built, veto);
    }

    /// <summary>
    /// The need's best suppliers: each producer once (its best product), vetoed ones left out, by score, then stars,
    /// then product name and id so that equal scores always come in the same order.
    /// </summary>
    public static IReadOnlyList<MatchScore> Rank(
        PreparedNeed need, IEnumerable<MatchCandidate> candidates, DateOnly fairLastDay, IReadOnlySet<string> dismissed, int limit)
    {
        var best = new Dictionary<string, MatchScore>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (dismissed.Contains(c.ProducerId) || !QuickFit(need.Need, c, fairLastDay)) continue;
            var s = Score(need, c, fairLastDay);
            if (s.Vetoed) continue;
            if (!best.TryGetValue(c.ProducerId, out var current) || Order.Compare(s, current) < 0) best[c.ProducerId] = s;
        }

        return best.Values.Order(Order).Take(Math.Max(0, limit)).ToArray();
    }

    /// <summary>Orders scores best first; ties by stars, product name and ids.</summary>
    public static readonly IComparer<MatchScore> Order = Comparer<MatchScore>.Create((a, b) =>
    {
        var c = b.Score.CompareTo(a.Score);
        if (c == 0) c = b.Candidate.Stars.CompareTo(a.Candidate.Stars);
        if (c == 0) c = string.CompareOrdinal(a.Candidate.ProductName, b.Candidate.ProductName);
        if (c == 0) c = string.CompareOrdinal(a.Candidate.ProducerId, b.Candidate.ProducerId);
        if (c == 0) c = string.CompareOrdinal(a.Candidate.ProductId, b.Candidate.ProductId);
        return c;
    });

    /// <summary>The vetoes alone, cheap enough to run over every product before scoring.</summary>
    public static bool QuickFit(SourcingNeed need, MatchCandidate c, DateOnly fairLastDay) =>
        c.Stars >= need.MinStars && c.CertificateExpiresOn >= fairLastDay
        && (need.Groups.IsDefaultOrEmpty || need.Groups.Contains(c.Group));

    private static MatchReason Certifications(SourcingNeed need, MatchCandidate c)
    {
        var required = need.Certifications.IsDefault ? [] : need.Certifications;
        var held = new HashSet<string>(c.Certifications.IsDefault ? [] : c.Certifications, StringComparer.OrdinalIgnoreCase);
        if (c.Puc is { Length: > 0 }) held.Add("PUC");
        var covered = required.Where(held.Contains).ToArray();
        var missing = required.Where(r => !held.Contains(r)).ToArray();
        var points = required.Length == 0 ? CertificationPoints : CertificationPoints * covered.Length / required.Length;
        return Reason(required.Length == 0 ? "certifications.none" : "certifications", points, CertificationPoints,
            ("covered", string.Join(", ", covered)), ("missing", string.Join(", ", missing)),
            ("count", covered.Length.ToString()), ("required", required.Length.ToString()));
    }

    private static MatchReason Capacity(SourcingNeed need, MatchCandidate c)
    {
        if (need.QuantityPerMonth is not { } demand) return Reason("capacity.none", CapacityPoints, CapacityPoints);
        if (c.CapacityPerMonth is not { } supply) return Reason("capacity.unknown", 0, CapacityPoints, ("demand", Number(demand.Amount)), ("unit", Unit(demand.Unit)));
        if (InUnit(supply.Amount, supply.Unit, demand.Unit) is not { } supplied)
            return Reason("capacity.incomparable", 0, CapacityPoints, ("supply", Number(supply.Amount)), ("supplyUnit", Unit(supply.Unit)), ("demand", Number(demand.Amount)), ("unit", Unit(demand.Unit)));
        var enough = supplied >= demand.Amount;
        var points = enough ? CapacityPoints : (int)(CapacityPoints * (supplied / demand.Amount));
        return Reason(enough ? "capacity" : "capacity.short", points, CapacityPoints, ("supply", Number(supplied)), ("demand", Number(demand.Amount)), ("unit", Unit(demand.Unit)));
    }

    private static MatchReason Price(SourcingNeed need, MatchCandidate c)
    {
        if (need.PriceBandVnd is not { } band) return Reason("price.none", PricePoints, PricePoints);
        var low = band.Min ?? 0;
        var high = band.Max ?? long.MaxValue;
        var bandFacts = new[] { ("min", band.Min?.ToString() ?? ""), ("max", band.Max?.ToString() ?? ""), ("unit", Unit(band.Per)) };
        if (c.Price is not { } price) return Reason("price.unknown", 0, PricePoints, bandFacts);
        if (PerUnit(price.Min, price.Unit, band.Per) is not { } min || PerUnit(price.Max, price.Unit, band.Per) is not { } max)
            return Reason("price.incomparable", 0, PricePoints, bandFacts);
        var fits = min <= high && max >= low;
        return Reason(fits ? "price" : "price.outside", fits ? PricePoints : 0, PricePoints,
            [.. bandFacts, ("priceMin", min.ToString()), ("priceMax", max.ToString())]);
    }

    private static MatchReason Market(SourcingNeed need, MatchCandidate c)
    {
        var markets = need.Markets.IsDefault ? [] : need.Markets;
        var exports = markets.Where(m => !IsDomestic(m)).ToArray();
        if (exports.Length == 0) return Reason("market.domestic", MarketPoints, MarketPoints, ("markets", string.Join(", ", markets)));
        var hasPuc = c.Puc is { Length: > 0 };
        return Reason(hasPuc ? "market.export" : "market.exportNoPuc", hasPuc ? MarketPoints : 0, MarketPoints, ("markets", string.Join(", ", exports)));
    }

    /// <summary>A Vietnamese province or "VN" is a domestic market; a two- or three-letter code other than VN, or another name, is export.</summary>
    public static bool IsDomestic(string market)
    {
        var folded = VietnameseText.Fold(market);
        if (Domestic.Contains(folded)) return true;
        return Provinces.Contains(folded);
    }

    private static readonly HashSet<string> Provinces = new(
        [
            "ha noi", "ho chi minh", "tp ho chi minh", "tp. ho chi minh", "hai phong", "da nang", "can tho", "hue", "hoa binh", "phu tho",
            "son la", "lao cai", "thai nguyen", "bac ninh", "hung yen", "ninh binh", "thanh hoa", "nghe an", "ha tinh", "quang ninh",
            "lai chau", "dien bien", "tuyen quang", "cao bang", "lang son", "quang tri", "quang ngai", "gia lai", "khanh hoa", "lam dong",
            "dak lak", "dong nai", "tay ninh", "vinh long", "dong thap", "an giang", "ca mau",
        ],
        StringComparer.Ordinal);

    /// <summary>An amount converted to another unit when both weigh, both measure volume, or both are the same unit.</summary>
    public static decimal? InUnit(decimal amount, string from, string to)
    {
        if (Units.Canonical(from) is not { } f || Units.Canonical(to) is not { } t) return null;
        if (f == t) return amount;
        return Units.ToBase(amount, f) is { } a && Units.ToBase(1, t) is { } b && a.Unit == b.Unit ? a.Amount / b.Amount : null;
    }

    /// <summary>A price per <paramref name="from"/> as a price per <paramref name="to"/>, in whole VND.</summary>
    public static long? PerUnit(long price, string from, string to) =>
        InUnit(1, to, from) is { } perTarget ? (long)Math.Round(price * perTarget, MidpointRounding.AwayFromZero) : null;

    private static string Number(decimal d) => decimal.Round(d, 3).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    private static string Unit(string unit) => Units.Canonical(unit) ?? unit;

    private static MatchReason Reason(string code, int points, int max, params (string Key, string Value)[] facts) =>
        new(code, points, max, facts.ToImmutableDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));
}
