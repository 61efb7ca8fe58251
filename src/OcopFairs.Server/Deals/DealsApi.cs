using System.Collections.Immutable;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Grains;
using OcopFairs.Server.Buyers;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Deals;

public sealed record DealLineRequest(string? ProductId, decimal? Quantity, string? Unit, decimal? UnitPriceVnd, int? Months);

/// <summary>Where the goods are sold: a province (<c>export: false</c>) or an export country's ISO 3166 code.</summary>
public sealed record DealMarketRequest(bool? Export, string? Name);

/// <summary>
/// A deal's terms as a party writes them. On create the caller is one party (buyer or producer) and the body names the
/// other (<c>producerId</c> for a buyer, <c>buyerId</c> for a producer), and may name the meeting it came from; on
/// change those three are ignored.
/// </summary>
public sealed record DealRequest(
    DealKind? Kind,
    string? ProducerId,
    string? BuyerId,
    string? MeetingId,
    DealLineRequest[]? Lines,
    string? DeliveryTerms,
    DealMarketRequest? Market,
    DateOnly? ValidFrom,
    DateOnly? ValidTo) : IValidatable
{
    public void Validate(Errors errors)
    {
        if (Kind is null) errors.Add("kind", "required");
        if (ProducerId is not null && !FieldRules.IsId(ProducerId)) errors.Add("producerId", "invalidId");
        if (BuyerId is not null && !FieldRules.IsId(BuyerId)) errors.Add("buyerId", "invalidId");
        if (MeetingId is not null && !FieldRules.IsId(MeetingId)) errors.Add("meetingId", "invalidId");
        var lines = Lines ?? [];
        for (var i = 0; i < Math.Min(lines.Length, DealRules.MaxLines); i++)
        {
            if (lines[i] is null) continue;
            if (lines[i].Quantity is null) errors.Add($"lines[{i}].quantity", "required");
            if (lines[i].Unit is null) errors.Add($"lines[{i}].unit", "required");
            if (lines[i].UnitPriceVnd is null) errors.Add($"lines[{i}].unitPriceVnd", "required");
        }

        if (Market is { } m && m.Name is null) errors.Add("market.name", "required");
        if (errors.Count > 0) return;
        // The rules' own checks, with a stand-in for what the catalogue fills in (name and group).
        errors.AddAll(DealRules.Validate(ToTerms(_ => ("-", ProductGroup.Food))));
    }

    public DealTerms ToTerms(Func<string, (string Name, ProductGroup Group)> product) => new(
        Kind ?? DealKind.Memorandum,
        [.. (Lines ?? []).Select(l => l is null
            ? null!
            : new DealLine(l.ProductId ?? "", product(l.ProductId ?? "").Name, product(l.ProductId ?? "").Group,
                l.Quantity ?? 0, l.Unit ?? "", l.UnitPriceVnd ?? 0, l.Months))],
        DeliveryTerms,
        Market is { } m ? new DealMarket(m.Export ?? false, m.Name ?? "") : null,
        ValidFrom,
        ValidTo);
}

public sealed record SignDealRequest(int? Version) : IValidatable
{
    public void Validate(Errors errors)
    {
        if (Version is null) errors.Add("version", "required");
        else if (Version < 1) errors.Add("version", "outOfRange");
    }
}

public sealed record CancelDealRequest(string? Reason) : IValidatable
{
    public void Validate(Errors errors) => errors.Text("reason", Reason, DealRules.MaxReasonLength, required: true, multiline: true);
}

public sealed record FollowUpRequest(int? AtMonths, DeliveryStatus? Status, decimal? QuantityDelivered, string? Unit, string? Note) : IValidatable
{
    public void Validate(Errors errors)
    {
        if (AtMonths is null) errors.Add("atMonths", "required");
        if (Status is null) errors.Add("status", "required");
        if (errors.Count == 0) errors.AddAll(DealRules.ValidateFollowUp(AtMonths!.Value, Status!.Value, QuantityDelivered, Unit, Note));
    }
}

public sealed record ShowPricesRequest(bool? Show) : IValidatable
{
    public void Validate(Errors errors)
    {
        if (Show is null) errors.Add("show", "required");
    }
}

public sealed record DealsResponse(IReadOnlyList<Deal> Items);

/// <summary>Every version of a deal's terms, oldest first, each with the signatures it received.</summary>
public sealed record DealVersionsResponse(string DealId, int Current, IReadOnlyList<DealVersion> Items);

/// <summary>A line as the public verification page shows it; the price only when both parties allow.</summary>
public sealed record VerifiedLine(string ProductName, ProductGroup Group, decimal Quantity, string Unit, int? Months, decimal? UnitPriceVnd);

/// <summary>
/// What the QR on a printed deal opens, for anyone: the kind, the parties, the fair, the signing date and the status,
/// and the lines — prices and the value only when both parties allow it.
/// </summary>
public sealed record DealVerification(
    string DealId,
    string FairId,
    string? FairName,
    DealKind Kind,
    DealStatus Status,
    int Version,
    string ProducerName,
    string? ProducerProvince,
    string? ProducerDistrict,
    string BuyerOrganisation,
    DateTimeOffset? SignedAt,
    bool PricesShown,
    decimal? Vnd,
    decimal Tonnes,
    ImmutableDictionary<string, decimal> OtherUnits,
    IReadOnlyList<VerifiedLine> Lines);

/// <summary>
/// The deals ledger: parties write, propose, change and sign deals; the organiser sees the fair's signed ones; anyone
/// with a document's QR verifies it. The endpoints resolve who the parties are and what the catalogue says; each
/// deal's grain decides and keeps the ledger.
/// </summary>
public static class DealsApi
{
    public const int MaxKeyLength = 100;

    public static IEndpointRouteBuilder MapDealsApi(this IEndpointRouteBuilder app)
    {
        var fair = app.MapGroup("/api/fairs/{fairId}").WithTags("Deals").RequireAuthorization();
        fair.MapPost("/deals", CreateAsync).RequireAuthorization(p => p.RequireRole(Roles.Buyer, Roles.Producer)).ForFair();
        fair.MapGet("/deals", ListAsync).ForFair();
        var deal = fair.MapGroup("/deals/{dealId}").WithValidIds().ForFair();
        deal.MapGet("", GetAsync);
        deal.MapGet("/versions", VersionsAsync);
        deal.MapPut("", (string dealId, DealRequest body, [AsParameters] FairCall call) =>
            AsParty(call, dealId, async (g, d, by) =>
            {
                var producer = await call.Grains.GetGrain<IProducerGrain>(d.Parties.ProducerId).GetAsync();
                if (Products(producer, body) is not { } products) return UnknownProduct(body);
                return TypedResults.Ok(await g.ChangeAsync(body.ToTerms(products), by));
            }));
        deal.MapPost("/propose", (string dealId, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, [AsParameters] FairCall call) =>
            AsParty(call, dealId, async (g, _, by) => TypedResults.Ok(await g.ProposeAsync(by, idempotencyKey)), idempotencyKey));
        deal.MapPost("/sign", (string dealId, SignDealRequest body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, [AsParameters] FairCall call) =>
            AsParty(call, dealId, async (g, _, by) => TypedResults.Ok(await g.SignAsync(body.Version!.Value, by, idempotencyKey)), idempotencyKey));
        deal.MapPost("/cancel", (string dealId, CancelDealRequest body, [AsParameters] FairCall call) =>
            AsParty(call, dealId, async (g, _, by) => TypedResults.Ok(await g.CancelAsync(by, body.Reason!))));
        deal.MapPost("/follow-ups", (string dealId, FollowUpRequest body, [AsParameters] FairCall call) =>
            AsParty(call, dealId, async (g, _, by) =>
                TypedResults.Ok(await g.FollowUpAsync(by, body.AtMonths!.Value, body.Status!.Value, body.QuantityDelivered, body.Unit, body.Note))));
        deal.MapPost("/show-prices", (string dealId, ShowPricesRequest body, [AsParameters] FairCall call) =>
            AsParty(call, dealId, async (g, _, by) => TypedResults.Ok(await g.ShowPricesAsync(by, body.Show!.Value))));

        app.MapGet("/api/deals/{dealId}/verify", VerifyAsync).WithTags("Deals").AllowAnonymous().WithValidIds();
        return app;
    }

    /// <summary>The caller's side on this deal: its buyer or its producer (a user who is both acts as the side the deal names).</summary>
    private static DealActor? Actor(ClaimsPrincipal user, Deal deal) =>
        user.UserId() is not { } userId ? null
        : user.BuyerId() is { } b && b == deal.Parties.BuyerId ? new DealActor(MeetingSide.Buyer, b, userId)
        : user.ProducerId() is { } p && p == deal.Parties.ProducerId ? new DealActor(MeetingSide.Producer, p, userId)
        : null;

    /// <summary>A deal of this fair the caller is a party to (anything else: 404 <c>deal.notFound</c>), and the grain's answer.</summary>
    private static async Task<Results<Ok<Deal>, ProblemHttpResult>> AsParty(
        FairCall call, string dealId, Func<IDealGrain, Deal, DealActor, Task<Results<Ok<Deal>, ProblemHttpResult>>> act, string? idempotencyKey = null)
    {
        if (Keyed(idempotencyKey) is { } badKey) return badKey;
        var grain = call.Grains.GetGrain<IDealGrain>(dealId);
        if (await grain.GetAsync() is not { } deal || deal.FairId != call.FairId) return Problems.NotFound("deal.notFound");
        if (Actor(call.User, deal) is not { } by) return Problems.NotFound("deal.notFound");
        return await act(grain, deal, by);
    }

    private static ProblemHttpResult? Keyed(string? key) =>
        key is null || key.Length is > 0 and <= MaxKeyLength && key.All(c => c is > ' ' and <= '~')
            ? null
            : Problems.Of(StatusCodes.Status400BadRequest, "invalidKey");

    private static async Task<Results<Created<Deal>, ProblemHttpResult>> CreateAsync(
        DealRequest body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, [AsParameters] FairCall call)
    {
        if (Keyed(idempotencyKey) is { } badKey) return badKey;
        if (call.User.UserId() is not { } userId) return Problems.Forbidden();
        string buyerId, producerId;
        MeetingSide side;
        if (call.User.BuyerId() is { } ownBuyer && (body.BuyerId is null || body.BuyerId == ownBuyer) && body.ProducerId is not null)
        {
            (side, buyerId, producerId) = (MeetingSide.Buyer, ownBuyer, body.ProducerId);
        }
        else if (call.User.ProducerId() is { } ownProducer && (body.ProducerId is null || body.ProducerId == ownProducer) && body.BuyerId is not null)
        {
            (side, buyerId, producerId) = (MeetingSide.Producer, body.BuyerId, ownProducer);
        }
        else if (call.User.BuyerId() is null && call.User.ProducerId() is null)
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, call.User.IsInRole(Roles.Buyer) ? "buyer.notFound" : "producer.noProfile");
        }
        else
        {
            // Each side writes deals as itself, naming the other party; a deal between two others is not the caller's.
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "deal.notParty");
        }

        var buyer = await call.Grains.GetGrain<IBuyerGrain>(buyerId).GetAsync();
        if (buyer is null) return Problems.Of(StatusCodes.Status422UnprocessableEntity, "deal.noBuyer");
        var application = await call.Grains.GetGrain<IExhibitorGrain>(ExhibitorGrain.Key(call.FairId, producerId)).GetAsync();
        var producer = await call.Grains.GetGrain<IProducerGrain>(producerId).GetAsync();
        if (producer is null || application?.Status != ApplicationStatus.Approved) return Problems.Of(StatusCodes.Status422UnprocessableEntity, "deal.notExhibiting");
        if (Products(producer, body) is not { } products) return UnknownProduct(body);
        if (body.MeetingId is { } meetingId)
        {
            var meetings = await call.Grains.GetGrain<IMeetingsGrain>(call.FairId).ListAsync(MeetingSide.Buyer, buyerId);
            if (!meetings.Any(m => m.MeetingId == meetingId && m.ProducerId == producerId))
                return Problems.Of(StatusCodes.Status422UnprocessableEntity, "deal.unknownMeeting");
        }

        var parties = new DealParties(
            producerId, producer.Profile.Name, producer.Profile.Province, producer.Profile.District,
            buyerId, buyer.Profile.Organisation, buyer.Profile.Kind);
        var partyId = side == MeetingSide.Buyer ? buyerId : producerId;
        var dealId = NewDealId(userId, call.FairId, idempotencyKey);
        var deal = await call.Grains.GetGrain<IDealGrain>(dealId).CreateAsync(
            new NewDeal(call.FairId, parties, body.MeetingId, body.ToTerms(products)), new DealActor(side, partyId, userId), idempotencyKey);
        return TypedResults.Created($"/api/fairs/{call.FairId}/deals/{deal.DealId}", deal);
    }

    /// <summary>A fresh id, or one derived from the caller and the Idempotency-Key, so a retried create lands on the same deal.</summary>
    internal static string NewDealId(string userId, string fairId, string? idempotencyKey)
    {
        if (idempotencyKey is null) return "d-" + Guid.CreateVersion7().ToString("N");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"deal:{userId}:{fairId}:{idempotencyKey}"));
        return "d-" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>Each line's product from the producer's catalogue (name and group), or null when one is not the producer's.</summary>
    private static Func<string, (string, ProductGroup)>? Products(ProducerView? producer, DealRequest body)
    {
        var catalogue = (producer?.Products.IsDefault ?? true ? [] : producer.Products).ToDictionary(p => p.ProductId, StringComparer.Ordinal);
        if ((body.Lines ?? []).Any(l => l?.ProductId is not { } id || !catalogue.ContainsKey(id))) return null;
        return id => catalogue.TryGetValue(id, out var p) ? (p.Name, p.Group) : ("-", ProductGroup.Food);
    }

    private static ProblemHttpResult UnknownProduct(DealRequest body) =>
        Problems.Of(StatusCodes.Status422UnprocessableEntity, "deal.unknownProduct", items: [.. (body.Lines ?? []).Select(l => l?.ProductId ?? "").Distinct()]);

    /// <summary>Own deals for a buyer or producer; the signed and active deals of the fair for its organiser.</summary>
    private static async Task<Results<Ok<DealsResponse>, ProblemHttpResult>> ListAsync([AsParameters] FairCall call, DealStore store, TimeProvider clock)
    {
        var today = DealGrain.Today(clock.GetUtcNow());
        IReadOnlyList<Deal> deals;
        if (call.User.RunsFair(call.Fair)) deals = await store.ListAsync(call.FairId, null, null, countedOnly: true);
        else if (call.User.BuyerId() is { } b) deals = await store.ListAsync(call.FairId, MeetingSide.Buyer, b, countedOnly: false);
        else if (call.User.ProducerId() is { } p) deals = await store.ListAsync(call.FairId, MeetingSide.Producer, p, countedOnly: false);
        else return Problems.Forbidden();
        return TypedResults.Ok(new DealsResponse([.. deals.Select(d => DealRules.AsOf(d, today))]));
    }

    /// <summary>The deal for its parties; for the fair's organiser only while signed (counted).</summary>
    private static async Task<Results<Ok<Deal>, ProblemHttpResult>> GetAsync(string dealId, [AsParameters] FairCall call) =>
        await Visible(call, dealId) is { } deal ? TypedResults.Ok(deal) : Problems.NotFound("deal.notFound");

    private static async Task<Results<Ok<DealVersionsResponse>, ProblemHttpResult>> VersionsAsync(string dealId, [AsParameters] FairCall call)
    {
        if (await Visible(call, dealId) is not { } deal) return Problems.NotFound("deal.notFound");
        var versions = await call.Grains.GetGrain<IDealGrain>(dealId).VersionsAsync();
        return TypedResults.Ok(new DealVersionsResponse(deal.DealId, deal.Version, versions));
    }

    private static async Task<Deal?> Visible(FairCall call, string dealId)
    {
        var deal = await call.Grains.GetGrain<IDealGrain>(dealId).GetAsync();
        if (deal is null || deal.FairId != call.FairId) return null;
        return Actor(call.User, deal) is not null || (call.User.RunsFair(call.Fair) && DealRules.Counted(deal)) ? deal : null;
    }

    /// <summary>
    /// The public verification behind a document's QR. A draft (never sent for signatures) is nobody's business but
    /// its parties' and answers 404; prices and the value only when both parties allow.
    /// </summary>
    private static async Task<Results<Ok<DealVerification>, ProblemHttpResult>> VerifyAsync(string dealId, IGrainFactory grains)
    {
        var deal = await grains.GetGrain<IDealGrain>(dealId).GetAsync();
        if (deal is null || deal.Status == DealStatus.Draft) return Problems.NotFound("deal.notFound");
        var fair = await grains.GetGrain<IFairGrain>(deal.FairId).GetAsync();
        var prices = DealRules.PricesPublic(deal);
        return TypedResults.Ok(new DealVerification(
            deal.DealId, deal.FairId, fair?.Details.Name, deal.Terms.Kind, deal.Status, deal.Version,
            deal.Parties.ProducerName, deal.Parties.Province, deal.Parties.District, deal.Parties.BuyerOrganisation, deal.SignedAt,
            prices, prices ? deal.Totals.Vnd : null, deal.Totals.Tonnes, deal.Totals.OtherUnits,
            [.. deal.Terms.Lines.Select(l => new VerifiedLine(l.ProductName, l.Group, l.Quantity, l.Unit, l.Months, prices ? l.UnitPriceVnd : null))]));
    }
}
