using System.Collections.Immutable;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Grains.Tests;

[Collection(ClusterCollection.Name)]
public class ExhibitorGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private static InMemoryProjections Projections => InMemoryProjections.Instance;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A published fair for 4 stars and more whose registration is open now; it starts in <paramref name="startsIn"/> (10 days by default).</summary>
    private async Task<string> NewOpenFairAsync(TimeSpan? startsIn = null)
    {
        var now = DateTimeOffset.UtcNow;
        var starts = now + (startsIn ?? TimeSpan.FromDays(10));
        var closes = startsIn is null ? now.AddDays(5) : starts.AddMilliseconds(-500);
        var details = TestData.Fair("Hội chợ OCOP Hòa Bình") with
        {
            RegistrationOpensAt = now.AddHours(-1),
            RegistrationClosesAt = closes,
            StartsAt = starts,
            EndsAt = startsIn is null ? now.AddDays(12) : starts.AddDays(2),
            MinStars = 4,
            AcceptedGroups = [ProductGroup.Food, ProductGroup.Beverages],
        };
        var fairId = TestData.NewId("fair");
        var fair = _grains.GetGrain<IFairGrain>(fairId);
        await fair.CreateAsync(details, "organiser-1");
        await fair.SetFloorPlanAsync(TestData.Plan());
        await fair.MoveToAsync(FairStatus.Published);
        return fairId;
    }

    private static ProducerProfile Profile(string name) => new(
        Name: name,
        Kind: ProducerKind.Cooperative,
        Province: "Hòa Bình",
        District: "Cao Phong",
        Commune: "Thị trấn Cao Phong",
        Puc: null,
        Phone: "0912345678",
        Email: null,
        Description: null);

    private static Product Product(string id, int stars = 4, ProductGroup group = ProductGroup.Food, DateOnly? expiresOn = null) => new(
        ProductId: id,
        Name: $"Cam Cao Phong {id}",
        Group: group,
        SubGroup: null,
        GroupRule: CatalogRules.CurrentGroupRule,
        Stars: stars,
        CertificateNo: $"OCOP-HB-{id}",
        CertificateLevel: CertificateLevel.Province,
        CertifiedOn: Today.AddMonths(-6),
        CertificateExpiresOn: expiresOn ?? Today.AddMonths(30),
        Certifications: ["VietGAP"]);

    /// <summary>A producer with a complete profile and the given products (one eligible product "p1" by default).</summary>
    private async Task<string> NewProducerAsync(ProducerProfile? profile = null, params Product[] products)
    {
        var producerId = TestData.NewId("producer");
        var producer = _grains.GetGrain<IProducerGrain>(producerId);
        await producer.SaveProfileAsync(profile ?? Profile($"HTX {producerId[^6..]}"), $"user-{producerId}");
        foreach (var product in products.Length == 0 ? [Product("p1")] : products)
        {
            await producer.SaveProductAsync(product);
        }

        return producerId;
    }

    private IExhibitorGrain Exhibitor(string fairId, string producerId) =>
        _grains.GetGrain<IExhibitorGrain>(ExhibitorGrain.Key(fairId, producerId));

    private static ApplicationRequest Request(params string[] productIds) => new(
        [.. productIds.Length == 0 ? ["p1"] : productIds],
        new BoothPreferences([BoothType.Corner], ["A"]),
        new BoothNeeds(Power: true, ColdStorage: false, Water: false),
        "Cần gần lối vào");

    /// <summary>A producer with an application in the given status (reached through the grain's own calls).</summary>
    private async Task<(IExhibitorGrain Grain, string ProducerId)> ApplicationInAsync(string fairId, ApplicationStatus status)
    {
        var producerId = await NewProducerAsync();
        var grain = Exhibitor(fairId, producerId);
        await grain.SubmitAsync(Request());
        await MoveAsync(grain, status);
        return (grain, producerId);
    }

    private static Task<ApplicationView> MoveAsync(IExhibitorGrain grain, ApplicationStatus to) => to switch
    {
        ApplicationStatus.Submitted => grain.GetAsync()!,
        ApplicationStatus.Approved => grain.ApproveAsync(),
        ApplicationStatus.Rejected => grain.RejectAsync("Không đủ gian hàng"),
        ApplicationStatus.Waitlisted => grain.WaitlistAsync(),
        ApplicationStatus.Withdrawn => grain.WithdrawAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(to)),
    };

    private static (ApplicationView Application, ApplicationStatus? Previous)[] ChangesOf(string fairId, string producerId) =>
        [.. Projections.Changes.Where(c => c.Application.FairId == fairId && c.Application.ProducerId == producerId)];

    private static ApplicationStatus ProjectedStatus(ApplicationView application) =>
        Projections.Applications[application.ApplicationId].Status;

    private static string[] Sorted(IEnumerable<EligibilityReason> reasons) =>
        [.. reasons.Select(r => $"{r.Code}:{r.ProductId}").Order(StringComparer.Ordinal)];

    private static async Task<DomainException> ConflictAsync(string code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<DomainException>(call);
        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
        Assert.Equal(code, ex.Code);
        return ex;
    }

    // ---- Submitting ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Submit_of_an_eligible_application_is_stored_as_submitted_and_reported()
    {
        var fairId = await NewOpenFairAsync();
        var producerId = await NewProducerAsync(Profile("HTX Hà Phong"), Product("p1"), Product("p2", stars: 5, group: ProductGroup.Beverages), Product("p3"));
        var grain = Exhibitor(fairId, producerId);

        var view = await grain.SubmitAsync(Request("p1", "p2"));

        Assert.Equal(ApplicationStatus.Submitted, view.Status);
        Assert.Equal(fairId, view.FairId);
        Assert.Equal(producerId, view.ProducerId);
        Assert.Equal("HTX Hà Phong", view.ProducerName);
        Assert.Equal("Cao Phong", view.District);
        Assert.Equal($"user-{producerId}", view.OwnerUserId);
        Assert.Equal(["p1", "p2"], view.Products.Select(p => p.ProductId));
        Assert.Equal([4, 5], view.Products.Select(p => p.Stars));
        Assert.True(view.Eligibility.Eligible);
        Assert.Null(view.DecidedAt);
        Assert.Equal(view.ApplicationId, (await grain.GetAsync())!.ApplicationId);
        var change = Assert.Single(ChangesOf(fairId, producerId));
        Assert.Equal(view.ApplicationId, change.Application.ApplicationId);
        Assert.Equal(ApplicationStatus.Submitted, change.Application.Status);
        Assert.Null(change.Previous);
    }

    [Fact]
    public async Task Submit_of_an_ineligible_application_is_refused_with_every_reason_and_stores_nothing()
    {
        var fairId = await NewOpenFairAsync();
        var fair = (await _grains.GetGrain<IFairGrain>(fairId).GetAsync())!;
        var lastDay = ApplicationRules.LastDay(fair.Details);
        var producerId = await NewProducerAsync(
            Profile("HTX Chưa đủ") with { Phone = null },
            Product("low", stars: 3),
            Product("craft", group: ProductGroup.Handicrafts),
            Product("lapsed", expiresOn: lastDay.AddDays(-1)),
            Product("fine"));
        var grain = Exhibitor(fairId, producerId);

        var ex = await Assert.ThrowsAsync<IneligibleException>(() => grain.SubmitAsync(Request("low", "craft", "lapsed", "fine", "ghost")));

        Assert.False(ex.Eligibility.Eligible);
        Assert.Equal(
            ["certificateExpiresBeforeFairEnds:lapsed", "groupNotAccepted:craft", "profileIncomplete:", "starsBelowMinimum:low", "unknownProduct:ghost"],
            Sorted(ex.Eligibility.Reasons));
        Assert.Null(await grain.GetAsync());
        Assert.Empty(ChangesOf(fairId, producerId));
    }

    [Fact]
    public async Task Check_reports_eligibility_without_applying()
    {
        var fairId = await NewOpenFairAsync();
        var producerId = await NewProducerAsync(null, Product("p1"), Product("low", stars: 3));
        var grain = Exhibitor(fairId, producerId);

        var fine = await grain.CheckAsync(Request("p1"));
        var refused = await grain.CheckAsync(Request("p1", "low"));

        Assert.True(fine.Eligible);
        Assert.Equal(["starsBelowMinimum:low"], Sorted(refused.Reasons));
        Assert.Null(await grain.GetAsync());
        Assert.Empty(ChangesOf(fairId, producerId));
    }

    [Fact]
    public async Task Submit_to_a_fair_not_yet_published_is_refused_as_registration_closed()
    {
        var fairId = TestData.NewId("fair");
        var now = DateTimeOffset.UtcNow;
        await _grains.GetGrain<IFairGrain>(fairId).CreateAsync(TestData.Fair() with
        {
            RegistrationOpensAt = now.AddHours(-1),
            RegistrationClosesAt = now.AddDays(5),
            StartsAt = now.AddDays(10),
            EndsAt = now.AddDays(12),
        }, "organiser-1");
        var producerId = await NewProducerAsync();

        var ex = await Assert.ThrowsAsync<IneligibleException>(() => Exhibitor(fairId, producerId).SubmitAsync(Request()));

        Assert.Equal(["registrationClosed:"], Sorted(ex.Eligibility.Reasons));
    }

    [Fact]
    public async Task Submit_to_a_fair_that_does_not_exist_is_not_found()
    {
        var producerId = await NewProducerAsync();

        var ex = await Assert.ThrowsAsync<DomainException>(() => Exhibitor(TestData.NewId("fair"), producerId).SubmitAsync(Request()));

        Assert.Equal(DomainErrorKind.NotFound, ex.Kind);
        Assert.Equal("fair.notFound", ex.Code);
    }

    [Fact]
    public async Task Submit_by_a_producer_without_a_profile_is_refused_with_profile_and_product_reasons()
    {
        var fairId = await NewOpenFairAsync();
        var grain = Exhibitor(fairId, TestData.NewId("producer"));

        var ex = await Assert.ThrowsAsync<IneligibleException>(() => grain.SubmitAsync(Request("p1")));

        Assert.Equal(["profileIncomplete:", "unknownProduct:p1"], Sorted(ex.Eligibility.Reasons));
        Assert.Null(await grain.GetAsync());
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.Waitlisted)]
    public async Task A_second_submit_while_an_application_is_live_is_a_conflict(ApplicationStatus status)
    {
        var fairId = await NewOpenFairAsync();
        var (grain, producerId) = await ApplicationInAsync(fairId, status);
        var before = (await grain.GetAsync())!;
        var changes = ChangesOf(fairId, producerId).Length;

        await ConflictAsync("application.exists", () => grain.SubmitAsync(Request()));

        var after = (await grain.GetAsync())!;
        Assert.Equal(before.ApplicationId, after.ApplicationId);
        Assert.Equal(status, after.Status);
        Assert.Equal(changes, ChangesOf(fairId, producerId).Length);
    }

    [Theory]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public async Task Reapplying_after_a_rejection_or_withdrawal_starts_a_new_application(ApplicationStatus status)
    {
        var fairId = await NewOpenFairAsync();
        var (grain, producerId) = await ApplicationInAsync(fairId, status);
        var old = (await grain.GetAsync())!;

        var view = await grain.SubmitAsync(Request());

        Assert.NotEqual(old.ApplicationId, view.ApplicationId);
        Assert.Equal(ApplicationStatus.Submitted, view.Status);
        Assert.Null(view.RejectionReason);
        Assert.Null(view.DecidedAt);
        var last = ChangesOf(fairId, producerId)[^1];
        Assert.Equal(view.ApplicationId, last.Application.ApplicationId);
        Assert.Equal(status, last.Previous);
        Assert.Equal(status, ProjectedStatus(old)); // the earlier application stays on record as it ended
    }

    // ---- Review decisions and withdrawal ------------------------------------------------------------------------

    [Theory]
    [InlineData(ApplicationStatus.Submitted, ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.Submitted, ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Submitted, ApplicationStatus.Waitlisted)]
    [InlineData(ApplicationStatus.Submitted, ApplicationStatus.Withdrawn)]
    [InlineData(ApplicationStatus.Waitlisted, ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.Waitlisted, ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Waitlisted, ApplicationStatus.Withdrawn)]
    [InlineData(ApplicationStatus.Approved, ApplicationStatus.Withdrawn)]
    public async Task An_allowed_transition_is_stored_and_reported(ApplicationStatus from, ApplicationStatus to)
    {
        var fairId = await NewOpenFairAsync();
        var (grain, producerId) = await ApplicationInAsync(fairId, from);

        var view = await MoveAsync(grain, to);

        Assert.Equal(to, view.Status);
        Assert.Equal(to, (await grain.GetAsync())!.Status);
        Assert.Equal(to, ProjectedStatus(view));
        var last = ChangesOf(fairId, producerId)[^1];
        Assert.Equal(to, last.Application.Status);
        Assert.Equal(from, last.Previous);
        Assert.Equal(to == ApplicationStatus.Rejected ? "Không đủ gian hàng" : null, view.RejectionReason);
        if (to is ApplicationStatus.Approved or ApplicationStatus.Rejected or ApplicationStatus.Waitlisted)
        {
            Assert.NotNull(view.DecidedAt);
        }

        if (to == ApplicationStatus.Waitlisted || from == ApplicationStatus.Waitlisted)
        {
            Assert.NotNull(view.WaitlistedAt);
        }
    }

    [Theory]
    [InlineData(ApplicationStatus.Rejected, ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.Rejected, ApplicationStatus.Waitlisted)]
    [InlineData(ApplicationStatus.Rejected, ApplicationStatus.Withdrawn)]
    [InlineData(ApplicationStatus.Approved, ApplicationStatus.Waitlisted)]
    [InlineData(ApplicationStatus.Approved, ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Withdrawn, ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.Withdrawn, ApplicationStatus.Waitlisted)]
    [InlineData(ApplicationStatus.Withdrawn, ApplicationStatus.Rejected)]
    public async Task A_refused_transition_is_a_conflict_and_changes_nothing(ApplicationStatus from, ApplicationStatus to)
    {
        var fairId = await NewOpenFairAsync();
        var (grain, producerId) = await ApplicationInAsync(fairId, from);
        var before = (await grain.GetAsync())!;
        var changes = ChangesOf(fairId, producerId).Length;

        await ConflictAsync("application.transition", () => MoveAsync(grain, to));

        var after = (await grain.GetAsync())!;
        Assert.Equal(from, after.Status);
        Assert.Equal(before.DecidedAt, after.DecidedAt);
        Assert.Equal(before.RejectionReason, after.RejectionReason);
        Assert.Equal(from, ProjectedStatus(after));
        Assert.Equal(changes, ChangesOf(fairId, producerId).Length);
    }

    [Theory]
    [InlineData(ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.Waitlisted)]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public async Task Repeating_the_same_decision_is_idempotent(ApplicationStatus status)
    {
        var fairId = await NewOpenFairAsync();
        var (grain, producerId) = await ApplicationInAsync(fairId, status);
        var first = (await grain.GetAsync())!;
        var changes = ChangesOf(fairId, producerId).Length;

        var again = await MoveAsync(grain, status);

        Assert.Equal(status, again.Status);
        Assert.Equal(first.DecidedAt, again.DecidedAt);
        Assert.Equal(first.WaitlistedAt, again.WaitlistedAt);
        Assert.Equal(first.RejectionReason, again.RejectionReason);
        Assert.Equal(changes, ChangesOf(fairId, producerId).Length);
    }

    [Fact]
    public async Task Rejecting_again_with_another_reason_is_a_conflict_and_keeps_the_first_reason()
    {
        var fairId = await NewOpenFairAsync();
        var (grain, producerId) = await ApplicationInAsync(fairId, ApplicationStatus.Rejected);
        var changes = ChangesOf(fairId, producerId).Length;

        await ConflictAsync("application.transition", () => grain.RejectAsync("Lý do khác"));

        Assert.Equal("Không đủ gian hàng", (await grain.GetAsync())!.RejectionReason);
        Assert.Equal(changes, ChangesOf(fairId, producerId).Length);
    }

    [Fact]
    public async Task A_note_or_a_reason_with_control_characters_is_refused_by_the_grain_itself()
    {
        var fairId = await NewOpenFairAsync();
        var (grain, producerId) = await ApplicationInAsync(fairId, ApplicationStatus.Submitted);
        var changes = ChangesOf(fairId, producerId).Length;
        var other = Exhibitor(fairId, await NewProducerAsync());

        var note = await Assert.ThrowsAsync<DomainException>(() => other.SubmitAsync(Request() with { Note = "Cần điện\0" }));
        var reason = await Assert.ThrowsAsync<DomainException>(() => grain.RejectAsync("Thiếu\u0000giấy tờ"));

        Assert.Equal(("application.invalid", DomainErrorKind.Invalid), (note.Code, note.Kind));
        Assert.Equal(["note"], note.Items.ToArray());
        Assert.Equal("application.invalid", reason.Code);
        Assert.Null(await other.GetAsync());
        Assert.Equal(ApplicationStatus.Submitted, (await grain.GetAsync())!.Status);
        Assert.Equal(changes, ChangesOf(fairId, producerId).Length);
    }

    [Fact]
    public async Task Deciding_on_an_application_that_does_not_exist_is_not_found()
    {
        var fairId = await NewOpenFairAsync();

        var ex = await Assert.ThrowsAsync<DomainException>(() => Exhibitor(fairId, TestData.NewId("producer")).ApproveAsync());

        Assert.Equal(DomainErrorKind.NotFound, ex.Kind);
        Assert.Equal("application.notFound", ex.Code);
    }

    [Fact]
    public async Task Withdrawal_after_the_fair_has_started_is_refused()
    {
        // Registration closes half a second before the start, which is two seconds away.
        var fairId = await NewOpenFairAsync(startsIn: TimeSpan.FromSeconds(2));
        var fair = (await _grains.GetGrain<IFairGrain>(fairId).GetAsync())!;
        var (grain, producerId) = await ApplicationInAsync(fairId, ApplicationStatus.Approved);
        var changes = ChangesOf(fairId, producerId).Length;

        var wait = fair.Details.StartsAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(100);
        Assert.InRange(wait, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        await Task.Delay(wait);

        await ConflictAsync("application.fairStarted", grain.WithdrawAsync);

        Assert.Equal(ApplicationStatus.Approved, (await grain.GetAsync())!.Status);
        Assert.Equal(changes, ChangesOf(fairId, producerId).Length);
    }

    // ---- Waitlist -----------------------------------------------------------------------------------------------

    /// <summary>A fair with approved producers and three producers waitlisted in order W1, W2, W3.</summary>
    private async Task<(string FairId, IExhibitorGrain[] Approved, IExhibitorGrain[] Waitlisted)> WaitlistedFairAsync(int approved)
    {
        var fairId = await NewOpenFairAsync();
        var a = new List<IExhibitorGrain>();
        for (var i = 0; i < approved; i++)
        {
            a.Add((await ApplicationInAsync(fairId, ApplicationStatus.Approved)).Grain);
        }

        var w = new List<IExhibitorGrain>();
        for (var i = 0; i < 3; i++)
        {
            w.Add((await ApplicationInAsync(fairId, ApplicationStatus.Waitlisted)).Grain);
        }

        return (fairId, [.. a], [.. w]);
    }

    private static async Task<ApplicationStatus[]> StatusesAsync(IEnumerable<IExhibitorGrain> grains)
    {
        var views = await Task.WhenAll(grains.Select(g => g.GetAsync()));
        return [.. views.Select(v => v!.Status)];
    }

    private static async Task<ApplicationStatus[]> ProjectedAsync(IEnumerable<IExhibitorGrain> grains)
    {
        var views = await Task.WhenAll(grains.Select(g => g.GetAsync()));
        return [.. views.Select(v => ProjectedStatus(v!))];
    }

    [Fact]
    public async Task Withdrawal_of_an_approved_application_promotes_the_first_waitlisted_one()
    {
        var (fairId, approved, w) = await WaitlistedFairAsync(approved: 1);

        await approved[0].WithdrawAsync();

        var expected = new[] { ApplicationStatus.Approved, ApplicationStatus.Waitlisted, ApplicationStatus.Waitlisted };
        Assert.Equal(expected, await StatusesAsync(w));
        Assert.Equal(expected, await ProjectedAsync(w));
        var w1 = (await w[0].GetAsync())!;
        var promotion = ChangesOf(fairId, w1.ProducerId)[^1];
        Assert.Equal(ApplicationStatus.Approved, promotion.Application.Status);
        Assert.Equal(ApplicationStatus.Waitlisted, promotion.Previous);
        Assert.Equal(ApplicationStatus.Withdrawn, (await approved[0].GetAsync())!.Status);
    }

    [Fact]
    public async Task A_waitlisted_producer_who_withdrew_is_passed_over()
    {
        var (_, approved, w) = await WaitlistedFairAsync(approved: 1);
        await w[0].WithdrawAsync();

        await approved[0].WithdrawAsync();

        var expected = new[] { ApplicationStatus.Withdrawn, ApplicationStatus.Approved, ApplicationStatus.Waitlisted };
        Assert.Equal(expected, await StatusesAsync(w));
        Assert.Equal(expected, await ProjectedAsync(w));
    }

    [Fact]
    public async Task Each_withdrawn_place_goes_to_the_next_in_line()
    {
        var (_, approved, w) = await WaitlistedFairAsync(approved: 2);

        await approved[0].WithdrawAsync();
        Assert.Equal([ApplicationStatus.Approved, ApplicationStatus.Waitlisted, ApplicationStatus.Waitlisted], await StatusesAsync(w));

        await approved[1].WithdrawAsync();
        Assert.Equal([ApplicationStatus.Approved, ApplicationStatus.Approved, ApplicationStatus.Waitlisted], await StatusesAsync(w));
        Assert.Equal([ApplicationStatus.Approved, ApplicationStatus.Approved, ApplicationStatus.Waitlisted], await ProjectedAsync(w));
    }

    [Fact]
    public async Task Two_approved_producers_withdrawing_at_once_free_two_places_for_the_first_two_in_line()
    {
        var (_, approved, w) = await WaitlistedFairAsync(approved: 2);

        await Task.WhenAll(approved.Select(a => a.WithdrawAsync()));

        Assert.Equal([ApplicationStatus.Approved, ApplicationStatus.Approved, ApplicationStatus.Waitlisted], await StatusesAsync(w));
    }

    [Fact]
    public async Task Repeating_a_withdrawal_promotes_nobody_else()
    {
        var (_, approved, w) = await WaitlistedFairAsync(approved: 1);
        await approved[0].WithdrawAsync();

        await approved[0].WithdrawAsync();

        Assert.Equal([ApplicationStatus.Approved, ApplicationStatus.Waitlisted, ApplicationStatus.Waitlisted], await StatusesAsync(w));
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Waitlisted)]
    public async Task Withdrawal_of_an_application_that_was_not_approved_promotes_nobody(ApplicationStatus status)
    {
        var (fairId, _, w) = await WaitlistedFairAsync(approved: 1);
        var (other, _) = await ApplicationInAsync(fairId, status);

        await other.WithdrawAsync();

        Assert.Equal([ApplicationStatus.Waitlisted, ApplicationStatus.Waitlisted, ApplicationStatus.Waitlisted], await StatusesAsync(w));
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public async Task Only_a_waitlisted_application_can_be_promoted(ApplicationStatus status)
    {
        var fairId = await NewOpenFairAsync();
        var (grain, producerId) = await ApplicationInAsync(fairId, status);
        var changes = ChangesOf(fairId, producerId).Length;

        Assert.False(await grain.PromoteFromWaitlistAsync());

        Assert.Equal(status, (await grain.GetAsync())!.Status);
        Assert.Equal(changes, ChangesOf(fairId, producerId).Length);
    }

    [Fact]
    public async Task Promote_from_the_waitlist_approves_a_waitlisted_application()
    {
        var fairId = await NewOpenFairAsync();
        var (grain, _) = await ApplicationInAsync(fairId, ApplicationStatus.Waitlisted);

        Assert.True(await grain.PromoteFromWaitlistAsync());

        Assert.Equal(ApplicationStatus.Approved, (await grain.GetAsync())!.Status);
    }

    [Fact]
    public async Task Promote_without_an_application_is_false()
    {
        var fairId = await NewOpenFairAsync();

        Assert.False(await Exhibitor(fairId, TestData.NewId("producer")).PromoteFromWaitlistAsync());
    }

    [Fact]
    public async Task The_submitted_products_are_a_snapshot_unaffected_by_later_catalogue_edits()
    {
        var fairId = await NewOpenFairAsync();
        var producerId = await NewProducerAsync();
        var grain = Exhibitor(fairId, producerId);
        await grain.SubmitAsync(Request());

        await _grains.GetGrain<IProducerGrain>(producerId).SaveProductAsync(Product("p1", stars: 5) with { Name = "Cam đổi tên" });

        var product = Assert.Single((await grain.GetAsync())!.Products);
        Assert.Equal(4, product.Stars);
        Assert.Equal("Cam Cao Phong p1", product.Name);
    }
}
