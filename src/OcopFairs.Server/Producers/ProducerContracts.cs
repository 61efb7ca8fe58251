using System.Collections.Immutable;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Server.Producers;

public sealed record ProducerRequest(
    string? Name, ProducerKind? Kind, string? Province, string? District, string? Commune,
    string? Puc, string? Phone, string? Email, string? Description);

public sealed record QuantityDto(decimal? Quantity, string? Unit);

public sealed record PriceRangeDto(long? Min, long? Max, string? Unit);

public sealed record ShopLinkDto(string? Platform, string? Url);

public sealed record ProductRequest(
    string? Name, ProductGroup? Group, string? SubGroup, int? Stars, string? CertificateNo, CertificateLevel? CertificateLevel,
    DateOnly? CertifiedOn, DateOnly? CertificateExpiresOn, string[]? Certifications, QuantityDto? CapacityPerMonth,
    PriceRangeDto? PriceRange, ShopLinkDto[]? ShopLinks);

public sealed record QuantityResponse(decimal Quantity, string Unit, decimal? BaseQuantity, string? BaseUnit);

public sealed record ProductResponse(
    string ProductId, string ProducerId, string Name, ProductGroup Group, string? SubGroup, string GroupRule, int Stars,
    string CertificateNo, CertificateLevel CertificateLevel, DateOnly CertifiedOn, DateOnly CertificateExpiresOn,
    bool ExpiringSoon, bool Expired, IReadOnlyList<string> Certifications, QuantityResponse? CapacityPerMonth,
    PriceRange? PriceRange, IReadOnlyList<ShopLink> ShopLinks, string? ProducerName, string? District, ProducerCard? Producer = null)
{
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
            p.ShopLinks.IsDefault ? [] : p.ShopLinks, profile?.Name, profile?.District);
    }
}

public sealed record ProducerResponse(
    string ProducerId, string Name, ProducerKind Kind, string Province, string District, string Commune,
    string? Puc, string? Phone, string? Email, string? Description, bool Complete, IReadOnlyList<ProductResponse> Products)
{
    public static ProducerResponse From(ProducerView v, DateOnly today, bool includeContacts = true) => new(
        v.ProducerId, v.Profile.Name, v.Profile.Kind, v.Profile.Province, v.Profile.District, v.Profile.Commune,
        v.Profile.Puc, includeContacts ? v.Profile.Phone : null, includeContacts ? v.Profile.Email : null, v.Profile.Description,
        CatalogRules.IsComplete(v.Profile), [.. v.Products.Select(p => ProductResponse.From(p, v.ProducerId, v.Profile, today))]);
}

public sealed record ProducerCard(string ProducerId, string Name, string District, string Province, ProducerKind Kind);

/// <summary>
/// A producer in search results. <see cref="MatchedProduct"/> is set when the producer was found through one of its
/// products rather than its own name, district or commune: the product that matched.
/// </summary>
public sealed record ProducerSummary(
    string ProducerId, string Name, string Kind, string District, string Province, int ProductCount, int MaxStars,
    IReadOnlyList<string> Groups, ProductMatch? MatchedProduct = null);

public sealed record ProductMatch(string ProductId, string Name);

public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

internal static class ProductMapping
{
    /// <summary>Builds the product from a request, or returns field errors (codes).</summary>
    public static (Product? Product, IReadOnlyDictionary<string, string[]> Errors) ToProduct(ProductRequest r, string productId)
    {
        var errors = new Errors();
        if (r.Group is null) errors.Add("group", "required");
        if (r.Stars is null) errors.Add("stars", "required");
        if (r.CertificateLevel is null) errors.Add("certificateLevel", "required");
        if (r.CertifiedOn is null) errors.Add("certifiedOn", "required");
        string? capacityUnit = null;
        if (r.CapacityPerMonth is { } c)
        {
            capacityUnit = Units.Canonical(c.Unit);
            if (c.Quantity is null) errors.Add("capacityPerMonth.quantity", "required");
        }

        if (errors.Count > 0)
        {
            return (null, errors.ToDictionary());
        }

        var certified = r.CertifiedOn!.Value;
        var product = new Product(
            productId,
            VietnameseText.Normalize(r.Name),
            r.Group!.Value,
            string.IsNullOrWhiteSpace(r.SubGroup) ? null : VietnameseText.Normalize(r.SubGroup),
            CatalogRules.CurrentGroupRule,
            r.Stars!.Value,
            VietnameseText.Normalize(r.CertificateNo),
            r.CertificateLevel!.Value,
            certified,
            r.CertificateExpiresOn ?? CatalogRules.DefaultExpiry(certified),
            [.. (r.Certifications ?? []).Select(VietnameseText.Normalize).Distinct()],
            r.CapacityPerMonth is { } cap ? new Quantity(cap.Quantity ?? 0, capacityUnit ?? cap.Unit ?? string.Empty) : null,
            r.PriceRange is { } price ? new PriceRange(price.Min ?? 0, price.Max ?? price.Min ?? 0, Units.Canonical(price.Unit) ?? price.Unit ?? string.Empty) : null,
            [.. (r.ShopLinks ?? []).Select(l => new ShopLink(l.Platform ?? string.Empty, l.Url?.Trim() ?? string.Empty))]);
        var ruleErrors = CatalogRules.Validate(product);
        return ruleErrors.Count > 0 ? (null, ruleErrors) : (product, ruleErrors);
    }

    public static ProducerProfile ToProfile(ProducerRequest r) => new(
        VietnameseText.Normalize(r.Name), r.Kind ?? ProducerKind.Household, VietnameseText.Normalize(r.Province),
        VietnameseText.Normalize(r.District), VietnameseText.Normalize(r.Commune),
        Blank(r.Puc), Blank(r.Phone), Blank(r.Email), r.Description is null ? null : VietnameseText.Normalize(r.Description));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
