using System.Collections.Immutable;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Producers;

public sealed record ProducerRequest(
    string? Name, ProducerKind? Kind, string? Province, string? District, string? Commune,
    string? Puc, string? Phone, string? Email, string? Description, ShopLinkDto[]? ShopLinks = null) : IValidatable
{
    public void Validate(Errors errors)
    {
        if (Kind is null) errors.Add("kind", "required");
        var before = errors.Count;
        errors.Items("shopLinks", ShopLinks, required: false);
        if (errors.Count == before)
        {
            // Every field's problem at once; only a null shop link stops the rest being checked.
            errors.AddAll(CatalogRules.Validate(ToProfile()));
        }
    }

    /// <summary>The profile as stored: text in NFC, blank optional fields left out.</summary>
    public ProducerProfile ToProfile() => new(
        VietnameseText.Normalize(Name), Kind ?? ProducerKind.Household, VietnameseText.Normalize(Province),
        VietnameseText.Normalize(District), VietnameseText.Normalize(Commune),
        Blank(Puc), Blank(Phone), Blank(Email), Description is null ? null : VietnameseText.Normalize(Description),
        [.. (ShopLinks ?? []).Select(ToLink)]);

    /// <summary>A link as stored: the platform as given, else recognised from the address (a shop on Shopee is "Shopee").</summary>
    private static ShopLink ToLink(ShopLinkDto link)
    {
        var url = link.Url?.Trim() ?? string.Empty;
        var platform = string.IsNullOrWhiteSpace(link.Platform) ? CatalogRules.PlatformOf(url) ?? "Website" : link.Platform.Trim();
        return new ShopLink(platform, url);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record QuantityDto(decimal? Quantity, string? Unit);

public sealed record PriceRangeDto(long? Min, long? Max, string? Unit);

public sealed record ShopLinkDto(string? Platform, string? Url);

public sealed record ProductRequest(
    string? Name, ProductGroup? Group, string? SubGroup, int? Stars, string? CertificateNo, CertificateLevel? CertificateLevel,
    DateOnly? CertifiedOn, DateOnly? CertificateExpiresOn, string[]? Certifications, QuantityDto? CapacityPerMonth,
    PriceRangeDto? PriceRange, ShopLinkDto[]? ShopLinks, string? Description = null) : IValidatable
{
    public void Validate(Errors errors)
    {
        if (Group is null) errors.Add("group", "required");
        if (Stars is null) errors.Add("stars", "required");
        if (CertificateLevel is null) errors.Add("certificateLevel", "required");
        if (CertifiedOn is null) errors.Add("certifiedOn", "required");
        else if (CertifiedOn < CatalogRules.EarliestCertifiedOn || CertifiedOn > CatalogRules.LatestDate) errors.Add("certifiedOn", "outOfRange");
        if (CapacityPerMonth is { Quantity: null }) errors.Add("capacityPerMonth.quantity", "required");
        errors.Items("shopLinks", ShopLinks, required: false);
        if (errors.Count == 0)
        {
            errors.AddAll(CatalogRules.Validate(ToProduct(productId: string.Empty)));
        }
    }

    /// <summary>The product as stored, from a valid request: text in NFC, units canonical, expiry by default 36 months on.</summary>
    public Product ToProduct(string productId)
    {
        var certified = CertifiedOn!.Value;
        return new Product(
            productId,
            VietnameseText.Normalize(Name),
            Group!.Value,
            string.IsNullOrWhiteSpace(SubGroup) ? null : VietnameseText.Normalize(SubGroup),
            CatalogRules.CurrentGroupRule,
            Stars!.Value,
            VietnameseText.Normalize(CertificateNo),
            CertificateLevel!.Value,
            certified,
            CertificateExpiresOn ?? CatalogRules.DefaultExpiry(certified),
            [.. (Certifications ?? []).Select(VietnameseText.Normalize).Distinct()],
            CapacityPerMonth is { } cap ? new Quantity(cap.Quantity ?? 0, Units.Canonical(cap.Unit) ?? cap.Unit ?? string.Empty) : null,
            PriceRange is { } price ? new PriceRange(price.Min ?? 0, price.Max ?? price.Min ?? 0, Units.Canonical(price.Unit) ?? price.Unit ?? string.Empty) : null,
            [.. (ShopLinks ?? []).Select(l => new ShopLink(l.Platform ?? string.Empty, l.Url?.Trim() ?? string.Empty))],
            string.IsNullOrWhiteSpace(Description) ? null : VietnameseText.Normalize(Description.Trim()));
    }
}

public sealed record QuantityResponse(decimal Quantity, string Unit, decimal? BaseQuantity, string? BaseUnit);

public sealed record ProductResponse(
    string ProductId, string ProducerId, string Name, ProductGroup Group, string? SubGroup, string GroupRule, int Stars,
    string CertificateNo, CertificateLevel CertificateLevel, DateOnly CertifiedOn, DateOnly CertificateExpiresOn,
    bool ExpiringSoon, bool Expired, IReadOnlyList<string> Certifications, QuantityResponse? CapacityPerMonth,
    PriceRange? PriceRange, IReadOnlyList<ShopLink> ShopLinks, string? ProducerName, string? District, ProducerCard? Producer = null)
{
    public string? Description { get; init; }

    /// <summary>The product's photo (a JPEG the server made), its address changing with the photo; null without one.</summary>
    public string? PhotoUrl { get; init; }

    /// <summary>On the public card, with <c>?fair=</c>: the producer's booths at that fair.</summary>
    public IReadOnlyList<ProductBooth>? Booths { get; init; }

    public static ProductResponse From(Product p, string producerId, ProducerProfile? profile, DateOnly today)
    {
        var state = CatalogRules.StateOn(p.CertificateExpiresOn, today);
        QuantityResponse? capacity = null;
        if (p.CapacityPerMonth is { } c)
        {
            var b = Units.ToBase(c.Amount, c.Unit);
            capacity = new QuantityResponse(c.Amount, c.Unit, b?.Amount, b?.Unit);
        }

        return new ProductResponse(
            p.ProductId, producerId, p.Name, p.Group, p.SubGroup, p.GroupRule, p.Stars, p.CertificateNo, p.CertificateLevel,
            p.CertifiedOn, p.CertificateExpiresOn, state == CertificateState.ExpiringSoon, state == CertificateState.Expired,
            p.Certifications.IsDefault ? [] : p.Certifications, capacity, p.PriceRange,
            p.ShopLinks.IsDefault ? [] : p.ShopLinks, profile?.Name, profile?.District)
        {
            Description = p.Description,
        };
    }
}

public sealed record ProducerResponse(
    string ProducerId, string Name, ProducerKind Kind, string Province, string District, string Commune,
    string? Puc, string? Phone, string? Email, string? Description, bool Complete, IReadOnlyList<ProductResponse> Products,
    IReadOnlyList<ShopLink> ShopLinks)
{
    public static ProducerResponse From(ProducerView v, DateOnly today, bool includeContacts = true) => new(
        v.ProducerId, v.Profile.Name, v.Profile.Kind, v.Profile.Province, v.Profile.District, v.Profile.Commune,
        v.Profile.Puc, includeContacts ? v.Profile.Phone : null, includeContacts ? v.Profile.Email : null, v.Profile.Description,
        CatalogRules.IsComplete(v.Profile), [.. v.Products.Select(p => ProductResponse.From(p, v.ProducerId, v.Profile, today))],
        v.Profile.ShopLinks.IsDefault ? [] : v.Profile.ShopLinks);
}

public sealed record ProducerCard(string ProducerId, string Name, string District, string Province, ProducerKind Kind)
{
    /// <summary>Phone and e-mail: only for a signed-in reader (null otherwise, and when the producer gave none).</summary>
    public ProducerContact? Contact { get; init; }
}

public sealed record ProducerContact(string? Phone, string? Email);

/// <summary>A booth of the product's producer at one fair: its code, zone code and zone name.</summary>
public sealed record ProductBooth(string FairId, string BoothCode, string Zone, string ZoneName, BoothStatus Status);

/// <summary>
/// A producer in search results. <see cref="MatchedProduct"/> is set when the producer was found through one of its
/// products rather than its own name, district or commune: the product that matched.
/// </summary>
public sealed record ProducerSummary(
    string ProducerId, string Name, string Kind, string District, string Province, int ProductCount, int MaxStars,
    IReadOnlyList<string> Groups, ProductMatch? MatchedProduct = null);

public sealed record ProductMatch(string ProductId, string Name);

public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
