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
    [property: Id(8)] string? Description);

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
    [property: Id(10)] ImmutableArray<string> Certifications);

[GenerateSerializer, Immutable, Alias("ocop.ProducerView")]
public sealed record ProducerView(
    [property: Id(0)] string ProducerId,
    [property: Id(1)] ProducerProfile Profile,
    [property: Id(2)] ImmutableArray<Product> Products,
    [property: Id(3)] string? OwnerUserId);
