using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Domain;

/// <summary>Rules of buyer profiles and their sourcing needs.</summary>
public static class BuyerRules
{
    public const int MaxOrganisationLength = 200;
    public const int MaxPlaceLength = 100;
    public const int MaxContactLength = 300;
    public const int MinRepresentatives = 1;
    public const int MaxRepresentatives = 3;
    public const int MaxNeeds = 20;
    public const int MaxKeywords = 10;
    public const int MaxKeywordLength = 60;
    public const int MaxMarkets = 20;
    public const int MaxMarketLength = 60;
    public const int MaxCertifications = 10;

    /// <summary>A month's quantity, in any unit; as for a product's capacity.</summary>
    public const decimal MaxQuantity = CatalogRules.MaxCapacity;

    /// <summary>Certifications buyers ask for; "PUC" is the growing-area code exporters need.</summary>
    public static readonly IReadOnlyList<string> KnownCertifications = [.. CatalogRules.KnownCertifications, "PUC"];

    /// <summary>Field errors of a profile (camelCase paths such as <c>needs[0].keywords</c>); empty when it is valid.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(BuyerProfile p)
    {
        var errors = new Errors();
        errors.Text("organisation", p.Organisation, MaxOrganisationLength, required: true);
        errors.Defined("kind", (BuyerKind?)p.Kind);
        errors.Text("province", p.Province, MaxPlaceLength);
        errors.Text("contact", p.Contact, MaxContactLength);

        var reps = p.Representatives.IsDefault ? [] : p.Representatives;
        if (reps.Length is < MinRepresentatives or > MaxRepresentatives) errors.Add("representatives", "representativesCount");
        for (var i = 0; i < Math.Min(reps.Length, MaxRepresentatives); i++)
        {
            errors.Text($"representatives[{i}].name", reps[i].Name, CatalogRules.MaxNameLength, required: true);
            if (reps[i].Phone is { Length: > 0 } phone && !CatalogRules.IsPhone(phone)) errors.Add($"representatives[{i}].phone", "invalidPhone");
        }

        var needs = p.Needs.IsDefault ? [] : p.Needs;
        if (needs.Length > MaxNeeds) errors.Add("needs", "tooMany");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(needs.Length, MaxNeeds); i++)
        {
            errors.AddAll(Validate(needs[i]), $"needs[{i}]");
            if (!ids.Add(needs[i].NeedId)) errors.Add($"needs[{i}].needId", "duplicate");
        }

        return errors.ToDictionary();
    }

    public static IReadOnlyDictionary<string, string[]> Validate(SourcingNeed n)
    {
        var errors = new Errors();
        if (!FieldRules.IsId(n.NeedId)) errors.Add("needId", "invalidId");
        var keywords = n.Keywords.IsDefault ? [] : n.Keywords;
        var groups = n.Groups.IsDefault ? [] : n.Groups;
        if (keywords.Length == 0 && groups.Length == 0) errors.Add("keywords", "keywordsOrGroups");
        if (keywords.Length > MaxKeywords) errors.Add("keywords", "tooMany");
        if (keywords.Any(k => FieldRules.TextError(k, MaxKeywordLength, required: true) is not null)) errors.Add("keywords", "invalidKeyword");
        if (groups.Any(g => !Enum.IsDefined(g))) errors.Add("groups", "invalidGroup");
        if (n.MinStars is < 3 or > 5) errors.Add("minStars", "starsOutOfRange");

        var certs = n.Certifications.IsDefault ? [] : n.Certifications;
        if (certs.Length > MaxCertifications || certs.Any(c => FieldRules.TextError(c, CatalogRules.MaxCertificationLength, required: true) is not null))
            errors.Add("certifications", "invalidCertification");

        if (n.QuantityPerMonth is { } q)
        {
            if (q.Amount <= 0 || q.Amount > MaxQuantity) errors.Add("quantityPerMonth.quantity", "outOfRange");
            if (Units.Canonical(q.Unit) is null) errors.Add("quantityPerMonth.unit", "unknownUnit");
        }

        if (n.PriceBandVnd is { } band)
        {
            if (band.Min is null && band.Max is null) errors.Add("priceBandVnd", "invalidPriceRange");
            if (band.Min is < 0 || band.Max is < 0 || band.Min > band.Max) errors.Add("priceBandVnd", "invalidPriceRange");
            if (band.Max > CatalogRules.MaxPriceVnd || band.Min > CatalogRules.MaxPriceVnd) errors.Add("priceBandVnd.max", "outOfRange");
            if (Units.Canonical(band.Per) is null) errors.Add("priceBandVnd.per", "unknownUnit");
        }

        var markets = n.Markets.IsDefault ? [] : n.Markets;
        if (markets.Length > MaxMarkets || markets.Any(m => FieldRules.TextError(m, MaxMarketLength, required: true) is not null))
            errors.Add("markets", "invalidMarket");
        return errors.ToDictionary();
    }

    /// <summary>The profile as stored: text in NFC, keywords and lists without repeats, unit codes canonical.</summary>
    public static BuyerProfile Normalize(BuyerProfile p) => p with
    {
        Organisation = VietnameseText.Normalize(p.Organisation),
        Province = Optional(p.Province),
        Contact = Optional(p.Contact),
        Representatives = [.. (p.Representatives.IsDefault ? [] : p.Representatives)
            .Select(r => new Representative(VietnameseText.Normalize(r.Name), Optional(r.Phone)))],
        Needs = [.. (p.Needs.IsDefault ? [] : p.Needs).Select(Normalize)],
    };

    public static SourcingNeed Normalize(SourcingNeed n) => n with
    {
        Keywords = Distinct(n.Keywords),
        Groups = [.. (n.Groups.IsDefault ? [] : n.Groups).Distinct()],
        Certifications = Distinct(n.Certifications),
        Markets = Distinct(n.Markets),
        QuantityPerMonth = n.QuantityPerMonth is { } q ? q with { Unit = Units.Canonical(q.Unit) ?? q.Unit } : null,
        PriceBandVnd = n.PriceBandVnd is { } b ? b with { Per = Units.Canonical(b.Per) ?? b.Per } : null,
    };

    private static ImmutableArray<string> Distinct(ImmutableArray<string> values) =>
        [.. (values.IsDefault ? [] : values).Select(VietnameseText.Normalize).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : VietnameseText.Normalize(text);
}
