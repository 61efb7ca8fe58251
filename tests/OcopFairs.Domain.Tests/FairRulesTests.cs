using System.Collections.Immutable;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Domain.Tests;

public class FairRulesTests
{
    private static readonly DateTimeOffset Opens = new(2030, 3, 1, 1, 0, 0, TimeSpan.Zero);

    private static FairDetails Valid() => new(
        Name: "Hội chợ OCOP Hà Nội 2030",
        Venue: "Cung Văn hóa Hữu nghị",
        Province: "Hà Nội",
        TimeZone: FairRules.DefaultTimeZone,
        StartsAt: Opens.AddDays(60),
        EndsAt: Opens.AddDays(64),
        RegistrationOpensAt: Opens,
        RegistrationClosesAt: Opens.AddDays(30),
        MinStars: 3,
        AcceptedGroups: [ProductGroup.Food, ProductGroup.Handicrafts],
        BoothsPerProducer: 2,
        HoldMinutes: 30,
        AllocationMode: AllocationMode.FirstCome);

    private static readonly Dictionary<string, Func<FairDetails, FairDetails>> Changes = new()
    {
        ["blank name"] = d => d with { Name = "  " },
        ["long name"] = d => d with { Name = new string('x', 201) },
        ["blank venue"] = d => d with { Venue = "" },
        ["long venue"] = d => d with { Venue = new string('x', 301) },
        ["blank province"] = d => d with { Province = " " },
        ["unknown time zone"] = d => d with { TimeZone = "Asia/Atlantis" },
        ["blank time zone"] = d => d with { TimeZone = "" },
        ["ends at start"] = d => d with { EndsAt = d.StartsAt },
        ["ends before start"] = d => d with { EndsAt = d.StartsAt.AddHours(-1) },
        ["registration closes at opening"] = d => d with { RegistrationClosesAt = d.RegistrationOpensAt },
        ["registration closes after start"] = d => d with { RegistrationClosesAt = d.StartsAt.AddMinutes(1) },
        ["two stars"] = d => d with { MinStars = 2 },
        ["six stars"] = d => d with { MinStars = 6 },
        ["no groups"] = d => d with { AcceptedGroups = [] },
        ["default groups"] = d => d with { AcceptedGroups = default },
        ["no booths per producer"] = d => d with { BoothsPerProducer = 0 },
        ["21 booths per producer"] = d => d with { BoothsPerProducer = 21 },
        ["zero hold"] = d => d with { HoldMinutes = 0 },
        ["hold over a week"] = d => d with { HoldMinutes = (7 * 24 * 60) + 1 },
        ["NUL in the name"] = d => d with { Name = "Hội chợ\0" },
        ["escape in the venue"] = d => d with { Venue = "Cung\u001b[31m" },
        ["long province"] = d => d with { Province = new string('x', 101) },
        ["overlong time zone"] = d => d with { TimeZone = new string('x', 65) },
        ["unknown allocation mode"] = d => d with { AllocationMode = (AllocationMode)7 },
        ["unknown group"] = d => d with { AcceptedGroups = [ProductGroup.Food, (ProductGroup)42] },
        ["a group list of thirteen"] = d => d with { AcceptedGroups = [.. Enumerable.Repeat(ProductGroup.Food, 13)] },
        ["registration opens in 1999"] = d => d with { RegistrationOpensAt = new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.Zero) },
    };

    [Theory]
    [InlineData("blank name", "name", "required")]
    [InlineData("long name", "name", "tooLong")]
    [InlineData("blank venue", "venue", "required")]
    [InlineData("long venue", "venue", "tooLong")]
    [InlineData("blank province", "province", "required")]
    [InlineData("unknown time zone", "timeZone", "unknownTimeZone")]
    [InlineData("blank time zone", "timeZone", "unknownTimeZone")]
    [InlineData("ends at start", "endsAt", "endsBeforeStart")]
    [InlineData("ends before start", "endsAt", "endsBeforeStart")]
    [InlineData("registration closes at opening", "registrationClosesAt", "closesBeforeOpens")]
    [InlineData("registration closes after start", "registrationClosesAt", "closesAfterStart")]
    [InlineData("two stars", "minStars", "starsOutOfRange")]
    [InlineData("six stars", "minStars", "starsOutOfRange")]
    [InlineData("no groups", "acceptedGroups", "required")]
    [InlineData("default groups", "acceptedGroups", "required")]
    [InlineData("no booths per producer", "boothsPerProducer", "outOfRange")]
    [InlineData("21 booths per producer", "boothsPerProducer", "outOfRange")]
    [InlineData("zero hold", "holdMinutes", "outOfRange")]
    [InlineData("hold over a week", "holdMinutes", "outOfRange")]
    [InlineData("NUL in the name", "name", "controlCharacter")]
    [InlineData("escape in the venue", "venue", "controlCharacter")]
    [InlineData("long province", "province", "tooLong")]
    [InlineData("overlong time zone", "timeZone", "unknownTimeZone")]
    [InlineData("unknown allocation mode", "allocationMode", "invalidValue")]
    [InlineData("unknown group", "acceptedGroups", "invalidGroup")]
    [InlineData("a group list of thirteen", "acceptedGroups", "tooMany")]
    [InlineData("registration opens in 1999", "registrationOpensAt", "outOfRange")]
    public void Validate_reports_the_broken_field_only(string change, string field, string code)
    {
        var errors = FairRules.Validate(Changes[change](Valid()));

        var error = Assert.Single(errors);
        Assert.Equal(field, error.Key);
        Assert.Equal([code], error.Value);
    }

    [Fact]
    public void Validate_accepts_a_valid_fair() => Assert.Empty(FairRules.Validate(Valid()));

    [Fact]
    public void Dates_at_the_end_of_the_calendar_are_refused_before_any_arithmetic_on_them()
    {
        var errors = FairRules.Validate(Valid() with
        {
            RegistrationOpensAt = DateTimeOffset.MinValue,
            RegistrationClosesAt = DateTimeOffset.MaxValue.AddDays(-2),
            StartsAt = DateTimeOffset.MaxValue.AddDays(-1),
            EndsAt = DateTimeOffset.MaxValue,
        });

        Assert.All(["startsAt", "endsAt", "registrationOpensAt", "registrationClosesAt"], field => Assert.Contains("outOfRange", errors[field]));
    }

    [Fact]
    public void CheckFields_checks_only_the_fields_given()
    {
        var errors = new Errors();
        FairRules.CheckFields(errors, new FairFields { Name = "Hội chợ\0", MinStars = 9, HoldMinutes = 0 }, required: false);

        Assert.Equal(
            new Dictionary<string, string[]> { ["name"] = ["controlCharacter"], ["minStars"] = ["starsOutOfRange"], ["holdMinutes"] = ["outOfRange"] },
            errors.ToDictionary());
    }

    [Fact]
    public void Validate_accepts_the_boundaries()
    {
        var d = Valid() with
        {
            Name = new string('x', 200),
            Venue = new string('x', 300),
            RegistrationClosesAt = Valid().StartsAt,
            MinStars = 5,
            BoothsPerProducer = 20,
            HoldMinutes = 7 * 24 * 60,
        };

        Assert.Empty(FairRules.Validate(d));
        Assert.Empty(FairRules.Validate(d with { MinStars = 3, BoothsPerProducer = 1, HoldMinutes = 1 }));
    }

    [Fact]
    public void Validate_lists_every_error_of_one_field()
    {
        var d = Valid() with { RegistrationOpensAt = Valid().StartsAt.AddDays(2), RegistrationClosesAt = Valid().StartsAt.AddDays(1) };

        var errors = FairRules.Validate(d);

        Assert.Equal(["closesBeforeOpens", "closesAfterStart"], errors["registrationClosesAt"]);
    }

    [Fact]
    public void Default_time_zone_is_found_at_plus_seven()
    {
        Assert.True(FairRules.TryFindTimeZone(FairRules.DefaultTimeZone, out var zone));
        Assert.Equal(TimeSpan.FromHours(7), zone.BaseUtcOffset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Asia/Atlantis")]
    [InlineData("../../etc/passwd")]
    [InlineData("Asia/Ho_Chi_Minh\0")]
    public void Unknown_time_zone_is_not_found_and_falls_back_to_utc(string? id)
    {
        Assert.False(FairRules.TryFindTimeZone(id, out var zone));
        Assert.Equal(TimeZoneInfo.Utc, zone);
    }

    private static readonly ImmutableHashSet<(FairStatus, FairStatus)> Allowed =
    [
        (FairStatus.Draft, FairStatus.Published),
        (FairStatus.Published, FairStatus.RegistrationClosed),
        (FairStatus.Published, FairStatus.Live),
        (FairStatus.RegistrationClosed, FairStatus.Live),
        (FairStatus.Live, FairStatus.Closed),
    ];

    public static TheoryData<FairStatus, FairStatus, bool> Moves()
    {
        var data = new TheoryData<FairStatus, FairStatus, bool>();
        foreach (var from in Enum.GetValues<FairStatus>())
        {
            foreach (var to in Enum.GetValues<FairStatus>())
            {
                data.Add(from, to, Allowed.Contains((from, to)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void CanMove_follows_the_lifecycle(FairStatus from, FairStatus to, bool allowed) =>
        Assert.Equal(allowed, FairRules.CanMove(from, to));
}
