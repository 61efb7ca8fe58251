using System.Text;
using OcopFairs.Abstractions;

namespace OcopFairs.Grains.Tests;

[Collection(ClusterCollection.Name)]
public class FairGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    /// <summary>The fair's floor, where booths are blocked and assigned.</summary>
    private IFloorGrain Floor(IFairGrain fair) => _grains.GetGrain<IFloorGrain>(fair.GetPrimaryKeyString());

    /// <summary>An approved exhibitor of food (zone A of <see cref="TestData.Plan"/>).</summary>
    private static Holder Approved(string producerId, string name) => new(producerId, name, [ProductGroup.Food], ApplicationStatus.Approved);

    private IFairGrain NewFair() => _grains.GetGrain<IFairGrain>(TestData.NewId("fair"));

    // Records holding ImmutableArray compare arrays by reference, and every grain call hands back fresh arrays, so
    // views are compared through the values they carry.
    private static string Shape(FairView v) => $"{v} [{string.Join(',', v.Details.AcceptedGroups)}]";

    private static string Shape(FloorView f) =>
        $"{f} [{string.Join("; ", f.Zones.Select(z => $"{z} {string.Join(',', z.Groups)}"))}] " +
        $"[{string.Join("; ", f.Booths.Select(b => $"{b} {string.Join(',', b.Amenities)}"))}]";

    private static async Task<DomainException> RefusedAsync(DomainErrorKind kind, string code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<DomainException>(call);
        Assert.Equal(kind, ex.Kind);
        Assert.Equal(code, ex.Code);
        return ex;
    }

    [Fact]
    public async Task Create_returns_a_draft_fair_at_version_zero()
    {
        var fair = NewFair();

        var view = await fair.CreateAsync(TestData.Fair(), "organiser-1");

        Assert.Equal(fair.GetPrimaryKeyString(), view.FairId);
        Assert.Equal(FairStatus.Draft, view.Status);
        Assert.Equal(0, view.Version);
        Assert.Equal(0, view.BoothCount);
        Assert.Equal("organiser-1", view.OrganiserId);
        Assert.Equal(Shape(view), Shape((await fair.GetAsync())!));
    }

    [Fact]
    public async Task Create_again_with_the_same_key_returns_the_existing_fair_unchanged()
    {
        var fair = NewFair();
        var first = await fair.CreateAsync(TestData.Fair("Hội chợ thứ nhất"), "organiser-1");

        var second = await fair.CreateAsync(TestData.Fair("Hội chợ thứ hai"), "organiser-2");

        Assert.Equal(Shape(first), Shape(second));
        Assert.Equal("Hội chợ thứ nhất", second.Details.Name);
        Assert.Equal("organiser-1", second.OrganiserId);
        Assert.Equal(Shape(first), Shape((await fair.GetAsync())!));
    }

    [Fact]
    public async Task Create_stores_names_in_NFC()
    {
        var decomposed = "  Hội chợ Bưởi Diễn ".Normalize(NormalizationForm.FormD);

        var view = await NewFair().CreateAsync(TestData.Fair(decomposed), "organiser-1");

        Assert.Equal("Hội chợ Bưởi Diễn".Normalize(NormalizationForm.FormC), view.Details.Name);
    }

    [Fact]
    public async Task Create_with_invalid_details_is_refused_and_creates_nothing()
    {
        var fair = NewFair();
        var details = TestData.Fair() with { Name = " ", MinStars = 7 };

        var ex = await RefusedAsync(DomainErrorKind.Invalid, "fair.invalid", () => fair.CreateAsync(details, "organiser-1"));

        Assert.Contains("name", ex.Message);
        Assert.Contains("minStars", ex.Message);
        Assert.Null(await fair.GetAsync());
    }

    [Fact]
    public async Task Get_on_a_never_created_fair_returns_null() => Assert.Null(await NewFair().GetAsync());

    [Theory]
    [InlineData("floor")]
    [InlineData("plan")]
    [InlineData("changes")]
    public async Task Operations_on_a_never_created_fair_are_not_found(string operation)
    {
        var fair = NewFair();
        Func<Task> call = operation switch
        {
            "floor" => () => fair.GetFloorAsync(),
            "plan" => () => fair.SetFloorPlanAsync(TestData.Plan()),
            "changes" => () => fair.GetChangesSinceAsync(0),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        await RefusedAsync(DomainErrorKind.NotFound, "fair.notFound", call);
        Assert.Null(await fair.GetAsync());
    }

    [Fact]
    public async Task SetFloorPlan_shows_every_booth_free_at_version_one()
    {
        var fair = NewFair();
        await fair.CreateAsync(TestData.Fair(), "organiser-1");

        var set = await fair.SetFloorPlanAsync(TestData.Plan(booths: 6));
        var floor = await fair.GetFloorAsync();

        Assert.Equal(Shape(set), Shape(floor));
        Assert.Equal(1, floor.Version);
        Assert.Equal(["A01", "A02", "A03", "A04", "A05", "A06"], floor.Booths.Select(b => b.Code));
        Assert.All(floor.Booths, b => Assert.Equal(BoothStatus.Free, b.Status));
        Assert.Equal(6, (await fair.GetAsync())!.BoothCount);
    }

    [Fact]
    public async Task SetFloorPlan_with_an_invalid_plan_is_refused()
    {
        var fair = NewFair();
        await fair.CreateAsync(TestData.Fair(), "organiser-1");
        var plan = TestData.Plan() with { Booths = [.. TestData.Plan().Booths, TestData.Plan().Booths[0]] };

        await RefusedAsync(DomainErrorKind.Invalid, "floorPlan.invalid", () => fair.SetFloorPlanAsync(plan));

        Assert.Equal(0, (await fair.GetFloorAsync()).Version);
    }

    [Fact]
    public async Task Block_marks_a_free_booth_blocked_and_raises_the_version()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains);

        var booth = await Floor(fair).BlockAsync("A02");

        Assert.Equal(BoothStatus.Blocked, booth.Status);
        var floor = await fair.GetFloorAsync();
        Assert.Equal(2, floor.Version);
        Assert.Equal(BoothStatus.Blocked, floor.Booths.Single(b => b.Code == "A02").Status);
        Assert.All(floor.Booths.Where(b => b.Code != "A02"), b => Assert.Equal(BoothStatus.Free, b.Status));
    }

    [Fact]
    public async Task Block_on_a_blocked_booth_is_idempotent_and_keeps_the_version()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains);
        await Floor(fair).BlockAsync("A02");

        var again = await Floor(fair).BlockAsync("A02");

        Assert.Equal(BoothStatus.Blocked, again.Status);
        Assert.Equal(2, (await fair.GetFloorAsync()).Version);
        Assert.Empty((await fair.GetChangesSinceAsync(2)).Events!.Value);
    }

    [Fact]
    public async Task Unblock_frees_a_blocked_booth_and_is_idempotent_on_a_free_one()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains);
        await Floor(fair).BlockAsync("A02");

        var freed = await Floor(fair).UnblockAsync("A02");
        var again = await Floor(fair).UnblockAsync("A02");

        Assert.Equal(BoothStatus.Free, freed.Status);
        Assert.Equal(BoothStatus.Free, again.Status);
        Assert.Equal(3, (await fair.GetFloorAsync()).Version);
    }

    [Fact]
    public async Task Block_on_a_confirmed_booth_is_refused()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains);
        var assigned = await Floor(fair).AssignAsync("A01", Approved("producer-1", "HTX Bưởi Diễn"), null, null);
        Assert.Equal(BoothStatus.Confirmed, assigned.Status);

        await RefusedAsync(DomainErrorKind.Conflict, "booth.taken", () => Floor(fair).BlockAsync("A01"));

        var floor = await fair.GetFloorAsync();
        Assert.Equal(2, floor.Version);
        var booth = floor.Booths.Single(b => b.Code == "A01");
        Assert.Equal(BoothStatus.Confirmed, booth.Status);
        Assert.Equal("producer-1", booth.ProducerId);
    }

    [Fact]
    public async Task Unblock_on_a_confirmed_booth_is_refused()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains);
        await Floor(fair).AssignAsync("A01", Approved("producer-1", "HTX Bưởi Diễn"), null, null);

        await RefusedAsync(DomainErrorKind.Conflict, "booth.notBlocked", () => Floor(fair).UnblockAsync("A01"));
    }

    [Fact]
    public async Task Assign_is_idempotent_for_the_same_producer_and_refused_for_another()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains);
        await Floor(fair).AssignAsync("A01", Approved("producer-1", "HTX Bưởi Diễn"), null, null);

        var again = await Floor(fair).AssignAsync("A01", Approved("producer-1", "HTX Bưởi Diễn"), null, null);
        await RefusedAsync(DomainErrorKind.Conflict, "booth.taken", () => Floor(fair).AssignAsync("A01", Approved("producer-2", "HTX Chè"), null, null));

        Assert.Equal("producer-1", again.ProducerId);
        Assert.Equal(2, (await fair.GetFloorAsync()).Version);
    }

    [Fact]
    public async Task Block_on_an_unknown_booth_is_not_found()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains);

        await RefusedAsync(DomainErrorKind.NotFound, "booth.notFound", () => Floor(fair).BlockAsync("Z99"));

        Assert.Equal(1, (await fair.GetFloorAsync()).Version);
    }

    [Fact]
    public async Task Changes_since_a_version_in_the_backlog_are_exactly_the_missed_events_in_order()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains);
        await Floor(fair).BlockAsync("A01");
        await Floor(fair).BlockAsync("A02");
        await Floor(fair).UnblockAsync("A01");
        await Floor(fair).AssignAsync("A03", Approved("producer-1", "HTX Bưởi Diễn"), null, null);

        var changes = await fair.GetChangesSinceAsync(2);

        Assert.Null(changes.Snapshot);
        Assert.Equal(2, changes.FromVersion);
        Assert.Equal(5, changes.ToVersion);
        var events = changes.Events!.Value;
        Assert.Equal([3L, 4L, 5L], events.Select(e => e.Version));
        Assert.All(events, e => Assert.Equal(EventTypes.BoothChanged, e.Type));
        Assert.Equal(
            [("A02", BoothStatus.Blocked), ("A01", BoothStatus.Free), ("A03", BoothStatus.Confirmed)],
            events.Select(e => (e.Booth!.Code, e.Booth.Status)));
    }

    [Fact]
    public async Task Changes_since_the_current_version_are_empty()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains);
        await Floor(fair).BlockAsync("A01");

        var changes = await fair.GetChangesSinceAsync(2);

        Assert.Null(changes.Snapshot);
        Assert.Equal(2, changes.ToVersion);
        Assert.Empty(changes.Events!.Value);
    }

    [Fact]
    public async Task Changes_since_before_the_backlog_come_as_a_snapshot()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains);
        for (var i = 0; i < FloorGrain.BacklogSize + 10; i++)
        {
            await (i % 2 == 0 ? Floor(fair).BlockAsync("A01") : Floor(fair).UnblockAsync("A01"));
        }

        var floor = await fair.GetFloorAsync();
        var current = floor.Version;
        Assert.Equal(FloorGrain.BacklogSize + 11, current);

        // The backlog keeps the last BacklogSize events, so it reaches back exactly to current - BacklogSize.
        var reachable = await fair.GetChangesSinceAsync(current - FloorGrain.BacklogSize);
        var tooOld = await fair.GetChangesSinceAsync(current - FloorGrain.BacklogSize - 1);

        Assert.Null(reachable.Snapshot);
        Assert.Equal(FloorGrain.BacklogSize, reachable.Events!.Value.Length);
        Assert.Null(tooOld.Events);
        Assert.NotNull(tooOld.Snapshot);
        Assert.Equal(current, tooOld.ToVersion);
        Assert.Equal(current, tooOld.Snapshot.Version);
        Assert.Equal(Shape(floor), Shape(tooOld.Snapshot));
    }

    [Fact]
    public async Task Changes_since_a_negative_version_come_as_a_snapshot()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains);

        var changes = await fair.GetChangesSinceAsync(-1);

        Assert.Null(changes.Events);
        Assert.NotNull(changes.Snapshot);
        Assert.Equal(1, changes.Snapshot.Version);
        Assert.Equal(4, changes.Snapshot.Booths.Length);
    }

    [Fact]
    public async Task Versions_have_no_gaps_across_mixed_changes()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains, booths: 5);
        await Floor(fair).BlockAsync("A01");
        await Floor(fair).BlockAsync("A01");
        await Floor(fair).AssignAsync("A02", Approved("producer-1", "HTX Bưởi Diễn"), null, null);
        await Floor(fair).AssignAsync("A02", Approved("producer-1", "HTX Bưởi Diễn"), null, null);
        await Assert.ThrowsAsync<DomainException>(() => Floor(fair).BlockAsync("A02"));
        await fair.SetFloorPlanAsync(TestData.Plan(booths: 3));
        await Floor(fair).UnblockAsync("A01");
        await Assert.ThrowsAsync<DomainException>(() => Floor(fair).UnblockAsync("A05"));
        await Floor(fair).BlockAsync("A03");

        var changes = await fair.GetChangesSinceAsync(0);

        var events = changes.Events!.Value;
        Assert.Equal(Enumerable.Range(1, events.Length).Select(v => (long)v), events.Select(e => e.Version));
        Assert.Equal(
            [EventTypes.FairChanged, EventTypes.BoothChanged, EventTypes.BoothChanged, EventTypes.FairChanged, EventTypes.BoothChanged, EventTypes.BoothChanged],
            events.Select(e => e.Type));
        Assert.Equal(events[^1].Version, (await fair.GetFloorAsync()).Version);
        Assert.All(events, e => Assert.Equal(fair.GetPrimaryKeyString(), e.FairId));
    }

    [Fact]
    public async Task Replacing_the_plan_without_a_confirmed_booth_is_refused_and_changes_nothing()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains, booths: 4);
        await Floor(fair).AssignAsync("A04", Approved("producer-1", "HTX Bưởi Diễn"), null, null);
        var before = await fair.GetFloorAsync();

        var ex = await RefusedAsync(DomainErrorKind.Conflict, "floorPlan.boothInUse", () => fair.SetFloorPlanAsync(TestData.Plan(booths: 3)));

        Assert.Contains("A04", ex.Message);
        Assert.Equal(["A04"], ex.Items.ToArray());
        Assert.Equal(Shape(before), Shape(await fair.GetFloorAsync()));
        Assert.Equal(4, (await fair.GetAsync())!.BoothCount);
    }

    [Fact]
    public async Task Replacing_the_plan_keeps_occupation_of_kept_booths_and_drops_removed_blocks()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains, booths: 4);
        await Floor(fair).AssignAsync("A01", Approved("producer-1", "HTX Bưởi Diễn"), null, null);
        await Floor(fair).BlockAsync("A04");

        var floor = await fair.SetFloorPlanAsync(TestData.Plan(booths: 3));
        var grown = await fair.SetFloorPlanAsync(TestData.Plan(booths: 4));

        Assert.Equal(4, floor.Version);
        Assert.Equal(BoothStatus.Confirmed, floor.Booths.Single(b => b.Code == "A01").Status);
        Assert.Equal(BoothStatus.Free, grown.Booths.Single(b => b.Code == "A04").Status);
    }
}
