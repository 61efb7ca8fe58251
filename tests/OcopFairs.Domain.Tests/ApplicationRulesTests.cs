using System.Collections.Immutable;
using CsCheck;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Domain.Tests;

public class ApplicationRulesTests
{
    private static readonly ProductGroup[] AllGroups = Enum.GetValues<ProductGroup>();

    private static readonly ApplicationStatus[] AllStatuses = Enum.GetValues<ApplicationStatus>();

    private static readonly ProducerProfile Complete = new(
        "HTX Nông nghiệp 3T Cao Phong", ProducerKind.Cooperative, "Hòa Bình", "Cao Phong", "Thị trấn Cao Phong",
        "VN-HB-CP-001", "0912345678", null, "Cam Cao Phong");

    private static FairDetails Fair(DateTimeOffset endsAt, int minStars = 3, ImmutableArray<ProductGroup>? accepted = null) => new(
        Name: "Hội chợ OCOP Hòa Bình",
        Venue: "Quảng trường Hòa Bình",
        Province: "Hòa Bình",
        TimeZone: FairRules.DefaultTimeZone,
        StartsAt: endsAt.AddDays(-4),
        EndsAt: endsAt,
        RegistrationOpensAt: endsAt.AddDays(-40),
        RegistrationClosesAt: endsAt.AddDays(-10),
        MinStars: minStars,
        AcceptedGroups: accepted ?? [ProductGroup.Food, ProductGroup.Beverages],
        BoothsPerProducer: 2,
        HoldMinutes: 30,
        AllocationMode: AllocationMode.FirstCome);

    private static Product Product(string id, int stars = 4, ProductGroup group = ProductGroup.Food, DateOnly? expiresOn = null) => new(
        ProductId: id,
        Name: $"Sản phẩm {id}",
        Group: group,
        SubGroup: null,
        GroupRule: CatalogRules.CurrentGroupRule,
        Stars: stars,
        CertificateNo: $"OCOP-HB-{id}",
        CertificateLevel: CertificateLevel.Province,
        CertifiedOn: new DateOnly(2025, 1, 10),
        CertificateExpiresOn: expiresOn ?? new DateOnly(2028, 1, 10),
        Certifications: ["VietGAP"]);

    private static ApplicationRules.Context Context(FairDetails fair, IReadOnlyList<Product> catalogue, IReadOnlyList<string>? requested = null) =>
        new(fair, FairStatus.Published, fair.RegistrationOpensAt.AddDays(1), Complete,
            requested ?? [.. catalogue.Select(p => p.ProductId)], catalogue);

    private static readonly DateTimeOffset EndsAt = new(2026, 12, 27, 9, 0, 0, TimeSpan.Zero);

    private static string[] Codes(Eligibility e) => [.. e.Reasons.Select(r => r.Code)];

    /// <summary>Reasons as sortable strings, so sets of reasons compare regardless of order.</summary>
    private static string[] Sorted(IEnumerable<EligibilityReason> reasons) =>
        [.. reasons.Select(r => $"{r.Code}:{r.ProductId}").Order(StringComparer.Ordinal)];

    // ---- Generators -------------------------------------------------------------------------------------------

    /// <summary>A published fair in Asia/Ho_Chi_Minh with a random schedule, minimum stars and accepted groups.</summary>
    private sealed record Setup(FairDetails Fair, DateTimeOffset Now, ProductGroup[] Accepted, ProductGroup[] Refused)
    {
        /// <summary>The last local day, computed independently of the code under test: the zone is UTC+7 all year.</summary>
        public DateOnly LastDay => DateOnly.FromDateTime(Fair.EndsAt.UtcDateTime.AddHours(7));
    }

    private static readonly Gen<Setup> Setups =
        from endMinute in Gen.Int[0, 3 * 365 * 24 * 60]
        from runDays in Gen.Int[1, 10]
        from closeGapDays in Gen.Int[0, 30]
        from registrationDays in Gen.Int[1, 60]
        from nowPermille in Gen.Int[0, 1000]
        from minStars in Gen.Int[3, 5]
        from mask in Gen.Int[1, (1 << 6) - 2] // at least one group accepted and at least one refused
        select MakeSetup(endMinute, runDays, closeGapDays, registrationDays, nowPermille, minStars, mask);

    private static Setup MakeSetup(int endMinute, int runDays, int closeGapDays, int registrationDays, int nowPermille, int minStars, int mask)
    {
        var endsAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(endMinute);
        var startsAt = endsAt.AddDays(-runDays);
        var closes = startsAt.AddDays(-closeGapDays);
        var opens = closes.AddDays(-registrationDays);
        var now = opens + ((closes - opens) * nowPermille / 1000);
        var accepted = AllGroups.Where(g => (mask & (1 << (int)g)) != 0).ToArray();
        var refused = AllGroups.Except(accepted).ToArray();
        var fair = new FairDetails("Hội chợ", "Nhà văn hóa", "Hòa Bình", FairRules.DefaultTimeZone, startsAt, endsAt, opens, closes,
            minStars, [.. accepted], 2, 30, AllocationMode.FirstCome);
        return new Setup(fair, now, accepted, refused);
    }

    /// <summary>One requested product and which rules it breaks; the expected reasons follow from the flags alone.</summary>
    private sealed record Case(Product Product, bool LowStars, bool RefusedGroup, bool Lapsed, bool Unknown)
    {
        public IEnumerable<EligibilityReason> Expected()
        {
            if (Unknown)
            {
                yield return new("unknownProduct", Product.ProductId);
                yield break;
            }

            if (LowStars) yield return new("starsBelowMinimum", Product.ProductId);
            if (RefusedGroup) yield return new("groupNotAccepted", Product.ProductId);
            if (Lapsed) yield return new("certificateExpiresBeforeFairEnds", Product.ProductId);
        }
    }

    private static Gen<Case> CaseOf(Setup s, Gen<bool> low, Gen<bool> refused, Gen<bool> lapsed, Gen<bool> unknown) =>
        from isLow in low
        from isRefused in refused
        from isLapsed in lapsed
        from isUnknown in unknown
        from stars in isLow ? Gen.Int[0, s.Fair.MinStars - 1] : Gen.Int[s.Fair.MinStars, 5]
        from productGroup in Gen.OneOf(isRefused ? s.Refused : s.Accepted)
        from days in Gen.Frequency((1, Gen.Const(isLapsed ? 1 : 0)), (3, isLapsed ? Gen.Int[1, 2000] : Gen.Int[0, 2000])) // often at the edge
        select new Case(
            Product("p", stars, productGroup, isLapsed ? s.LastDay.AddDays(-days) : s.LastDay.AddDays(days)),
            isLow, isRefused, isLapsed, isUnknown);

    private static readonly Gen<bool> Sometimes = Gen.Frequency((1, true), (3, false));

    /// <summary>A setup and 1–8 requested products, each breaking any mix of rules; ids are p0, p1 … in order.</summary>
    private static readonly Gen<(Setup Setup, Case[] Cases)> Mixed =
        from s in Setups
        from cases in CaseOf(s, Sometimes, Sometimes, Sometimes, Gen.Frequency((1, true), (6, false))).Array[1, 8]
        select (s, cases.Select((c, i) => c with { Product = c.Product with { ProductId = $"p{i}" } }).ToArray());

    private static ApplicationRules.Context ContextOf(Setup s, Case[] cases) =>
        new(s.Fair, FairStatus.Published, s.Now, Complete,
            [.. cases.Select(c => c.Product.ProductId)],
            [.. cases.Where(c => !c.Unknown).Select(c => c.Product)]);

    // ---- Properties ---------------------------------------------------------------------------------------------

    [Fact]
    public void A_product_below_the_minimum_stars_always_yields_starsBelowMinimum_naming_it() =>
        Setups.SelectMany(s => CaseOf(s, Gen.Const(true), Gen.Bool, Gen.Bool, Gen.Const(false)).Select(c => (s, c)))
            .Sample(sc =>
            {
                var e = ApplicationRules.Evaluate(ContextOf(sc.s, [sc.c]));

                Assert.False(e.Eligible);
                Assert.Contains(new EligibilityReason("starsBelowMinimum", "p"), e.Reasons);
            });

    [Fact]
    public void A_group_the_fair_does_not_accept_always_yields_groupNotAccepted_naming_the_product() =>
        Setups.SelectMany(s => CaseOf(s, Gen.Bool, Gen.Const(true), Gen.Bool, Gen.Const(false)).Select(c => (s, c)))
            .Sample(sc =>
            {
                var e = ApplicationRules.Evaluate(ContextOf(sc.s, [sc.c]));

                Assert.False(e.Eligible);
                Assert.Contains(new EligibilityReason("groupNotAccepted", "p"), e.Reasons);
            });

    [Fact]
    public void A_certificate_ending_before_the_fairs_last_local_day_always_yields_certificateExpiresBeforeFairEnds() =>
        Setups.SelectMany(s => CaseOf(s, Gen.Bool, Gen.Bool, Gen.Const(true), Gen.Const(false)).Select(c => (s, c)))
            .Sample(sc =>
            {
                var e = ApplicationRules.Evaluate(ContextOf(sc.s, [sc.c]));

                Assert.False(e.Eligible);
                Assert.Contains(new EligibilityReason("certificateExpiresBeforeFairEnds", "p"), e.Reasons);
            });

    [Fact]
    public void A_certificate_ending_on_or_after_the_fairs_last_local_day_is_never_a_reason() =>
        Setups.SelectMany(s => CaseOf(s, Gen.Bool, Gen.Bool, Gen.Const(false), Gen.Const(false)).Select(c => (s, c)))
            .Sample(sc =>
            {
                var e = ApplicationRules.Evaluate(ContextOf(sc.s, [sc.c]));

                Assert.DoesNotContain(e.Reasons, r => r.Code == "certificateExpiresBeforeFairEnds");
            });

    [Fact]
    public void A_product_breaking_no_rule_in_an_open_fair_is_eligible() =>
        Setups.SelectMany(s => CaseOf(s, Gen.Const(false), Gen.Const(false), Gen.Const(false), Gen.Const(false)).Array[1, 8]
                .Select(cs => (s, cs.Select((c, i) => c with { Product = c.Product with { ProductId = $"p{i}" } }).ToArray())))
            .Sample(sc =>
            {
                var e = ApplicationRules.Evaluate(ContextOf(sc.s, sc.Item2));

                Assert.True(e.Eligible, string.Join(", ", Codes(e)));
                Assert.Empty(e.Reasons);
            });

    [Fact]
    public void Every_reason_of_every_product_is_reported_at_once() =>
        Mixed.Sample(m =>
        {
            var e = ApplicationRules.Evaluate(ContextOf(m.Setup, m.Cases));

            Assert.Equal(Sorted(m.Cases.SelectMany(c => c.Expected())), Sorted(e.Reasons));
        });

    /// <summary>Any context at all: status, instant, profile and products vary; reasons follow a model of the rules.</summary>
    private static readonly Gen<(ApplicationRules.Context Context, EligibilityReason[] Expected)> AnyContext =
        from m in Mixed
        from status in Gen.Enum<FairStatus>()
        from nowShiftDays in Gen.Frequency((3, Gen.Const(0)), (1, Gen.Int[-100, 100]))
        from profileKind in Gen.Int[0, 4]
        from noProducts in Gen.Frequency((1, true), (8, false))
        select Model(m.Setup, m.Cases, status, nowShiftDays, profileKind, noProducts);

    private static (ApplicationRules.Context, EligibilityReason[]) Model(
        Setup s, Case[] cases, FairStatus status, int nowShiftDays, int profileKind, bool noProducts)
    {
        var now = s.Now.AddDays(nowShiftDays);
        var profile = profileKind switch
        {
            0 => null,
            1 => Complete with { Name = " " },
            2 => Complete with { Phone = null, Email = null },
            3 => Complete with { Phone = null, Email = "htx3t@example.vn" },
            _ => Complete,
        };
        var requested = noProducts ? [] : cases;
        var expected = new List<EligibilityReason>();
        if (status != FairStatus.Published || now < s.Fair.RegistrationOpensAt || now > s.Fair.RegistrationClosesAt)
            expected.Add(new("registrationClosed", null));
        if (profileKind is 0 or 1 or 2) expected.Add(new("profileIncomplete", null));
        if (requested.Length == 0) expected.Add(new("noProducts", null));
        expected.AddRange(requested.SelectMany(c => c.Expected()));
        var context = new ApplicationRules.Context(s.Fair, status, now, profile,
            [.. requested.Select(c => c.Product.ProductId)], [.. cases.Where(c => !c.Unknown).Select(c => c.Product)]);
        return (context, expected.ToArray());
    }

    [Fact]
    public void Evaluate_matches_a_model_of_every_rule() =>
        AnyContext.Sample(x =>
            Assert.Equal(Sorted(x.Expected), Sorted(ApplicationRules.Evaluate(x.Context).Reasons)));

    [Fact]
    public void Eligible_exactly_when_there_is_no_reason() =>
        AnyContext.Sample(x =>
        {
            var e = ApplicationRules.Evaluate(x.Context);
            Assert.Equal(e.Reasons.IsEmpty, e.Eligible);
        });

    [Fact]
    public void Evaluate_is_deterministic() =>
        AnyContext.Sample(x =>
        {
            var first = ApplicationRules.Evaluate(x.Context);
            var second = ApplicationRules.Evaluate(x.Context with { });

            Assert.Equal(first.Eligible, second.Eligible);
            Assert.Equal(first.Reasons.ToArray(), second.Reasons.ToArray()); // same reasons in the same order
        });

    // ---- Examples: the fair's last day in its own time zone -----------------------------------------------------

    [Theory]
    [InlineData("2026-12-27T16:30:00Z", "2026-12-27")] // 23:30 local
    [InlineData("2026-12-27T16:59:59Z", "2026-12-27")]
    [InlineData("2026-12-27T17:30:00Z", "2026-12-28")] // 00:30 local the next day
    [InlineData("2026-12-26T17:00:00Z", "2026-12-27")] // local midnight starts the 27th
    public void LastDay_is_the_calendar_day_where_the_fair_is_held(string endsAt, string lastDay) =>
        Assert.Equal(DateOnly.Parse(lastDay), ApplicationRules.LastDay(Fair(DateTimeOffset.Parse(endsAt))));

    [Fact]
    public void LastDay_of_a_fair_with_an_unknown_time_zone_falls_back_to_UTC()
    {
        var fair = Fair(DateTimeOffset.Parse("2026-12-27T17:30:00Z")) with { TimeZone = "Asia/Atlantis" };

        Assert.Equal(new DateOnly(2026, 12, 27), ApplicationRules.LastDay(fair));
    }

    [Theory]
    [InlineData("2026-12-27T16:30:00Z", "2026-12-26", true)]
    [InlineData("2026-12-27T16:30:00Z", "2026-12-27", false)] // ends on the last day: fine
    [InlineData("2026-12-27T17:30:00Z", "2026-12-27", true)]  // the fair runs into the 28th locally
    [InlineData("2026-12-27T17:30:00Z", "2026-12-28", false)]
    public void A_certificate_must_last_through_the_fairs_last_local_day(string endsAt, string expiresOn, bool refused)
    {
        var fair = Fair(DateTimeOffset.Parse(endsAt));
        var e = ApplicationRules.Evaluate(Context(fair, [Product("p1", expiresOn: DateOnly.Parse(expiresOn))]));

        Assert.Equal(refused, e.Reasons.Contains(new("certificateExpiresBeforeFairEnds", "p1")));
        Assert.Equal(!refused, e.Eligible);
    }

    // ---- Examples: registration, profile and request ------------------------------------------------------------

    [Theory]
    [InlineData(FairStatus.Draft)]
    [InlineData(FairStatus.RegistrationClosed)]
    [InlineData(FairStatus.Live)]
    [InlineData(FairStatus.Closed)]
    public void A_fair_that_is_not_published_is_closed_for_registration(FairStatus status)
    {
        var fair = Fair(EndsAt);
        var e = ApplicationRules.Evaluate(Context(fair, [Product("p1")]) with { FairStatus = status });

        Assert.Equal(["registrationClosed"], Codes(e));
        Assert.Null(e.Reasons[0].ProductId);
    }

    [Theory]
    [InlineData(-1, true)] // one tick before opening
    [InlineData(0, false)] // at opening
    public void Registration_opens_at_the_opening_instant(long ticks, bool closed)
    {
        var fair = Fair(EndsAt);
        var e = ApplicationRules.Evaluate(Context(fair, [Product("p1")]) with { Now = fair.RegistrationOpensAt.AddTicks(ticks) });

        Assert.Equal(closed, Codes(e).Contains("registrationClosed"));
    }

    [Theory]
    [InlineData(0, false)] // at closing
    [InlineData(1, true)]  // one tick after closing
    public void Registration_closes_after_the_closing_instant(long ticks, bool closed)
    {
        var fair = Fair(EndsAt);
        var e = ApplicationRules.Evaluate(Context(fair, [Product("p1")]) with { Now = fair.RegistrationClosesAt.AddTicks(ticks) });

        Assert.Equal(closed, Codes(e).Contains("registrationClosed"));
    }

    public static TheoryData<string, ProducerProfile?> IncompleteProfiles => new()
    {
        { "no profile", null },
        { "blank name", Complete with { Name = "" } },
        { "blank province", Complete with { Province = " " } },
        { "blank district", Complete with { District = "" } },
        { "blank commune", Complete with { Commune = "\t" } },
        { "no phone and no email", Complete with { Phone = null, Email = " " } },
    };

    [Theory]
    [MemberData(nameof(IncompleteProfiles))]
    public void An_incomplete_profile_yields_profileIncomplete(string _, ProducerProfile? profile)
    {
        var e = ApplicationRules.Evaluate(Context(Fair(EndsAt), [Product("p1")]) with { Profile = profile });

        Assert.Equal(["profileIncomplete"], Codes(e));
    }

    [Fact]
    public void A_profile_reachable_by_email_only_is_complete()
    {
        var e = ApplicationRules.Evaluate(Context(Fair(EndsAt), [Product("p1")]) with { Profile = Complete with { Phone = null, Email = "htx@example.vn" } });

        Assert.True(e.Eligible);
    }

    [Fact]
    public void An_application_without_products_yields_noProducts()
    {
        var e = ApplicationRules.Evaluate(Context(Fair(EndsAt), [Product("p1")], requested: []));

        Assert.Equal(["noProducts"], Codes(e));
    }

    [Fact]
    public void A_product_not_in_the_catalogue_yields_unknownProduct_naming_it()
    {
        var e = ApplicationRules.Evaluate(Context(Fair(EndsAt), [Product("p1")], requested: ["p1", "p9"]));

        Assert.Equal([new EligibilityReason("unknownProduct", "p9")], e.Reasons.ToArray());
    }

    [Fact]
    public void A_product_asked_for_twice_is_judged_once()
    {
        var e = ApplicationRules.Evaluate(Context(Fair(EndsAt), [Product("p1", stars: 2)], requested: ["p1", "p1"]));

        Assert.Equal([new EligibilityReason("starsBelowMinimum", "p1")], e.Reasons.ToArray());
    }

    [Theory]
    [InlineData(20, false)]
    [InlineData(21, true)]
    public void At_most_twenty_products_per_application(int count, bool refused)
    {
        var products = Enumerable.Range(1, count).Select(i => Product($"p{i}")).ToList();
        var e = ApplicationRules.Evaluate(Context(Fair(EndsAt), products));

        Assert.Equal(refused, Codes(e).Contains("tooManyProducts"));
    }

    [Fact]
    public void A_fair_without_accepted_groups_accepts_no_product()
    {
        var e = ApplicationRules.Evaluate(Context(Fair(EndsAt, accepted: default(ImmutableArray<ProductGroup>)), [Product("p1")]));

        Assert.Equal([new EligibilityReason("groupNotAccepted", "p1")], e.Reasons.ToArray());
    }

    [Fact]
    public void A_product_exactly_at_the_minimum_stars_is_accepted()
    {
        var e = ApplicationRules.Evaluate(Context(Fair(EndsAt, minStars: 4), [Product("p1", stars: 4), Product("p2", stars: 3)]));

        Assert.Equal([new EligibilityReason("starsBelowMinimum", "p2")], e.Reasons.ToArray());
    }

    [Fact]
    public void Several_failing_products_and_a_closed_fair_are_all_reported()
    {
        var fair = Fair(DateTimeOffset.Parse("2026-12-27T16:30:00Z"), minStars: 4);
        var catalogue = new[]
        {
            Product("low", stars: 3),
            Product("craft", group: ProductGroup.Handicrafts),
            Product("lapsed", expiresOn: new DateOnly(2026, 12, 26)),
            Product("all", stars: 3, group: ProductGroup.Tourism, expiresOn: new DateOnly(2026, 1, 1)),
            Product("fine"),
        };
        var context = Context(fair, catalogue, ["low", "craft", "lapsed", "all", "fine", "ghost"]) with
        {
            FairStatus = FairStatus.Draft,
            Profile = null,
        };

        var e = ApplicationRules.Evaluate(context);

        Assert.False(e.Eligible);
        Assert.Equal(
            Sorted([
                new("registrationClosed", null), new("profileIncomplete", null),
                new("starsBelowMinimum", "low"), new("groupNotAccepted", "craft"), new("certificateExpiresBeforeFairEnds", "lapsed"),
                new("starsBelowMinimum", "all"), new("groupNotAccepted", "all"), new("certificateExpiresBeforeFairEnds", "all"),
                new("unknownProduct", "ghost"),
            ]),
            Sorted(e.Reasons));
    }

    // ---- Lifecycle ----------------------------------------------------------------------------------------------

    private static readonly HashSet<(ApplicationStatus, ApplicationStatus)> Allowed =
    [
        (ApplicationStatus.Submitted, ApplicationStatus.Approved),
        (ApplicationStatus.Submitted, ApplicationStatus.Rejected),
        (ApplicationStatus.Submitted, ApplicationStatus.Waitlisted),
        (ApplicationStatus.Submitted, ApplicationStatus.Withdrawn),
        (ApplicationStatus.Waitlisted, ApplicationStatus.Approved),
        (ApplicationStatus.Waitlisted, ApplicationStatus.Rejected),
        (ApplicationStatus.Waitlisted, ApplicationStatus.Withdrawn),
        (ApplicationStatus.Approved, ApplicationStatus.Withdrawn),
    ];

    public static TheoryData<ApplicationStatus, ApplicationStatus> EveryPair()
    {
        var data = new TheoryData<ApplicationStatus, ApplicationStatus>();
        foreach (var from in AllStatuses)
        {
            foreach (var to in AllStatuses)
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void CanMove_allows_exactly_the_review_decisions_and_withdrawals(ApplicationStatus from, ApplicationStatus to) =>
        Assert.Equal(Allowed.Contains((from, to)), ApplicationRules.CanMove(from, to));

    [Fact]
    public void Rejected_and_withdrawn_applications_are_final() =>
        Assert.All(AllStatuses, to =>
        {
            Assert.False(ApplicationRules.CanMove(ApplicationStatus.Rejected, to));
            Assert.False(ApplicationRules.CanMove(ApplicationStatus.Withdrawn, to));
        });

    [Theory]
    [InlineData(ApplicationStatus.Submitted, true)]
    [InlineData(ApplicationStatus.Approved, true)]
    [InlineData(ApplicationStatus.Waitlisted, true)]
    [InlineData(ApplicationStatus.Rejected, false)]
    [InlineData(ApplicationStatus.Withdrawn, false)]
    public void Only_submitted_approved_and_waitlisted_applications_are_live(ApplicationStatus status, bool live) =>
        Assert.Equal(live, ApplicationRules.IsLive(status));

    [Fact]
    public void A_request_of_ids_a_note_and_preferences_is_valid() =>
        Assert.Empty(ApplicationRules.Validate(new ApplicationRequest(
            ["pr-0197a8b2", "pr-2"], new BoothPreferences([BoothType.Corner], ["A", "B-2"]), new BoothNeeds(true, false, true), "Cần điện.\nCảm ơn.")));

    [Fact]
    public void A_request_with_a_hostile_part_is_refused_field_by_field()
    {
        var errors = ApplicationRules.Validate(new ApplicationRequest(
            ["pr-1", "pr\u00002"], new BoothPreferences([(BoothType)9], ["khu A"]), null, "Ghi chú\u0000"));

        Assert.Equal(["invalidId"], errors["productIds"]);
        Assert.Equal(["invalidBoothType"], errors["boothPreferences.types"]);
        Assert.Equal(["invalidCode"], errors["boothPreferences.zones"]);
        Assert.Equal(["controlCharacter"], errors["note"]);
    }

    [Fact]
    public void A_rejection_reason_is_bounded_and_free_of_controls_but_line_breaks()
    {
        Assert.Empty(ApplicationRules.ValidateReason("Thiếu giấy chứng nhận.\r\nHãy bổ sung."));
        Assert.Empty(ApplicationRules.ValidateReason(null));
        Assert.Equal(["controlCharacter"], ApplicationRules.ValidateReason("Lý do\u0000")["reason"]);
        Assert.Equal(["tooLong"], ApplicationRules.ValidateReason(new string('x', ApplicationRules.MaxReasonLength + 1))["reason"]);
    }
}
