using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Domain;

/// <summary>Who may exhibit at a fair, and how an application moves.</summary>
public static class ApplicationRules
{
    public const int MaxProductsPerApplication = 20;
    public const int MaxNoteLength = 2000;
    public const int MaxReasonLength = 2000;
    public const int MaxPreferredZones = 20;

    /// <summary>
    /// Field errors for what a producer sends, before any rule of the fair is asked: product ids that can be ids,
    /// at most <see cref="MaxProductsPerApplication"/> of them, a note of bounded length, preferences that name booth
    /// types and zone codes. Eligibility (<see cref="Evaluate"/>) is a different matter, answered with reasons.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Validate(ApplicationRequest r)
    {
        var errors = new Errors();
        var ids = r.ProductIds.IsDefault ? [] : r.ProductIds;
        if (ids.Length > MaxProductsPerApplication) errors.Add("productIds", "tooMany");
        if (!ids.All(FieldRules.IsId)) errors.Add("productIds", "invalidId");
        errors.Text("note", r.Note, MaxNoteLength, multiline: true);
        if (r.BoothPreferences is { } prefs)
        {
            var zones = prefs.Zones.IsDefault ? [] : prefs.Zones;
            var types = prefs.Types.IsDefault ? [] : prefs.Types;
            if (zones.Length > MaxPreferredZones || types.Length > Enum.GetValues<BoothType>().Length) errors.Add("boothPreferences", "tooMany");
            if (!zones.All(FloorPlans.IsCode)) errors.Add("boothPreferences.zones", "invalidCode");
            if (!types.All(Enum.IsDefined)) errors.Add("boothPreferences.types", "invalidBoothType");
        }

        return errors.ToDictionary();
    }

    /// <summary>Field errors for a rejection's reason: optional, bounded, and free of control characters but line breaks.</summary>
    public static IReadOnlyDictionary<string, string[]> ValidateReason(string? reason)
    {
        var errors = new Errors();
        errors.Text("reason", reason, MaxReasonLength, multiline: true);
        return errors.ToDictionary();
    }

    /// <summary>Everything eligibility depends on, read at one instant.</summary>
    public sealed record Context(
        FairDetails Fair,
        FairStatus FairStatus,
        DateTimeOffset Now,
        ProducerProfile? Profile,
        IReadOnlyList<string> RequestedProductIds,
        IReadOnlyList<Product> Catalogue);

    /// <summary>
    /// Eligible when registration is open, the profile is complete, at least one product is chosen, and every chosen
    /// product is in the catalogue, has at least the fair's minimum stars, belongs to an accepted group and has a
    /// certificate valid through the fair's last day (in the fair's time zone). Every failing reason is reported.
    /// </summary>
    public static Eligibility Evaluate(Context c)
    {
        var reasons = ImmutableArray.CreateBuilder<EligibilityReason>();
        var open = c.FairStatus == FairStatus.Published
            && c.Now >= c.Fair.RegistrationOpensAt && c.Now <= c.Fair.RegistrationClosesAt;
        if (!open) reasons.Add(new("registrationClosed", null));
        if (!CatalogRules.IsComplete(c.Profile)) reasons.Add(new("profileIncomplete", null));

        var ids = c.RequestedProductIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) reasons.Add(new("noProducts", null));
        if (ids.Count > MaxProductsPerApplication) reasons.Add(new("tooManyProducts", null));

        reasons.AddRange(ProductReasons(c.Fair, ids, c.Catalogue));
        return new Eligibility(reasons.Count == 0, reasons.ToImmutable());
    }

    /// <summary>
    /// The OCOP rules for the chosen products alone (in the catalogue, stars, group, certificate through the fair's
    /// last day): what a waitlisted application must still meet when a place frees up after registration closed.
    /// </summary>
    public static IEnumerable<EligibilityReason> ProductReasons(FairDetails fair, IEnumerable<string> productIds, IReadOnlyList<Product> catalogue)
    {
        var lastDay = LastDay(fair);
        var accepted = fair.AcceptedGroups.IsDefault ? [] : fair.AcceptedGroups;
        foreach (var id in productIds.Distinct(StringComparer.Ordinal))
        {
            var product = catalogue.FirstOrDefault(p => p.ProductId == id);
            if (product is null)
            {
                yield return new("unknownProduct", id);
                continue;
            }

            if (product.Stars < fair.MinStars) yield return new("starsBelowMinimum", id);
            if (!accepted.Contains(product.Group)) yield return new("groupNotAccepted", id);
            if (product.CertificateExpiresOn < lastDay) yield return new("certificateExpiresBeforeFairEnds", id);
        }
    }

    /// <summary>The fair's last day as a calendar date where the fair is held.</summary>
    public static DateOnly LastDay(FairDetails fair)
    {
        var zone = FairRules.TryFindTimeZone(fair.TimeZone, out var tz) ? tz : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fair.EndsAt, zone).DateTime);
    }

    /// <summary>Which review decisions and withdrawals the lifecycle allows.</summary>
    public static bool CanMove(ApplicationStatus from, ApplicationStatus to) => (from, to) switch
    {
        (ApplicationStatus.Submitted, ApplicationStatus.Approved or ApplicationStatus.Rejected or ApplicationStatus.Waitlisted or ApplicationStatus.Withdrawn) => true,
        (ApplicationStatus.Waitlisted, ApplicationStatus.Approved or ApplicationStatus.Rejected or ApplicationStatus.Withdrawn) => true,
        (ApplicationStatus.Approved, ApplicationStatus.Withdrawn) => true,
        _ => false,
    };

    /// <summary>A live application blocks a new one; rejected and withdrawn ones do not.</summary>
    public static bool IsLive(ApplicationStatus s) => s is ApplicationStatus.Submitted or ApplicationStatus.Approved or ApplicationStatus.Waitlisted;
}
