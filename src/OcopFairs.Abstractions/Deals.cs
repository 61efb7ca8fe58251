using System.Collections.Immutable;

namespace OcopFairs.Abstractions;

/// <summary>The documents signed at a fair, reported apart: biên bản ghi nhớ, thỏa thuận hợp tác, hợp đồng tiêu thụ.</summary>
public enum DealKind { Memorandum, CooperationAgreement, ConsumptionContract }

/// <summary>
/// Draft (being written) → Proposed (sent for signatures; one side may have signed) → Signed (both signed the same
/// version) → Active (signed, and its validity has begun); Cancelled with a reason.
/// </summary>
public enum DealStatus { Draft, Proposed, Signed, Active, Cancelled }

/// <summary>What a side reports about delivery at the 3- and 6-month follow-ups.</summary>
public enum DeliveryStatus { Delivering, Fulfilled, Lapsed }

/// <summary>
/// A line of a deal: one of the exhibitor's products, a quantity in a unit (a unit code, as products' capacity), the
/// price in VND per that unit, and the period: one-off (<see cref="Months"/> null) or that quantity per month for N months.
/// Name and group are copied from the catalogue when the line is written, so a document shows what was signed.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocop.DealLine")]
public sealed record DealLine(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string ProductName,
    [property: Id(2)] ProductGroup Group,
    [property: Id(3)] decimal Quantity,
    [property: Id(4)] string Unit,
    [property: Id(5)] decimal UnitPriceVnd,
    [property: Id(6)] int? Months);

/// <summary>Where the goods are sold: a Vietnamese province, or an export country (ISO 3166 code).</summary>
[GenerateSerializer, Immutable, Alias("ocop.DealMarket")]
public sealed record DealMarket(
    [property: Id(0)] bool Export,
    [property: Id(1)] string Name)
{
    /// <summary>The key the board counts markets by: <c>vn:Hà Nội</c> or <c>export:JP</c>.</summary>
    public string Key => Export ? $"export:{Name}" : $"vn:{Name}";
}

/// <summary>The terms both sides sign: everything that makes a new version when it changes.</summary>
[GenerateSerializer, Immutable, Alias("ocop.DealTerms")]
public sealed record DealTerms(
    [property: Id(0)] DealKind Kind,
    [property: Id(1)] ImmutableArray<DealLine> Lines,
    [property: Id(2)] string? DeliveryTerms,
    [property: Id(3)] DealMarket? Market,
    [property: Id(4)] DateOnly? ValidFrom,
    [property: Id(5)] DateOnly? ValidTo);

/// <summary>
/// A deal's totals: VND over every line (quantity × price × months), tonnes only over mass units (kg, yến, tạ, tấn …
/// converted), and every other unit summed by its unit code — never added into tonnes.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocop.DealTotals")]
public sealed record DealTotals(
    [property: Id(0)] decimal Vnd,
    [property: Id(1)] decimal Tonnes,
    [property: Id(2)] ImmutableDictionary<string, decimal> OtherUnits);

/// <summary>A side's signature on one version of the terms.</summary>
[GenerateSerializer, Immutable, Alias("ocop.DealSignature")]
public sealed record DealSignature(
    [property: Id(0)] MeetingSide Side,
    [property: Id(1)] string UserId,
    [property: Id(2)] int Version,
    [property: Id(3)] DateTimeOffset At);

/// <summary>One version of a deal's terms, who wrote it and when, and the signatures it received.</summary>
[GenerateSerializer, Immutable, Alias("ocop.DealVersion")]
public sealed record DealVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] DealTerms Terms,
    [property: Id(2)] DealTotals Totals,
    [property: Id(3)] MeetingSide WrittenBy,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] ImmutableArray<DealSignature> Signatures);

/// <summary>A side's delivery report at 3 or 6 months after the fair.</summary>
[GenerateSerializer, Immutable, Alias("ocop.DealFollowUp")]
public sealed record DealFollowUp(
    [property: Id(0)] int AtMonths,
    [property: Id(1)] MeetingSide Side,
    [property: Id(2)] DeliveryStatus Status,
    [property: Id(3)] decimal? QuantityDelivered,
    [property: Id(4)] string? Unit,
    [property: Id(5)] string? Note,
    [property: Id(6)] DateTimeOffset At);

/// <summary>Facts about the two parties copied onto a deal when it is created, for documents, reports and the board.</summary>
[GenerateSerializer, Immutable, Alias("ocop.DealParties")]
public sealed record DealParties(
    [property: Id(0)] string ProducerId,
    [property: Id(1)] string ProducerName,
    [property: Id(2)] string? Province,
    [property: Id(3)] string? District,
    [property: Id(4)] string BuyerId,
    [property: Id(5)] string BuyerOrganisation,
    [property: Id(6)] BuyerKind BuyerKind);

/// <summary>
/// A deal between an exhibitor and a buyer at a fair: its current terms (<see cref="Version"/> counts versions of the
/// terms), the signatures on the current version, and its status. <see cref="Revision"/> counts every change (the
/// store's guard against an older write landing after a newer one).
/// </summary>
[GenerateSerializer, Immutable, Alias("ocop.Deal")]
public sealed record Deal(
    [property: Id(0)] string DealId,
    [property: Id(1)] string FairId,
    [property: Id(2)] DealParties Parties,
    [property: Id(3)] string? MeetingId,
    [property: Id(4)] int Version,
    [property: Id(5)] DealTerms Terms,
    [property: Id(6)] DealTotals Totals,
    [property: Id(7)] DealStatus Status,
    [property: Id(8)] ImmutableArray<DealSignature> Signatures,
    [property: Id(9)] MeetingSide CreatedBy,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset UpdatedAt,
    [property: Id(12)] DateTimeOffset? SignedAt,
    [property: Id(13)] string? CancelReason,
    [property: Id(14)] ImmutableArray<DealFollowUp> FollowUps,
    [property: Id(15)] bool BuyerShowsPrices,
    [property: Id(16)] bool ProducerShowsPrices,
    [property: Id(17)] long Revision);

/// <summary>Who acts on a deal: a side, the party (buyer or producer id) and the signed-in user.</summary>
[GenerateSerializer, Immutable, Alias("ocop.DealActor")]
public sealed record DealActor(
    [property: Id(0)] MeetingSide Side,
    [property: Id(1)] string PartyId,
    [property: Id(2)] string UserId);

/// <summary>What the endpoint resolved for a new deal: the fair, the parties' facts, the meeting it came from, the terms.</summary>
[GenerateSerializer, Immutable, Alias("ocop.NewDeal")]
public sealed record NewDeal(
    [property: Id(0)] string FairId,
    [property: Id(1)] DealParties Parties,
    [property: Id(2)] string? MeetingId,
    [property: Id(3)] DealTerms Terms);

/// <summary>
/// What one deal adds to its fair's board: nothing unless <see cref="Counted"/> (both sides signed its current version
/// and it is not cancelled). The board replaces a deal's entry by <see cref="DealId"/> and ignores an entry older
/// (lower <see cref="Revision"/>) than the one it holds, so a repeat or a late arrival changes nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocop.DealBoardEntry")]
public sealed record DealBoardEntry(
    [property: Id(0)] string DealId,
    [property: Id(1)] string FairId,
    [property: Id(2)] long Revision,
    [property: Id(3)] bool Counted,
    [property: Id(4)] DealKind Kind,
    [property: Id(5)] DealTotals Totals,
    [property: Id(6)] ImmutableDictionary<ProductGroup, decimal> VndByGroup,
    [property: Id(7)] ImmutableDictionary<ProductGroup, decimal> TonnesByGroup,
    [property: Id(8)] string? District,
    [property: Id(9)] BuyerKind BuyerKind,
    [property: Id(10)] string? MarketKey,
    [property: Id(11)] DateTimeOffset? SignedAt);

/// <summary>A signing as the hall announces it (no prices beyond the deal's total value).</summary>
[GenerateSerializer, Immutable, Alias("ocop.DealAnnouncement")]
public sealed record DealAnnouncement(
    [property: Id(0)] string DealId,
    [property: Id(1)] DealKind Kind,
    [property: Id(2)] string ProducerName,
    [property: Id(3)] string? District,
    [property: Id(4)] string BuyerOrganisation,
    [property: Id(5)] decimal Vnd,
    [property: Id(6)] decimal Tonnes,
    [property: Id(7)] DateTimeOffset SignedAt);

/// <summary>
/// One deal's ledger [dealId]: the one writer of its terms, versions and signatures. Every change is durable in
/// PostgreSQL before it is answered; create, propose and sign take an Idempotency-Key whose retry answers the first result.
/// </summary>
public interface IDealGrain : IGrainWithStringKey
{
    /// <summary>The deal, or null when none was created under this id.</summary>
    Task<Deal?> GetAsync();

    Task<Deal> CreateAsync(NewDeal deal, DealActor by, string? idempotencyKey);

    /// <summary>New terms: a new version (the signatures on the old one no longer count) unless nothing changed.</summary>
    Task<Deal> ChangeAsync(DealTerms terms, DealActor by);

    Task<Deal> ProposeAsync(DealActor by, string? idempotencyKey);

    /// <summary>Signs <paramref name="version"/>; refused when the terms have moved on (the signer has not seen them).</summary>
    Task<Deal> SignAsync(int version, DealActor by, string? idempotencyKey);

    Task<Deal> CancelAsync(DealActor by, string reason);

    Task<Deal> FollowUpAsync(DealActor by, int atMonths, DeliveryStatus status, decimal? quantityDelivered, string? unit, string? note);

    /// <summary>Whether this side lets the public verification page show prices (shown only when both allow).</summary>
    Task<Deal> ShowPricesAsync(DealActor by, bool show);

    Task<ImmutableArray<DealVersion>> VersionsAsync();
}

/// <summary>Booths by status on the board.</summary>
[GenerateSerializer, Immutable, Alias("ocop.BoardBooths")]
public sealed record BoardBooths([property: Id(0)] int Free, [property: Id(1)] int Held, [property: Id(2)] int Confirmed);

/// <summary>Meetings by status on the board.</summary>
[GenerateSerializer, Immutable, Alias("ocop.BoardMeetings")]
public sealed record BoardMeetings(
    [property: Id(0)] int Requested,
    [property: Id(1)] int Accepted,
    [property: Id(2)] int Held,
    [property: Id(3)] int NoShow);

/// <summary>Counted deals in one bucket (a group, district, buyer kind or market): how many, their VND and tonnes.</summary>
[GenerateSerializer, Immutable, Alias("ocop.BoardAmount")]
public sealed record BoardAmount([property: Id(0)] int Deals, [property: Id(1)] decimal Vnd, [property: Id(2)] decimal Tonnes);

/// <summary>The counted deals of a fair, by kind and by the buckets provinces report.</summary>
[GenerateSerializer, Immutable, Alias("ocop.BoardDeals")]
public sealed record BoardDeals(
    [property: Id(0)] ImmutableDictionary<DealKind, int> ByKind,
    [property: Id(1)] decimal Vnd,
    [property: Id(2)] decimal Tonnes,
    [property: Id(3)] ImmutableDictionary<string, decimal> OtherUnits,
    [property: Id(4)] ImmutableDictionary<string, BoardAmount> ByGroup,
    [property: Id(5)] ImmutableDictionary<string, BoardAmount> ByDistrict,
    [property: Id(6)] ImmutableDictionary<string, BoardAmount> ByBuyerKind,
    [property: Id(7)] ImmutableDictionary<string, BoardAmount> ByMarket);

/// <summary>A fair's results board at fair version <see cref="Version"/>.</summary>
[GenerateSerializer, Immutable, Alias("ocop.FairBoard")]
public sealed record FairBoard(
    [property: Id(0)] string FairId,
    [property: Id(1)] long Version,
    [property: Id(2)] BoardBooths Booths,
    [property: Id(3)] BoardMeetings Meetings,
    [property: Id(4)] BoardDeals Deals);

/// <summary>
/// A fair's results board [fairId]: kept incrementally from each deal's <see cref="DealBoardEntry"/> and the meeting
/// counts (never a recount per change), rebuilt from <c>app.deals</c> when it activates, and pushed on the fair's
/// versioned stream as <c>BoardChanged</c> (and <c>DealSigned</c> for a new signing).
/// </summary>
public interface IFairBoardGrain : IGrainWithStringKey
{
    Task<FairBoard> GetAsync();

    /// <summary>Takes a deal's contribution (idempotent by deal and revision); called after the deal's change is durable.</summary>
    Task RecordDealAsync(DealBoardEntry entry, DealAnnouncement? signed);

    Task RecordMeetingsAsync(BoardMeetings meetings);
}
