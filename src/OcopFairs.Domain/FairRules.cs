using OcopFairs.Abstractions;

namespace OcopFairs.Domain;

/// <summary>Rules about a fair's details and lifecycle.</summary>
public static class FairRules
{
    public const string DefaultTimeZone = "Asia/Ho_Chi_Minh";

    public const int MaxNameLength = 200;
    public const int MaxVenueLength = 300;
    public const int MaxProvinceLength = 100;
    public const int MaxTimeZoneLength = 64;
    public const int MinStars = 3;
    public const int MaxStars = 5;
    public const int MaxBoothsPerProducer = 20;
    public const int MaxHoldMinutes = 7 * 24 * 60;

    /// <summary>A list of product groups names each of the six at most once; a little slack for repeats.</summary>
    public const int MaxGroupsListed = 12;

    /// <summary>
    /// Every instant of a fair lies in this span: it keeps reminders (a week before the start) and local dates far
    /// from the ends of <see cref="DateTimeOffset"/>, where the arithmetic throws.
    /// </summary>
    public static readonly DateTimeOffset EarliestInstant = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset LatestInstant = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Field errors for a fair's details; empty when valid. Keys are camelCase field names.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(FairDetails d)
    {
        var errors = new Errors();
        CheckFields(errors, FairFields.Of(d), required: true);
        if (d.EndsAt <= d.StartsAt) errors.Add("endsAt", "endsBeforeStart");
        if (d.RegistrationClosesAt <= d.RegistrationOpensAt) errors.Add("registrationClosesAt", "closesBeforeOpens");
        if (d.RegistrationClosesAt > d.StartsAt) errors.Add("registrationClosesAt", "closesAfterStart");
        return errors.ToDictionary();
    }

    /// <summary>
    /// The checks of each field on its own, for whole details and for an edit alike: a null field is not given, and
    /// is an error only when <paramref name="required"/>. A blank time zone is not given either (a new fair then takes
    /// the default one).
    /// </summary>
    public static void CheckFields(Errors errors, FairFields f, bool required)
    {
        // A name, venue or province that is given must not be blank: no fair has none.
        errors.Text("name", f.Name, MaxNameLength, required || f.Name is not null);
        errors.Text("venue", f.Venue, MaxVenueLength, required || f.Venue is not null);
        errors.Text("province", f.Province, MaxProvinceLength, required || f.Province is not null);
        if ((required || !string.IsNullOrWhiteSpace(f.TimeZone)) && (f.TimeZone is not { Length: <= MaxTimeZoneLength } || !TryFindTimeZone(f.TimeZone, out _)))
            errors.Add("timeZone", "unknownTimeZone");
        foreach (var (field, at) in new[]
        {
            ("startsAt", f.StartsAt), ("endsAt", f.EndsAt), ("registrationOpensAt", f.RegistrationOpensAt), ("registrationClosesAt", f.RegistrationClosesAt),
        })
        {
            if (at is { } instant && (instant < EarliestInstant || instant > LatestInstant)) errors.Add(field, "outOfRange");
        }

        if (f.MinStars is { } stars && !FieldRules.InRange(stars, MinStars, MaxStars)) errors.Add("minStars", "starsOutOfRange");
        if (f.AcceptedGroups is { } groups)
        {
            if (groups.Count == 0) errors.Add("acceptedGroups", "required");
            if (groups.Count > MaxGroupsListed) errors.Add("acceptedGroups", "tooMany");
            if (!groups.All(Enum.IsDefined)) errors.Add("acceptedGroups", "invalidGroup");
        }
        else if (required)
        {
            errors.Add("acceptedGroups", "required");
        }

        errors.Range("boothsPerProducer", f.BoothsPerProducer, 1, MaxBoothsPerProducer);
        errors.Range("holdMinutes", f.HoldMinutes, 1, MaxHoldMinutes);
        errors.Defined("allocationMode", f.AllocationMode);
    }

    public static bool TryFindTimeZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>Whether the lifecycle allows moving from one status to another.</summary>
    public static bool CanMove(FairStatus from, FairStatus to) => (from, to) switch
    {
        (FairStatus.Draft, FairStatus.Published) => true,
        (FairStatus.Published, FairStatus.RegistrationClosed) => true,
        (FairStatus.RegistrationClosed, FairStatus.Live) => true,
        (FairStatus.Published, FairStatus.Live) => true,
        (FairStatus.Live, FairStatus.Closed) => true,
        _ => false,
    };
}

/// <summary>
/// Some or all of a fair's details, as a create or an edit sends them; null means "not given". The HTTP body of both
/// is this record.
/// </summary>
public record FairFields
{
    public string? Name { get; init; }

    public string? Venue { get; init; }

    public string? Province { get; init; }

    public string? TimeZone { get; init; }

    public DateTimeOffset? StartsAt { get; init; }

    public DateTimeOffset? EndsAt { get; init; }

    public DateTimeOffset? RegistrationOpensAt { get; init; }

    public DateTimeOffset? RegistrationClosesAt { get; init; }

    public int? MinStars { get; init; }

    public IReadOnlyList<ProductGroup>? AcceptedGroups { get; init; }

    public int? BoothsPerProducer { get; init; }

    public int? HoldMinutes { get; init; }

    public AllocationMode? AllocationMode { get; init; }

    /// <summary>Every field of whole details, given.</summary>
    public static FairFields Of(FairDetails d) => new()
    {
        Name = d.Name,
        Venue = d.Venue,
        Province = d.Province,
        TimeZone = d.TimeZone,
        StartsAt = d.StartsAt,
        EndsAt = d.EndsAt,
        RegistrationOpensAt = d.RegistrationOpensAt,
        RegistrationClosesAt = d.RegistrationClosesAt,
        MinStars = d.MinStars,
        AcceptedGroups = d.AcceptedGroups.IsDefault ? null : d.AcceptedGroups,
        BoothsPerProducer = d.BoothsPerProducer,
        HoldMinutes = d.HoldMinutes,
        AllocationMode = d.AllocationMode,
    };
}
