using System.Collections.Immutable;

namespace OcopFairs.Abstractions;

[GenerateSerializer, Immutable, Alias("ocop.ProducerProfile")]
public sealed record ProducerProfile(
    [property: Id(0)] string Name,
    [property: Id(1)] ProducerKind Kind,
    [property: Id(2)] string Province,
    [property: Id(3)] string District,
    [property: Id(4)] string Commune,
    [property: Id(5)] string? Puc,
    [property: Id(6)] string? Phone,
    [property: Id(7)] string? Email,
    [property: Id(8)] string? Description,
    [property: Id(9)] ImmutableArray<ShopLink> ShopLinks = default)
{
    /// <summary>Record equality compares ImmutableArray by reference: compare the links by content.</summary>
    public bool Equals(ProducerProfile? other) =>
        other is not null && Name == other.Name && Kind == other.Kind && Province == other.Province && District == other.District
        && Commune == other.Commune && Puc == other.Puc && Phone == other.Phone && Email == other.Email && Description == other.Description
        && (ShopLinks.IsDefault ? [] : ShopLinks).SequenceEqual(other.ShopLinks.IsDefault ? [] : other.ShopLinks);

    public override int GetHashCode() => HashCode.Combine(Name, District, Commune);
}

/// <summary>An OCOP-certified product. Group codes carry the rule version they come from.</summary>
[GenerateSerializer, Immutable, Alias("ocop.Product")]
public sealed record Product(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string Name,
    [property: Id(2)] ProductGroup Group,
    [property: Id(3)] string? SubGroup,
    [property: Id(4)] string GroupRule,
    [property: Id(5)] int Stars,
    [property: Id(6)] string CertificateNo,
    [property: Id(7)] CertificateLevel CertificateLevel,
    [property: Id(8)] DateOnly CertifiedOn,
    [property: Id(9)] DateOnly CertificateExpiresOn,
    [property: Id(10)] ImmutableArray<string> Certifications,
    [property: Id(11)] Quantity? CapacityPerMonth = null,
    [property: Id(12)] PriceRange? PriceRange = null,
    [property: Id(13)] ImmutableArray<ShopLink> ShopLinks = default,
    [property: Id(14)] string? Description = null);

/// <summary>An amount in a unit code (kg, ta, l, box …); see the API's quantity units.</summary>
[GenerateSerializer, Immutable, Alias("ocop.Quantity")]
public sealed record Quantity(
    [property: Id(0)] decimal Amount,
    [property: Id(1)] string Unit);

/// <summary>Prices in VND for one unit.</summary>
[GenerateSerializer, Immutable, Alias("ocop.PriceRange")]
public sealed record PriceRange(
    [property: Id(0)] long Min,
    [property: Id(1)] long Max,
    [property: Id(2)] string Unit);

/// <summary>Where the product or producer sells online (Postmart, Voso, Shopee, Sendo, Tiki, Website).</summary>
[GenerateSerializer, Immutable, Alias("ocop.ShopLink")]
public sealed record ShopLink(
    [property: Id(0)] string Platform,
    [property: Id(1)] string Url);

[GenerateSerializer, Immutable, Alias("ocop.ProducerView")]
public sealed record ProducerView(
    [property: Id(0)] string ProducerId,
    [property: Id(1)] ProducerProfile Profile,
    [property: Id(2)] ImmutableArray<Product> Products,
    [property: Id(3)] string? OwnerUserId);
