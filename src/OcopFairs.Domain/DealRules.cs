using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Domain;

/// <summary>What a deal rule answers: the deal's next state, the same one again (nothing to do), or a refusal.</summary>
public abstract record DealDecision
{
    private DealDecision()
    {
    }

    public sealed record Change(Deal Next) : DealDecision;

    public sealed record Unchanged(Deal Current) : DealDecision;

    public sealed record Refused(Refusal Refusal) : DealDecision;
}

/// <summary>
/// Every decision about a deal, as pure functions; the deal's grain loads it, calls one of these, commits and publishes.
/// Invariants (property tests try to break them): a deal counts on the board only while both sides' signatures are on
/// its current version and it is not cancelled; any change of the terms makes a new version without signatures (so
/// nobody is ever counted as having signed terms they did not see); a signature names the version it signs and is
/// refused when the terms have moved on; tonnes sum mass units only, every other unit stays apart by its code.
/// A signed deal is not cancelled: what became of it is recorded by the follow-ups (Lapsed), so the fair's signed
/// results do not move when one side changes its mind after the ceremony; before both signed, either side may cancel.
/// </summary>
public static class DealRules
{
    public const int MaxLines = 50, MaxMonths = 60, MaxDeliveryTermsLength = 2000, MaxMarketLength = 100;
    public const int MaxProductNameLength = 200, MaxReasonLength = 500, MaxNoteLength = 1000;

    /// <summary>A billion of any unit in one line is beyond any fair's deal; so is a unit price above 100 billion VND.</summary>
    public const decimal MaxQuantity = 1_000_000_000m, MaxUnitPriceVnd = 100_000_000_000m;

    /// <summary>Validity dates lie in this century: anything else is a typing slip, not a contract.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1), LatestDate = new(2099, 12, 31);

    /// <summary>The follow-ups: 3 and 6 months after the fair.</summary>
    public static readonly ImmutableArray<int> FollowUpMonths = [3, 6];

    /// <summary>Field errors of the terms (camelCase paths: <c>lines[0].unit</c>); empty when valid.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(DealTerms terms)
    {
        var errors = new Errors();
        errors.Defined("kind", (DealKind?)terms.Kind);
        var lines = terms.Lines.IsDefault ? [] : terms.Lines;
        if (lines.Length == 0) errors.Add("lines", "required");
        if (lines.Length > MaxLines) errors.Add("lines", "tooMany");
        for (var i = 0; i < Math.Min(lines.Length, MaxLines); i++)
        {
            var line = lines[i];
            if (line is null)
            {
                errors.Add($"lines[{i}]", "required");
                continue;
            }

            if (!FieldRules.IsId(line.ProductId)) errors.Add($"lines[{i}].productId", line.ProductId is null ? "required" : "invalidId");
            errors.Text($"lines[{i}].productName", line.ProductName, MaxProductNameLength, required: true);
            errors.Defined($"lines[{i}].group", (ProductGroup?)line.Group, "invalidGroup");
            if (!(line.Quantity > 0 && line.Quantity <= MaxQuantity)) errors.Add($"lines[{i}].quantity", "outOfRange");
            if (Units.Canonical(line.Unit) is null) errors.Add($"lines[{i}].unit", "unknownUnit");
            if (!(line.UnitPriceVnd >= 0 && line.UnitPriceVnd <= MaxUnitPriceVnd)) errors.Add($"lines[{i}].unitPriceVnd", "outOfRange");
            else if (decimal.Truncate(line.UnitPriceVnd) != line.UnitPriceVnd) errors.Add($"lines[{i}].unitPriceVnd", "wholeVnd");
            if (line.Months is { } months && months is < 1 or > MaxMonths) errors.Add($"lines[{i}].months", "outOfRange");
        }

        errors.Text("deliveryTerms", terms.DeliveryTerms, MaxDeliveryTermsLength, multiline: true);
        if (terms.Market is { } market)
        {
            if (market.Export)
            {
                if (market.Name is not { Length: 2 } code || !code.All(char.IsAsciiLetterUpper)) errors.Add("market.name", "invalidCountry");
            }
            else
            {
                errors.Text("market.name", market.Name, MaxMarketLength, required: true);
            }
        }

        if (terms.ValidFrom is { } f && (f < EarliestDate || f > LatestDate)) errors.Add("validFrom", "outOfRange");
        if (terms.ValidTo is { } t && (t < EarliestDate || t > LatestDate)) errors.Add("validTo", "outOfRange");
        else if (terms.ValidFrom is { } from && terms.ValidTo is { } to && to < from) errors.Add("validTo", "endsBeforeStart");
        return errors.ToDictionary();
    }

    /// <summary>The terms as stored: canonical unit codes, texts trimmed and in one Unicode form, no empty texts.</summary>
    public static DealTerms Normalize(DealTerms terms) => terms with
    {
        Lines = [.. (terms.Lines.IsDefault ? [] : terms.Lines).Select(l => l with
        {
            ProductName = VietnameseText.Normalize(l.ProductName),
            Unit = Units.Canonical(l.Unit) ?? l.Unit,
        })],
        DeliveryTerms = Text(terms.DeliveryTerms),
        Market = terms.Market is { } m ? m with { Name = m.Export ? m.Name.Trim().ToUpperInvariant() : VietnameseText.Normalize(m.Name) } : null,
    };

    /// <summary>Whether two sets of terms say the same (records compare arrays by reference; this compares the lines).</summary>
    public static bool SameTerms(DealTerms a, DealTerms b) =>
        a.Kind == b.Kind && a.DeliveryTerms == b.DeliveryTerms && a.Market == b.Market && a.ValidFrom == b.ValidFrom && a.ValidTo == b.ValidTo
        && (a.Lines.IsDefault ? [] : a.Lines).SequenceEqual(b.Lines.IsDefault ? [] : b.Lines);

    /// <summary>
    /// VND: Σ quantity × price × months (one-off: 1), rounded to whole đồng. Tonnes: mass units only, converted. Every
    /// other unit by its code (volumes in litres), times months — never added into tonnes.
    /// </summary>
    public static DealTotals Totals(DealTerms terms)
    {
        decimal vnd = 0, kg = 0;
        var others = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var line in terms.Lines.IsDefault ? [] : terms.Lines)
        {
            var periods = line.Months ?? 1;
            vnd += line.Quantity * line.UnitPriceVnd * periods;
            switch (Units.ToBase(line.Quantity, line.Unit))
            {
                case ({ } amount, "kg"):
                    kg += amount * periods;
                    break;
                case ({ } litres, var unit):
                    others[unit] = others.GetValueOrDefault(unit) + litres * periods;
                    break;
                default:
                    var code = Units.Canonical(line.Unit) ?? line.Unit;
                    others[code] = others.GetValueOrDefault(code) + line.Quantity * periods;
                    break;
            }
        }

        return new DealTotals(decimal.Round(vnd, 0, MidpointRounding.AwayFromZero), kg / 1000m, others.ToImmutableDictionary(StringComparer.Ordinal));
    }

    /// <summary>A side writes a new deal with the other party: a draft, version 1, unsigned.</summary>
    public static DealDecision Create(string dealId, NewDeal deal, DealActor by, DateTimeOffset now)
    {
        if (PartyOf(deal.Parties, by) is { } notParty) return new DealDecision.Refused(notParty);
        var terms = Normalize(deal.Terms);
        if (Invalid(terms) is { } invalid) return invalid;
        return new DealDecision.Change(new Deal(
            dealId, deal.FairId, deal.Parties, deal.MeetingId, 1, terms, Totals(terms), DealStatus.Draft, [], by.Side, now, now,
            null, null, [], false, false, 1));
    }

    /// <summary>
    /// New terms: a new version without signatures (a Proposed or signed deal goes back to Proposed, waiting for both
    /// signatures), unless nothing changed. A cancelled deal does not change.
    /// </summary>
    public static DealDecision Change(Deal deal, DealTerms terms, DealActor by, DateTimeOffset now)
    {
        if (Party(deal, by) is { } notParty) return new DealDecision.Refused(notParty);
        if (deal.Status == DealStatus.Cancelled) return Refuse("deal.cancelled", RefusalKind.Conflict, "The deal is cancelled.");
        var next = Normalize(terms);
        if (Invalid(next) is { } invalid) return invalid;
        if (SameTerms(deal.Terms, next)) return new DealDecision.Unchanged(deal);
        return Next(deal with
        {
            Version = deal.Version + 1,
            Terms = next,
            Totals = Totals(next),
            Signatures = [],
            SignedAt = null,
            Status = deal.Status == DealStatus.Draft ? DealStatus.Draft : DealStatus.Proposed,
        }, now);
    }

    /// <summary>A side sends the draft for signatures; a deal already out (or signed) is left as it is.</summary>
    public static DealDecision Propose(Deal deal, DealActor by, DateTimeOffset now)
    {
        if (Party(deal, by) is { } notParty) return new DealDecision.Refused(notParty);
        if (deal.Status == DealStatus.Cancelled) return Refuse("deal.cancelled", RefusalKind.Conflict, "The deal is cancelled.");
        if (deal.Status != DealStatus.Draft) return new DealDecision.Unchanged(deal);
        return Next(deal with { Status = DealStatus.Proposed }, now);
    }

    /// <summary>
    /// A side signs <paramref name="version"/>: refused when the terms have moved on (the signer has not seen them),
    /// when this side already signed it, when the deal is cancelled, or when the signer is not a party. Signing a draft
    /// proposes it; the second side's signature makes it Signed (Active once its validity has begun, see <see cref="AsOf"/>).
    /// </summary>
    public static DealDecision Sign(Deal deal, int version, DealActor by, DateTimeOffset now)
    {
        if (Party(deal, by) is { } notParty) return new DealDecision.Refused(notParty);
        if (deal.Status == DealStatus.Cancelled) return Refuse("deal.cancelled", RefusalKind.Conflict, "The deal is cancelled.");
        if (version != deal.Version)
            return Refuse("deal.versionChanged", RefusalKind.Conflict, $"The terms have changed: version {deal.Version} is current, not {version}.");
        if (deal.Signatures.Any(s => s.Side == by.Side && s.Version == version))
            return Refuse("deal.alreadySigned", RefusalKind.Conflict, "This side has already signed this version.");
        var signatures = deal.Signatures.Where(s => s.Version == deal.Version).Append(new DealSignature(by.Side, by.UserId, version, now)).ToImmutableArray();
        var both = signatures.Select(s => s.Side).Distinct().Count() == 2;
        return Next(deal with
        {
            Signatures = signatures,
            Status = both ? DealStatus.Signed : DealStatus.Proposed,
            SignedAt = both ? now : null,
        }, now);
    }

    /// <summary>Either side cancels a deal not yet signed by both, saying why; a signed deal is refused (see the class).</summary>
    public static DealDecision Cancel(Deal deal, DealActor by, string? reason, DateTimeOffset now)
    {
        if (Party(deal, by) is { } notParty) return new DealDecision.Refused(notParty);
        if (FieldRules.TextError(reason, MaxReasonLength, required: true, multiline: true) is not null)
            return Refuse("deal.reasonRequired", RefusalKind.Refused, "A reason is required to cancel.");
        if (deal.Status == DealStatus.Cancelled) return new DealDecision.Unchanged(deal);
        if (deal.Status is DealStatus.Signed or DealStatus.Active)
            return Refuse("deal.signed", RefusalKind.Conflict, "Both sides signed the deal; record its outcome with a follow-up instead.");
        return Next(deal with { Status = DealStatus.Cancelled, CancelReason = VietnameseText.Normalize(reason) }, now);
    }

    /// <summary>
    /// A side reports delivery at 3 or 6 months, for a signed deal; a second report of that side at that mark replaces
    /// its first (a correction).
    /// </summary>
    public static DealDecision FollowUp(Deal deal, DealActor by, int atMonths, DeliveryStatus status, decimal? quantityDelivered, string? unit, string? note, DateTimeOffset now)
    {
        if (Party(deal, by) is { } notParty) return new DealDecision.Refused(notParty);
        var errors = ValidateFollowUp(atMonths, status, quantityDelivered, unit, note);
        if (errors.Count > 0) return Refuse("deal.invalidFollowUp", RefusalKind.Refused, "The follow-up is not valid.", errors.Keys);
        if (deal.Status is not (DealStatus.Signed or DealStatus.Active))
            return Refuse("deal.notSigned", RefusalKind.Conflict, "Only a deal both sides signed has follow-ups.");
        var report = new DealFollowUp(atMonths, by.Side, status, quantityDelivered, unit is null ? null : Units.Canonical(unit), Text(note), now);
        var earlier = deal.FollowUps.FirstOrDefault(f => f.AtMonths == atMonths && f.Side == by.Side);
        if (earlier is not null && earlier with { At = now } == report) return new DealDecision.Unchanged(deal);
        var followUps = deal.FollowUps.Where(f => !(f.AtMonths == atMonths && f.Side == by.Side)).Append(report)
            .OrderBy(f => f.AtMonths).ThenBy(f => f.Side).ToImmutableArray();
        return Next(deal with { FollowUps = followUps }, now);
    }

    public static IReadOnlyDictionary<string, string[]> ValidateFollowUp(int atMonths, DeliveryStatus status, decimal? quantityDelivered, string? unit, string? note)
    {
        var errors = new Errors();
        if (!FollowUpMonths.Contains(atMonths)) errors.Add("atMonths", "outOfRange");
        errors.Defined("status", (DeliveryStatus?)status);
        if (quantityDelivered is { } q && !(q >= 0 && q <= MaxQuantity * MaxMonths)) errors.Add("quantityDelivered", "outOfRange");
        if (quantityDelivered is not null && unit is null) errors.Add("unit", "required");
        if (unit is not null && Units.Canonical(unit) is null) errors.Add("unit", "unknownUnit");
        errors.Text("note", note, MaxNoteLength, multiline: true);
        return errors.ToDictionary();
    }

    /// <summary>Whether this side lets the public verification page show prices (shown only when both allow).</summary>
    public static DealDecision ShowPrices(Deal deal, DealActor by, bool show, DateTimeOffset now)
    {
        if (Party(deal, by) is { } notParty) return new DealDecision.Refused(notParty);
        var next = by.Side == MeetingSide.Buyer ? deal with { BuyerShowsPrices = show } : deal with { ProducerShowsPrices = show };
        return next == deal ? new DealDecision.Unchanged(deal) : Next(next, now);
    }

    /// <summary>The deal as of <paramref name="today"/>: Signed becomes Active once its validity has begun (or has no start).</summary>
    public static Deal AsOf(Deal deal, DateOnly today) =>
        deal.Status == DealStatus.Signed && (deal.Terms.ValidFrom is not { } from || from <= today) ? deal with { Status = DealStatus.Active } : deal;

    /// <summary>Both sides' signatures are on the current version and the deal is not cancelled.</summary>
    public static bool Counted(Deal deal) =>
        deal.Status != DealStatus.Cancelled
        && deal.Signatures.Any(s => s.Side == MeetingSide.Buyer && s.Version == deal.Version)
        && deal.Signatures.Any(s => s.Side == MeetingSide.Producer && s.Version == deal.Version);

    /// <summary>Whether the prices may be shown to the public: both sides allow it.</summary>
    public static bool PricesPublic(Deal deal) => deal.BuyerShowsPrices && deal.ProducerShowsPrices;

    /// <summary>What the deal adds to its fair's board (nothing unless counted), by group, district, buyer kind and market.</summary>
    public static DealBoardEntry BoardEntry(Deal deal)
    {
        var vndByGroup = new Dictionary<ProductGroup, decimal>();
        var tonnesByGroup = new Dictionary<ProductGroup, decimal>();
        foreach (var group in deal.Terms.Lines.GroupBy(l => l.Group))
        {
            var totals = Totals(deal.Terms with { Lines = [.. group] });
            vndByGroup[group.Key] = totals.Vnd;
            tonnesByGroup[group.Key] = totals.Tonnes;
        }

        return new DealBoardEntry(
            deal.DealId, deal.FairId, deal.Revision, Counted(deal), deal.Terms.Kind, deal.Totals,
            vndByGroup.ToImmutableDictionary(), tonnesByGroup.ToImmutableDictionary(), deal.Parties.District, deal.Parties.BuyerKind,
            deal.Terms.Market?.Key, deal.SignedAt);
    }

    /// <summary>The signing as the hall announces it; null unless the deal counts.</summary>
    public static DealAnnouncement? Announcement(Deal deal) =>
        Counted(deal)
            ? new DealAnnouncement(deal.DealId, deal.Terms.Kind, deal.Parties.ProducerName, deal.Parties.District, deal.Parties.BuyerOrganisation,
                deal.Totals.Vnd, deal.Totals.Tonnes, deal.SignedAt ?? deal.UpdatedAt)
            : null;

    /// <summary>The current version of the terms as kept in the ledger's history, with the signatures it has received.</summary>
    public static DealVersion CurrentVersion(Deal deal, MeetingSide writtenBy, DateTimeOffset at) =>
        new(deal.Version, deal.Terms, deal.Totals, writtenBy, at, [.. deal.Signatures.Where(s => s.Version == deal.Version)]);

    /// <summary>Whether the actor is one of the deal's parties; any other caller is told there is no such deal.</summary>
    public static Refusal? Party(Deal deal, DealActor by) => PartyOf(deal.Parties, by);

    private static Refusal? PartyOf(DealParties parties, DealActor by) =>
        (by.Side == MeetingSide.Buyer ? parties.BuyerId : parties.ProducerId) == by.PartyId && !string.IsNullOrEmpty(by.PartyId)
            ? null
            : new Refusal("deal.notFound", RefusalKind.NotFound, "No such deal of yours.");

    private static DealDecision? Invalid(DealTerms terms)
    {
        var errors = Validate(terms);
        return errors.Count == 0 ? null : Refuse("deal.invalid", RefusalKind.Refused, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(',', e.Value)}")), errors.Keys);
    }

    private static DealDecision Next(Deal deal, DateTimeOffset now) => new DealDecision.Change(deal with { Revision = deal.Revision + 1, UpdatedAt = now });

    private static DealDecision.Refused Refuse(string code, RefusalKind kind, string message, IEnumerable<string>? items = null) =>
        new(new Refusal(code, kind, message, items?.ToArray()));

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : VietnameseText.Normalize(text);
}
