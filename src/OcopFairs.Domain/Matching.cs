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
    /// <summary>The month's capacity in kg, litres, or its own counted unit, worked out once for every need it meets.</summary>
    public (decimal Amount, string Unit)? CapacityInBase { get; } = Matching.InBase(CapacityPerMonth?.Amount, CapacityPerMonth?.Unit);

    /// <summary>The price range per kg, litre or counted unit.</summary>
    public (decimal Min, decimal Max, string Unit)? PriceInBase { get; } = Matching.PriceInBase(Price);

    /// <summary>Certifications held, the growing-area code counting as "PUC".</summary>
    public IReadOnlySet<string> Held { get; } = Matching.HeldCertifications(Certifications, Puc);

    /// <summary>Folds the texts a buyer's keywords are looked for in.</summary>
    public static string Fold(string productName, string? subGroup, string producerName) =>
        Matching.Words($"{productName} {subGroup} {producerName}");
}

/// <summary>A need ready to score: its keywords folded, its quantity and price band in base units, its export markets.</summary>
public sealed record PreparedNeed(SourcingNeed Need, ImmutableArray<string> Keywords, ImmutableArray<string> FoldedKeywords)
{
    public (decimal Amount, string Unit)? DemandInBase { get; } = Matching.InBase(Need.QuantityPerMonth?.Amount, Need.QuantityPerMonth?.Unit);

    /// <summary>The band per base unit: (min, max, unit), either end open.</summary>
    public (decimal? Min, decimal? Max, string Unit)? BandInBase { get; } = Matching.BandInBase(Need.PriceBandVnd);

    public ImmutableArray<string> Exports { get; } = [.. (Need.Markets.IsDefault ? [] : Need.Markets).Where(m => !Matching.IsDomestic(m))];

    public ImmutableArray<string> Required { get; } = Need.Certifications.IsDefault ? [] : Need.Certifications;
}

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
        var pairs = keywords.Select(k => (k, Folded: Words(k))).Where(x => x.Folded.Length > 0).ToArray();
        return new PreparedNeed(need, [.. pairs.Select(p => p.k)], [.. pairs.Select(p => p.Folded)]);
    }

    /// <summary>Text folded for matching: <see cref="VietnameseText.Fold"/>, every non-letter-or-digit a space, padded with spaces.</summary>
    public static string Words(string? text)
    {
        var folded = VietnameseText.Fold(text);
        var chars = folded.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        var words = new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? string.Empty : $" {string.Join(' ', words)} ";
    }

    /// <summary>The score without its reasons (no allocation): what ranking compares. Equal to <see cref="Score"/>'s by construction.</summary>
    public static (int Points, string? Veto) Points(PreparedNeed need, MatchCandidate c, DateOnly fairLastDay, bool dismissed = false)
    {
        var e = Evaluate(need, c, fairLastDay, dismissed);
        return (e.Veto is null ? e.Total : 0, e.Veto);
    }

    /// <summary>The score with one reason per component, each with the numbers behind it.</summary>
    public static MatchScore Score(PreparedNeed need, MatchCandidate c, DateOnly fairLastDay, bool dismissed = false)
    {
        var e = Evaluate(need, c, fairLastDay, dismissed);
        var n = need.Need;
        var unitOut = n.QuantityPerMonth?.Unit ?? "";
        ImmutableArray<MatchReason> reasons =
        [
            Reason("keywords", e.Keywords, KeywordPoints, ("matched", e.Matched.ToString()), ("total", need.FoldedKeywords.Length.ToString()),
                ("words", string.Join(", ", need.Keywords.Where((_, i) => c.FoldedText.Contains(need.FoldedKeywords[i], StringComparison.Ordinal))))),
            Reason(e.GroupFits ? "group" : "group.mismatch", e.Group, GroupPoints, ("group", c.Group.ToString())),
            Reason(e.StarsFit ? "stars" : "stars.below", e.Stars, StarPoints, ("stars", c.Stars.ToString()), ("min", n.MinStars.ToString())),
            need.Required.Length == 0
                ? Reason("certifications.none", e.Certifications, CertificationPoints)
                : Reason("certifications", e.Certifications, CertificationPoints,
                    ("covered", string.Join(", ", need.Required.Where(c.Held.Contains))), ("missing", string.Join(", ", need.Required.Where(r => !c.Held.Contains(r)))),
                    ("count", need.Required.Count(c.Held.Contains).ToString()), ("required", need.Required.Length.ToString())),
            e.CapacityCode switch
            {
                "capacity.none" => Reason("capacity.none", e.Capacity, CapacityPoints),
                "capacity.unknown" => Reason("capacity.unknown", 0, CapacityPoints, ("demand", Number(n.QuantityPerMonth!.Amount)), ("unit", Unit(unitOut))),
                "capacity.incomparable" => Reason("capacity.incomparable", 0, CapacityPoints, ("supply", Number(c.CapacityPerMonth!.Amount)),
                    ("supplyUnit", Unit(c.CapacityPerMonth.Unit)), ("demand", Number(n.QuantityPerMonth!.Amount)), ("unit", Unit(unitOut))),
                var code => Reason(code, e.Capacity, CapacityPoints, ("supply", Number(InUnit(c.CapacityPerMonth!.Amount, c.CapacityPerMonth.Unit, unitOut) ?? 0)),
                    ("demand", Number(n.QuantityPerMonth!.Amount)), ("unit", Unit(unitOut))),
            },
            PriceReason(n, c, e),
            Reason(e.MarketCode, e.Market, MarketPoints,
                ("markets", string.Join(", ", e.MarketCode == "market.domestic" ? (n.Markets.IsDefault ? [] : n.Markets) : need.Exports))),
            Reason(e.CertificateValid ? "certificate" : "certificate.lapsed", 0, 0,
                ("expiresOn", c.CertificateExpiresOn.ToString("yyyy-MM-dd")), ("fairLastDay", fairLastDay.ToString("yyyy-MM-dd"))),
        ];
        return new MatchScore(c, e.Veto is null ? e.Total : 0, reasons, e.Veto);
    }

    private static MatchReason PriceReason(SourcingNeed n, MatchCandidate c, Evaluation e)
    {
        if (e.PriceCode == "price.none") return Reason("price.none", e.Price, PricePoints);
        var band = n.PriceBandVnd!;
        (string, string)[] facts = [("min", band.Min?.ToString() ?? ""), ("max", band.Max?.ToString() ?? ""), ("unit", Unit(band.Per))];
        if (e.PriceCode is "price.unknown" or "price.incomparable") return Reason(e.PriceCode, 0, PricePoints, facts);
        var min = PerUnit(c.Price!.Min, c.Price.Unit, band.Per) ?? 0;
        var max = PerUnit(c.Price.Max, c.Price.Unit, band.Per) ?? 0;
        return Reason(e.PriceCode, e.Price, PricePoints, [.. facts, ("priceMin", min.ToString()), ("priceMax", max.ToString())]);
    }

    /// <summary>Every component's points, and the codes that say which case applied; one path for ranking and for reasons.</summary>
    private readonly record struct Evaluation(
        int Keywords, int Matched, bool GroupFits, int Group, bool StarsFit, int Stars, int Certifications,
        string CapacityCode, int Capacity, string PriceCode, int Price, string MarketCode, int Market, bool CertificateValid, string? Veto)
    {
        public int Total => Keywords + Group + Stars + Certifications + Capacity + Price + Market;
    }

    private static Evaluation Evaluate(PreparedNeed need, MatchCandidate c, DateOnly fairLastDay, bool dismissed)
    {
        var n = need.Need;
        var matched = 0;
        foreach (var k in need.FoldedKeywords)
        {
            if (c.FoldedText.Contains(k, StringComparison.Ordinal)) matched++;
        }

        var total = need.FoldedKeywords.Length;
        var keywords = total == 0 ? KeywordPoints : KeywordPoints * matched / total;
        var groupFits = n.Groups.IsDefaultOrEmpty || n.Groups.Contains(c.Group);
        var starsFit = c.Stars >= n.MinStars;
        var stars = starsFit ? StarPoints * (c.Stars - n.MinStars + 1) / (6 - Math.Clamp(n.MinStars, 1, 5)) : 0;
        var required = need.Required.Length;
        var certifications = required == 0 ? CertificationPoints : CertificationPoints * need.Required.Count(c.Held.Contains) / required;

        var (capacityCode, capacity) = (need.DemandInBase, c.CapacityInBase) switch
        {
            (null, _) => ("capacity.none", CapacityPoints),
            (_, null) when c.CapacityPerMonth is null => ("capacity.unknown", 0),
            ({ } d, { } s) when d.Unit == s.Unit => s.Amount >= d.Amount ? ("capacity", CapacityPoints) : ("capacity.short", (int)(CapacityPoints * (s.Amount / d.Amount))),
            _ => ("capacity.incomparable", 0),
        };

        var (priceCode, price) = (need.BandInBase, c.PriceInBase) switch
        {
            (null, _) => ("price.none", PricePoints),
            (_, null) when c.Price is null => ("price.unknown", 0),
            ({ } b, { } p) when b.Unit == p.Unit =>
                p.Min <= (b.Max ?? decimal.MaxValue) && p.Max >= (b.Min ?? 0) ? ("price", PricePoints) : ("price.outside", 0),
            _ => ("price.incomparable", 0),
        };

        var (marketCode, market) = need.Exports.Length == 0 ? ("market.domestic", MarketPoints)
            : c.Puc is { Length: > 0 } ? ("market.export", MarketPoints) : ("market.exportNoPuc", 0);
        var certificateValid = c.CertificateExpiresOn >= fairLastDay;
        var veto = dismissed ? VetoDismissed : !groupFits ? VetoGroup : !starsFit ? VetoStars : !certificateValid ? VetoCertificate : null;
        return new Evaluation(keywords, matched, groupFits, groupFits ? GroupPoints : 0, starsFit, stars, certifications,
            capacityCode, capacity, priceCode, price, marketCode, market, certificateValid, veto);
    }

    /// <summary>
    /// The need's best suppliers: each producer once (its best product), vetoed ones left out, by score, then stars,
    /// then product name and id so that equal scores always come in the same order. Reasons are built for the ones
    /// answered only.
    /// </summary>
    public static IReadOnlyList<MatchScore> Rank(
        PreparedNeed need, IEnumerable<MatchCandidate> candidates, DateOnly fairLastDay, IReadOnlySet<string> dismissed, int limit)
    {
        var best = new Dictionary<string, (int Points, MatchCandidate C)>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (!QuickFit(need.Need, c, fairLastDay) || dismissed.Contains(c.ProducerId)) continue;
            var (points, veto) = Points(need, c, fairLastDay);
            if (veto is not null) continue;
            if (!best.TryGetValue(c.ProducerId, out var current) || Better(points, c, current.Points, current.C)) best[c.ProducerId] = (points, c);
        }

        return best.Values
            .OrderByDescending(x => x.Points).ThenByDescending(x => x.C.Stars).ThenBy(x => x.C.ProductName, StringComparer.Ordinal)
            .ThenBy(x => x.C.ProducerId, StringComparer.Ordinal).ThenBy(x => x.C.ProductId, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))
            .Select(x => Score(need, x.C, fairLastDay))
            .ToArray();
    }

    private static bool Better(int points, MatchCandidate c, int otherPoints, MatchCandidate other)
    {
        if (points != otherPoints) return points > otherPoints;
        if (c.Stars != other.Stars) return c.Stars > other.Stars;
        var byName = string.CompareOrdinal(c.ProductName, other.ProductName);
        return byName != 0 ? byName < 0 : string.CompareOrdinal(c.ProductId, other.ProductId) < 0;
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

    /// <summary>A Vietnamese province or "VN" is a domestic market; a two- or three-letter code other than VN, or another name, is export.</summary>
    public static bool IsDomestic(string market)
    {
        var folded = VietnameseText.Fold(market);
        return Domestic.Contains(folded) || Provinces.Contains(folded);
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

    /// <summary>An amount in kg or litres, or in its own counted unit (boxes stay boxes); null when the unit is unknown.</summary>
    public static (decimal Amount, string Unit)? InBase(decimal? amount, string? unit)
    {
        if (amount is not { } a || Units.Canonical(unit) is not { } code) return null;
        return Units.ToBase(a, code) is { } b ? (b.Amount, b.Unit) : (a, code);
    }

    internal static (decimal Min, decimal Max, string Unit)? PriceInBase(PriceRange? p)
    {
        if (p is null || InBase(1, p.Unit) is not { } one || one.Amount == 0) return null;
        return (p.Min / one.Amount, p.Max / one.Amount, one.Unit);
    }

    internal static (decimal? Min, decimal? Max, string Unit)? BandInBase(PriceBand? b)
    {
        if (b is null || InBase(1, b.Per) is not { } one || one.Amount == 0) return null;
        return (b.Min / one.Amount, b.Max / one.Amount, one.Unit);
    }

    internal static IReadOnlySet<string> HeldCertifications(ImmutableArray<string> certifications, string? puc)
    {
        var held = new HashSet<string>(certifications.IsDefault ? [] : certifications, StringComparer.OrdinalIgnoreCase);
        if (puc is { Length: > 0 }) held.Add("PUC");
        return held;
    }

    private static string Number(decimal d) => decimal.Round(d, 3).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    private static string Unit(string unit) => Units.Canonical(unit) ?? unit;

    private static MatchReason Reason(string code, int points, int max, params (string Key, string Value)[] facts) =>
        new(code, points, max, facts.ToImmutableDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));
}
