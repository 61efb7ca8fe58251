using OcopFairs.Abstractions;

namespace OcopFairs.Domain;

/// <summary>Rules about a fair's details and lifecycle.</summary>
public static class FairRules
{
    public const string DefaultTimeZone = "Asia/Ho_Chi_Minh";

    /// <summary>Field errors for a fair's details; empty when valid. Keys are camelCase field names.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(FairDetails d)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string code) =>
            (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(code);

        if (string.IsNullOrWhiteSpace(d.Name)) Add("name", "required");
        else if (d.Name.Length > 200) Add("name", "tooLong");
        if (string.IsNullOrWhiteSpace(d.Venue)) Add("venue", "required");
        else if (d.Venue.Length > 300) Add("venue", "tooLong");
        if (string.IsNullOrWhiteSpace(d.Province)) Add("province", "required");
        if (!TryFindTimeZone(d.TimeZone, out _)) Add("timeZone", "unknownTimeZone");
        if (d.EndsAt <= d.StartsAt) Add("endsAt", "endsBeforeStart");
        if (d.RegistrationClosesAt <= d.RegistrationOpensAt) Add("registrationClosesAt", "closesBeforeOpens");
        if (d.RegistrationClosesAt > d.StartsAt) Add("registrationClosesAt", "closesAfterStart");
        if (d.MinStars is < 3 or > 5) Add("minStars", "starsOutOfRange");
        if (d.AcceptedGroups.IsDefaultOrEmpty) Add("acceptedGroups", "required");
        if (d.BoothsPerProducer is < 1 or > 20) Add("boothsPerProducer", "outOfRange");
        if (d.HoldMinutes is < 1 or > 7 * 24 * 60) Add("holdMinutes", "outOfRange");

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
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
