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

    public static readonly IReadOnlyList<string> ShopPlatforms = ["Postmart", "Voso", "Shopee", "Sendo", "Website"];

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

    public static IReadOnlyDictionary<string, string[]> Validate(ProducerProfile p)
    {
        var errors = new Errors();
        Text(errors, "name", p.Name, 200, required: true);
        Text(errors, "province", p.Province, 100, required: true);
        Text(errors, "district", p.District, 100, required: true);
        Text(errors, "commune", p.Commune, 100, required: true);
        Text(errors, "description", p.Description, 4000);
        if (p.Puc is { Length: > 0 } puc && (puc.Length > 40 || !puc.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')))
            errors.Add("puc", "invalidPuc");
        if (p.Phone is { Length: > 0 } phone && !IsPhone(phone)) errors.Add("phone", "invalidPhone");
        if (p.Email is { Length: > 0 } email && (email.Length > 256 || !email.Contains('@') || email.StartsWith('@') || email.EndsWith('@')))
            errors.Add("email", "invalidEmail");
        return errors.ToDictionary();
    }

    public static IReadOnlyDictionary<string, string[]> Validate(Product p)
    {
        var errors = new Errors();
        Text(errors, "name", p.Name, 200, required: true);
        if (!Enum.IsDefined(p.Group)) errors.Add("group", "invalidGroup");
        Text(errors, "subGroup", p.SubGroup, 60);
        if (p.Stars is < 3 or > 5) errors.Add("stars", "starsOutOfRange");
        Text(errors, "certificateNo", p.CertificateNo, 60, required: true);
        if (!Enum.IsDefined(p.CertificateLevel)) errors.Add("certificateLevel", "invalidLevel");
        if (p.CertificateExpiresOn < p.CertifiedOn) errors.Add("certificateExpiresOn", "expiresBeforeCertified");
        if (p.CertifiedOn.Year < 2018) errors.Add("certifiedOn", "outOfRange");
        var certs = p.Certifications.IsDefault ? [] : p.Certifications;
        if (certs.Length > 10 || certs.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 40)) errors.Add("certifications", "invalidCertification");
        if (p.CapacityPerMonth is { } capacity)
        {
            if (capacity.Amount <= 0 || capacity.Amount > 1_000_000_000) errors.Add("capacityPerMonth.quantity", "outOfRange");
            if (Units.Canonical(capacity.Unit) is null) errors.Add("capacityPerMonth.unit", "unknownUnit");
        }

        if (p.PriceRange is { } price)
        {
            if (price.Min < 0 || price.Max < price.Min) errors.Add("priceRange", "invalidPriceRange");
            if (Units.Canonical(price.Unit) is null) errors.Add("priceRange.unit", "unknownUnit");
        }

        var links = p.ShopLinks.IsDefault ? [] : p.ShopLinks;
        if (links.Length > 10) errors.Add("shopLinks", "tooMany");
        for (var i = 0; i < links.Length; i++)
        {
            if (!ShopPlatforms.Contains(links[i].Platform)) errors.Add($"shopLinks[{i}].platform", "unknownPlatform");
            if (!Uri.TryCreate(links[i].Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || links[i].Url.Length > 500)
                errors.Add($"shopLinks[{i}].url", "invalidUrl");
        }

        return errors.ToDictionary();
    }

    private static bool IsPhone(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= 9 and <= 15 && phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '.' or '-' or '(' or ')');
    }

    private static void Text(Errors errors, string field, string? value, int max, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(field, "required");
        }
        else if (value.Length > max)
        {
            errors.Add(field, "tooLong");
        }
    }
}

/// <summary>Field errors collected by code; keys are camelCase field paths.</summary>
public sealed class Errors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public int Count => _errors.Count;

    public void Add(string field, string code)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        if (!list.Contains(code))
        {
            list.Add(code);
        }
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
