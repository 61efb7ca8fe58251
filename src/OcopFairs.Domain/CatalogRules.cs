using OcopFairs.Abstractions;

namespace OcopFairs.Domain;

/// <summary>Rules of producer profiles and OCOP products.</summary>
public static class CatalogRules
{
    /// <summary>OCOP certificates are valid for 36 months from recognition.</summary>
    public const int CertificateMonths = 36;

    /// <summary>A certificate that ends within this many days is flagged.</summary>
    public const int ExpiryWarningDays = 90;

    /// <summary>Group codes are stored with the rule they come from: Decision 148/QĐ-TTg (2023).</summary>
    public const string CurrentGroupRule = "QD148-2023";

    public static readonly IReadOnlyList<string> KnownCertifications = ["VietGAP", "HACCP", "Organic", "ISO 22000", "GlobalGAP"];

    public static readonly IReadOnlyList<string> ShopPlatforms = ["Postmart", "Voso", "Shopee", "Sendo", "Website", "Tiki"];

    /// <summary>The marketplaces recognised from a link's host (the host or a subdomain of it); anything else is a website.</summary>
    private static readonly (string Host, string Platform)[] PlatformHosts =
    [
        ("postmart.vn", "Postmart"), ("voso.vn", "Voso"), ("shopee.vn", "Shopee"), ("shp.ee", "Shopee"),
        ("sendo.vn", "Sendo"), ("tiki.vn", "Tiki"),
    ];

    /// <summary>The platform a web address belongs to ("Shopee" for https://shopee.vn/…), or "Website"; null when it is no http(s) address.</summary>
    public static string? PlatformOf(string? url)
    {
        if (!IsWebAddress(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        foreach (var (known, platform) in PlatformHosts)
        {
            if (host == known || host.EndsWith("." + known, StringComparison.Ordinal))
            {
                return platform;
            }
        }

        return "Website";
    }

    public static DateOnly DefaultExpiry(DateOnly certifiedOn) => certifiedOn.AddMonths(CertificateMonths);

    public static CertificateState StateOn(DateOnly expiresOn, DateOnly today) =>
        expiresOn < today ? CertificateState.Expired
        : expiresOn <= today.AddDays(ExpiryWarningDays) ? CertificateState.ExpiringSoon
        : CertificateState.Valid;

    /// <summary>A profile is complete when a buyer or organiser can find and reach the producer.</summary>
    public static bool IsComplete(ProducerProfile? p) =>
        p is not null
        && !string.IsNullOrWhiteSpace(p.Name) && !string.IsNullOrWhiteSpace(p.Province)
        && !string.IsNullOrWhiteSpace(p.District) && !string.IsNullOrWhiteSpace(p.Commune)
        && (!string.IsNullOrWhiteSpace(p.Phone) || !string.IsNullOrWhiteSpace(p.Email));

    public const int MaxNameLength = 200;
    public const int MaxPlaceLength = 100;
    public const int MaxDescriptionLength = 4000;
    public const int MaxPucLength = 40;
    public const int MaxEmailLength = 256;
    public const int MaxSubGroupLength = 60;
    public const int MaxCertificateNoLength = 60;
    public const int MaxCertifications = 10;
    public const int MaxCertificationLength = 40;
    public const int MaxShopLinks = 10;
    public const int MaxUrlLength = 500;

    /// <summary>The OCOP programme's first certificates; nothing is certified earlier.</summary>
    public static readonly DateOnly EarliestCertifiedOn = new(2018, 1, 1);

    /// <summary>No certificate date lies beyond this; it also keeps date arithmetic far from DateOnly's end.</summary>
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    /// <summary>A month's capacity, in any unit.</summary>
    public const decimal MaxCapacity = 1_000_000_000m;

    /// <summary>The most a product's unit may cost, in VND.</summary>
    public const long MaxPriceVnd = 100_000_000_000;

    public static IReadOnlyDictionary<string, string[]> Validate(ProducerProfile p)
    {
        var errors = new Errors();
        errors.Text("name", p.Name, MaxNameLength, required: true);
        errors.Defined("kind", (ProducerKind?)p.Kind);
        errors.Text("province", p.Province, MaxPlaceLength, required: true);
        errors.Text("district", p.District, MaxPlaceLength, required: true);
        errors.Text("commune", p.Commune, MaxPlaceLength, required: true);
        errors.Text("description", p.Description, MaxDescriptionLength, multiline: true);
        if (p.Puc is { Length: > 0 } puc && (puc.Length > MaxPucLength || !puc.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')))
            errors.Add("puc", "invalidPuc");
        if (p.Phone is { Length: > 0 } phone && !IsPhone(phone)) errors.Add("phone", "invalidPhone");
        if (p.Email is { Length: > 0 } email && !IsEmail(email)) errors.Add("email", "invalidEmail");
        ShopLinkErrors(errors, p.ShopLinks);
        return errors.ToDictionary();
    }

    /// <summary>An address with something on either side of one '@', of a length mail servers take, without controls or spaces.</summary>
    public static bool IsEmail(string email) =>
        email.Length <= MaxEmailLength && email.IndexOf('@') is > 0 and var at && at == email.LastIndexOf('@') && at < email.Length - 1
        && !FieldRules.HasControl(email) && !email.Any(char.IsWhiteSpace);

    public static IReadOnlyDictionary<string, string[]> Validate(Product p)
    {
        var errors = new Errors();
        errors.Text("name", p.Name, MaxNameLength, required: true);
        errors.Defined("group", (ProductGroup?)p.Group, "invalidGroup");
        errors.Text("subGroup", p.SubGroup, MaxSubGroupLength);
        errors.Text("description", p.Description, MaxDescriptionLength, multiline: true);
        if (p.Stars is < 3 or > 5) errors.Add("stars", "starsOutOfRange");
        errors.Text("certificateNo", p.CertificateNo, MaxCertificateNoLength, required: true);
        errors.Defined("certificateLevel", (CertificateLevel?)p.CertificateLevel, "invalidLevel");
        if (p.CertificateExpiresOn < p.CertifiedOn) errors.Add("certificateExpiresOn", "expiresBeforeCertified");
        if (p.CertificateExpiresOn > LatestDate) errors.Add("certificateExpiresOn", "outOfRange");
        if (p.CertifiedOn < EarliestCertifiedOn || p.CertifiedOn > LatestDate) errors.Add("certifiedOn", "outOfRange");
        var certs = p.Certifications.IsDefault ? [] : p.Certifications;
        if (certs.Length > MaxCertifications || certs.Any(c => FieldRules.TextError(c, MaxCertificationLength, required: true) is not null))
            errors.Add("certifications", "invalidCertification");
        if (p.CapacityPerMonth is { } capacity)
        {
            if (capacity.Amount <= 0 || capacity.Amount > MaxCapacity) errors.Add("capacityPerMonth.quantity", "outOfRange");
            if (Units.Canonical(capacity.Unit) is null) errors.Add("capacityPerMonth.unit", "unknownUnit");
        }

        if (p.PriceRange is { } price)
        {
            if (price.Min < 0 || price.Max < price.Min) errors.Add("priceRange", "invalidPriceRange");
            if (price.Max > MaxPriceVnd) errors.Add("priceRange.max", "outOfRange");
            if (Units.Canonical(price.Unit) is null) errors.Add("priceRange.unit", "unknownUnit");
        }

        ShopLinkErrors(errors, p.ShopLinks);
        return errors.ToDictionary();
    }

    /// <summary>At most <see cref="MaxShopLinks"/> links, each on a known platform and an http(s) address.</summary>
    private static void ShopLinkErrors(Errors errors, System.Collections.Immutable.ImmutableArray<ShopLink> shopLinks)
    {
        var links = shopLinks.IsDefault ? [] : shopLinks;
        if (links.Length > MaxShopLinks) errors.Add("shopLinks", "tooMany");
        for (var i = 0; i < links.Length; i++)
        {
            if (!ShopPlatforms.Contains(links[i].Platform)) errors.Add($"shopLinks[{i}].platform", "unknownPlatform");
            if (!IsWebAddress(links[i].Url)) errors.Add($"shopLinks[{i}].url", "invalidUrl");
        }
    }

    private static bool IsWebAddress(string? url) =>
        url is { Length: > 0 and <= MaxUrlLength } && !FieldRules.HasControl(url)
        && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";

    public static bool IsPhone(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= 9 and <= 15 && phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '.' or '-' or '(' or ')');
    }
}
