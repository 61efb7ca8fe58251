using System.Collections.Immutable;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Infrastructure;
using OcopFairs.Server.Producers;

namespace OcopFairs.Server.Buyers;

public sealed record RepresentativeDto(string? Name, string? Phone);

public sealed record PriceBandDto(long? Min, long? Max, string? Per);

public sealed record NeedDto(
    string? NeedId, string[]? Keywords, ProductGroup[]? Groups, int? MinStars, string[]? Certifications,
    QuantityDto? QuantityPerMonth, PriceBandDto? PriceBandVnd, string[]? Markets);

/// <summary>A buyer's profile as sent: organisation, kind, where, whom to contact, who attends, and what it sources.</summary>
public sealed record BuyerRequest(
    string? Organisation, BuyerKind? Kind, string? Province, string? Contact, RepresentativeDto[]? Representatives, NeedDto[]? Needs) : IValidatable
{
    public void Validate(Errors errors)
    {
        if (Kind is null) errors.Add("kind", "required");
        var needs = Needs ?? [];
        for (var i = 0; i < needs.Length; i++)
        {
            if (needs[i] is null) { errors.Add($"needs[{i}]", "required"); continue; }
            if (needs[i].MinStars is null) errors.Add($"needs[{i}].minStars", "required");
            if (needs[i].QuantityPerMonth is { Quantity: null }) errors.Add($"needs[{i}].quantityPerMonth.quantity", "required");
            if (needs[i].PriceBandVnd is { Per: null or "" }) errors.Add($"needs[{i}].priceBandVnd.per", "required");
        }

        if ((Representatives ?? []).Any(r => r is null)) errors.Add("representatives", "required");
        if (errors.Count == 0)
        {
            // Ids are made by the server for new needs; only given ones are checked as ids.
            var profile = ToProfile();
            errors.AddAll(BuyerRules.Validate(profile with { Needs = [.. profile.Needs.Select((n, i) => n.NeedId.Length == 0 ? n with { NeedId = $"new{i}" } : n)] }));
        }
    }

    public BuyerProfile ToProfile() => new(
        Organisation ?? string.Empty,
        Kind ?? BuyerKind.Other,
        Province,
        Contact,
        [.. (Representatives ?? []).Select(r => new Representative(r.Name ?? string.Empty, r.Phone))],
        [.. (Needs ?? []).Select(n => new SourcingNeed(
            n.NeedId ?? string.Empty,
            [.. n.Keywords ?? []],
            [.. n.Groups ?? []],
            n.MinStars ?? 3,
            [.. n.Certifications ?? []],
            n.QuantityPerMonth is { Quantity: { } q } qty ? new Quantity(q, qty.Unit ?? string.Empty) : null,
            n.PriceBandVnd is { } b ? new PriceBand(b.Min, b.Max, b.Per ?? string.Empty) : null,
            [.. n.Markets ?? []]))]);
}

public sealed record NeedResponse(
    string NeedId, IReadOnlyList<string> Keywords, IReadOnlyList<ProductGroup> Groups, int MinStars, IReadOnlyList<string> Certifications,
    QuantityDto? QuantityPerMonth, PriceBandDto? PriceBandVnd, IReadOnlyList<string> Markets);

public sealed record BuyerResponse(
    string BuyerId, string Organisation, BuyerKind Kind, string? Province, string? Contact,
    IReadOnlyList<RepresentativeDto> Representatives, IReadOnlyList<NeedResponse> Needs)
{
    public static BuyerResponse From(BuyerView view)
    {
        var p = view.Profile;
        return new BuyerResponse(
            view.BuyerId, p.Organisation, p.Kind, p.Province, p.Contact,
            [.. Arr(p.Representatives).Select(r => new RepresentativeDto(r.Name, r.Phone))],
            [.. Arr(p.Needs).Select(n => new NeedResponse(
                n.NeedId, Arr(n.Keywords), Arr(n.Groups), n.MinStars, Arr(n.Certifications),
                n.QuantityPerMonth is { } q ? new QuantityDto(q.Amount, q.Unit) : null,
                n.PriceBandVnd is { } b ? new PriceBandDto(b.Min, b.Max, b.Per) : null,
                Arr(n.Markets)))]);
    }

    private static ImmutableArray<T> Arr<T>(ImmutableArray<T> a) => a.IsDefault ? [] : a;
}

/// <summary>A buyer's registration for a fair: the badge gate staff scan, and when it was checked in (null: not yet).</summary>
public sealed record FairBuyerResponse(
    string FairId, string BuyerId, string Organisation, BuyerKind Kind, string BadgeCode, DateTimeOffset RegisteredAt, DateTimeOffset? CheckedInAt);

public sealed record CheckInRequest(string? BadgeCode) : IValidatable
{
    public void Validate(Errors errors) => errors.Text("badgeCode", BadgeCode, FairBuyers.MaxBadgeLength, required: true);
}

/// <summary>The answer to a scan: who it is, and whether they were already in (a second scan changes nothing).</summary>
public sealed record CheckInResponse(FairBuyerResponse Buyer, bool AlreadyCheckedIn);

public sealed record BuyerKindCount(BuyerKind Kind, int Registered, int Present);

public sealed record FairBuyersResponse(int Registered, int Present, IReadOnlyList<BuyerKindCount> ByKind, IReadOnlyList<FairBuyerResponse> Items);
