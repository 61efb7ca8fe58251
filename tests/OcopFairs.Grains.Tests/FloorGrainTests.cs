using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using OcopFairs.Abstractions;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace OcopFairs.Grains.Tests;

/// <summary>A fair arranged through <see cref="IFairGrain"/>, and its floor at the version the arrangement left.</summary>
internal sealed record OpenFloor(string FairId, IFairGrain Fair, IFloorGrain Floor, long Version);

internal static class Floors
{
    /// <summary>A fair with zones A (food) and B (beverages), moved to <paramref name="status"/>.</summary>
    public static async Task<OpenFloor> NewAsync(
        IGrainFactory grains, FairDetails? details = null, FloorPlan? plan = null, FairStatus status = FairStatus.Published)
    {
        var fairId = TestData.NewId("fair");
        var fair = grains.GetGrain<IFairGrain>(fairId);
        await fair.CreateAsync(details ?? TestData.OpenFair(), "organiser-1");
        await fair.SetFloorPlanAsync(plan ?? TestData.FoodAndBeveragePlan());
        FairStatus[] path = status switch
        {
            FairStatus.Draft => [],
            FairStatus.Published => [FairStatus.Published],
            FairStatus.RegistrationClosed => [FairStatus.Published, FairStatus.RegistrationClosed],
            FairStatus.Live => [FairStatus.Published, FairStatus.Live],
            FairStatus.Closed => [FairStatus.Published, FairStatus.Live, FairStatus.Closed],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var next in path)
        {
            await fair.MoveToAsync(next);
        }

        var floor = grains.GetGrain<IFloorGrain>(fairId);
        return new OpenFloor(fairId, fair, floor, (await floor.GetFloorAsync()).Version);
    }

    /// <summary>A new approved exhibitor of <paramref name="groups"/> (food when none are given).</summary>
    public static Holder Producer(params ProductGroup[] groups) =>
        new(TestData.NewId("producer"), "HTX Chè Tân Cương", groups.Length == 0 ? [ProductGroup.Food] : [.. groups], ApplicationStatus.Approved);

    public static BoothView Booth(this FloorView floor, string code) => floor.Booths.Single(b => b.Code == code);

    /// <summary>The producer's booths as an array (an ImmutableArray would be compared by reference).</summary>
    public static async Task<string[]> MineAsync(this IFloorGrain floor, string producerId) => [.. await floor.BoothsOfAsync(producerId)];

    public static async Task<ImmutableArray<FairEvent>> EventsSinceAsync(this IFloorGrain floor, long version)
    {
        var changes = await floor.GetChangesSinceAsync(version);
        Assert.Null(changes.Snapshot);
        return changes.Events!.Value;
    }

    /// <summary>The hold id the floor handed to the expiry scheduler for the booth's latest hold.</summary>
    public static string HoldIdOf(string fairId, string boothCode) =>
        InMemoryProjections.Instance.ScheduledExpiries.Last(e => e.FairId == fairId && e.BoothCode == boothCode).HoldId;

    public static async Task<DomainException> RefusedAsync(DomainErrorKind kind, string code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<DomainException>(call);
        Assert.Equal((kind, code), (ex.Kind, ex.Code));
        return ex;
    }

    /// <summary>Versions after <paramref name="since"/> follow each other with no gap and end at <paramref name="to"/>.</summary>
    public static void AssertContiguous(IEnumerable<FairEvent> events, long since, long to) =>
        Assert.Equal(Enumerable.Range(1, (int)(to - since)).Select(i => since + i), events.Select(e => e.Version));
}

[Collection(ClusterCollection.Name)]
public class FloorGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private static InMemoryProjections Projections => InMemoryProjections.Instance;

    private Task<OpenFloor> NewFloorAsync(FairDetails? details = null, FloorPlan? plan = null, FairStatus status = FairStatus.Published) =>
        Floors.NewAsync(_grains, details, plan, status);

    // ---- hold ----

    [Fact]
    public async Task Hold_on_a_free_booth_holds_it_for_the_fairs_hold_minutes_and_schedules_its_expiry()
    {
        var f = await NewFloorAsync(TestData.OpenFair(holdMinutes: 45));
        var producer = Floors.Producer();

        var before = DateTimeOffset.UtcNow;
        var view = await f.Floor.HoldAsync("A03", producer, null);
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(("A03", "A", BoothStatus.Held, producer.ProducerId, producer.ProducerName),
            (view.Code, view.Zone, view.Status, view.ProducerId, view.ProducerName));
        Assert.NotNull(view.HoldExpiresAt);
        Assert.InRange(view.HoldExpiresAt.Value, before.AddMinutes(45), after.AddMinutes(45));

        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(f.Version + 1, floor.Version);
        Assert.Equal(view, floor.Booth("A03") with { Amenities = view.Amenities });

        var evt = Assert.Single(await f.Floor.EventsSinceAsync(f.Version));
        Assert.Equal((f.FairId, f.Version + 1, EventTypes.BoothChanged), (evt.FairId, evt.Version, evt.Type));
        Assert.Equal(("A03", BoothStatus.Held, producer.ProducerId, view.HoldExpiresAt),
            (evt.Booth!.Code, evt.Booth.Status, evt.Booth.ProducerId, evt.Booth.HoldExpiresAt));

        var scheduled = Assert.Single(Projections.ScheduledExpiries, e => e.FairId == f.FairId);
        Assert.Equal(("A03", view.HoldExpiresAt.Value), (scheduled.BoothCode, scheduled.ExpiresAt));
        Assert.False(string.IsNullOrEmpty(scheduled.HoldId));
        Assert.Equal(["A03"], await f.Floor.MineAsync(producer.ProducerId));
    }

    [Fact]
    public async Task Holding_the_same_booth_again_answers_the_same_hold_without_a_new_version()
    {
        var f = await NewFloorAsync();
        var producer = Floors.Producer();
        var first = await f.Floor.HoldAsync("A01", producer, null);

        var again = await f.Floor.HoldAsync("A01", producer, null);
        var keyed = await f.Floor.HoldAsync("A01", producer, "retry-key-1");

        Assert.Equal((first.Status, first.ProducerId, first.HoldExpiresAt), (again.Status, again.ProducerId, again.HoldExpiresAt));
        Assert.Equal((first.Status, first.ProducerId, first.HoldExpiresAt), (keyed.Status, keyed.ProducerId, keyed.HoldExpiresAt));
        Assert.Equal(f.Version + 1, (await f.Floor.GetFloorAsync()).Version);
        Assert.Single(await f.Floor.EventsSinceAsync(f.Version));
        Assert.Single(Projections.ScheduledExpiries, e => e.FairId == f.FairId);
    }

    [Fact]
    public async Task A_hold_retried_with_its_idempotency_key_after_the_booth_changed_answers_the_first_result()
    {
        var f = await NewFloorAsync();
        var producer = Floors.Producer();
        var first = await f.Floor.HoldAsync("A02", producer, "hold-key");
        await f.Floor.ConfirmAsync("A02", producer.ProducerId, null);
        var version = (await f.Floor.GetFloorAsync()).Version;

        var retry = await f.Floor.HoldAsync("A02", producer, "hold-key");

        Assert.Equal(first, retry with { Amenities = first.Amenities });
        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(version, floor.Version);
        Assert.Equal(BoothStatus.Confirmed, floor.Booth("A02").Status);
    }

    [Fact]
    public async Task A_hold_retried_with_its_key_after_the_booth_was_released_answers_the_first_result_and_holds_nothing()
    {
        var f = await NewFloorAsync();
        var producer = Floors.Producer();
        var first = await f.Floor.HoldAsync("A02", producer, "hold-key");
        await f.Floor.ReleaseAsync("A02", producer.ProducerId);
        var version = (await f.Floor.GetFloorAsync()).Version;

        var retry = await f.Floor.HoldAsync("A02", producer, "hold-key");

        Assert.Equal((BoothStatus.Held, first.HoldExpiresAt), (retry.Status, retry.HoldExpiresAt));
        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(version, floor.Version);
        Assert.Equal(BoothStatus.Free, floor.Booth("A02").Status);
        Assert.Empty(await f.Floor.BoothsOfAsync(producer.ProducerId));
    }

    [Fact]
    public async Task Hold_on_a_booth_held_by_another_producer_is_refused_as_taken()
    {
        var f = await NewFloorAsync();
        var winner = Floors.Producer();
        await f.Floor.HoldAsync("A01", winner, null);

        await Floors.RefusedAsync(DomainErrorKind.Conflict, "booth.taken", () => f.Floor.HoldAsync("A01", Floors.Producer(), null));

        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(f.Version + 1, floor.Version);
        Assert.Equal(winner.ProducerId, floor.Booth("A01").ProducerId);
    }

    [Theory]
    [InlineData(BoothStatus.Confirmed)]
    [InlineData(BoothStatus.Blocked)]
    public async Task Hold_on_a_confirmed_or_blocked_booth_is_refused_as_taken(BoothStatus status)
    {
        var f = await NewFloorAsync();
        if (status == BoothStatus.Blocked)
        {
            await f.Floor.BlockAsync("A01");
        }
        else
        {
            await f.Floor.AssignAsync("A01", Floors.Producer(), null, null);
        }

        await Floors.RefusedAsync(DomainErrorKind.Conflict, "booth.taken", () => f.Floor.HoldAsync("A01", Floors.Producer(), null));
        Assert.Equal(status, (await f.Floor.GetFloorAsync()).Booth("A01").Status);
    }

    [Fact]
    public async Task Hold_beyond_the_fairs_booths_per_producer_is_refused_and_changes_nothing()
    {
        var f = await NewFloorAsync(TestData.OpenFair(boothsPerProducer: 2));
        var producer = Floors.Producer();
        await f.Floor.HoldAsync("A01", producer, null);
        await f.Floor.HoldAsync("A02", producer, null);
        await f.Floor.ConfirmAsync("A02", producer.ProducerId, null);

        await Floors.RefusedAsync(DomainErrorKind.Conflict, "booth.limit", () => f.Floor.HoldAsync("A03", producer, null));

        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(f.Version + 3, floor.Version);
        Assert.Equal(BoothStatus.Free, floor.Booth("A03").Status);
        Assert.Equal(["A01", "A02"], await f.Floor.MineAsync(producer.ProducerId));
    }

    [Fact]
    public async Task Hold_after_releasing_a_booth_is_within_the_limit_again()
    {
        var f = await NewFloorAsync(TestData.OpenFair(boothsPerProducer: 1));
        var producer = Floors.Producer();
        await f.Floor.HoldAsync("A01", producer, null);
        await f.Floor.ReleaseAsync("A01", producer.ProducerId);

        var view = await f.Floor.HoldAsync("A02", producer, null);

        Assert.Equal(BoothStatus.Held, view.Status);
        Assert.Equal(["A02"], await f.Floor.MineAsync(producer.ProducerId));
    }

    [Fact]
    public async Task Hold_in_a_zone_that_does_not_take_the_producers_groups_is_refused()
    {
        var f = await NewFloorAsync();
        var food = Floors.Producer(ProductGroup.Food);

        await Floors.RefusedAsync(DomainErrorKind.Refused, "booth.zoneMismatch", () => f.Floor.HoldAsync("B01", food, null));
        await Floors.RefusedAsync(DomainErrorKind.Refused, "booth.zoneMismatch",
            () => f.Floor.HoldAsync("B01", food with { Groups = [] }, null));

        Assert.Equal(f.Version, (await f.Floor.GetFloorAsync()).Version);
        var both = Floors.Producer(ProductGroup.Food, ProductGroup.Beverages);
        Assert.Equal(BoothStatus.Held, (await f.Floor.HoldAsync("B01", both, null)).Status);
    }

    [Fact]
    public async Task Hold_on_a_booth_not_on_the_plan_is_not_found()
    {
        var f = await NewFloorAsync();

        await Floors.RefusedAsync(DomainErrorKind.NotFound, "booth.notFound", () => f.Floor.HoldAsync("Z99", Floors.Producer(), null));
        await Floors.RefusedAsync(DomainErrorKind.NotFound, "booth.notFound", () => f.Floor.HoldAsync("a01", Floors.Producer(), null));
        Assert.Equal(f.Version, (await f.Floor.GetFloorAsync()).Version);
    }

    [Theory]
    [InlineData(FairStatus.Draft)]
    [InlineData(FairStatus.Closed)]
    public async Task Hold_while_the_fair_is_not_open_is_refused(FairStatus status)
    {
        var f = await NewFloorAsync(status: status);

        await Floors.RefusedAsync(DomainErrorKind.Conflict, "booth.holdsClosed", () => f.Floor.HoldAsync("A01", Floors.Producer(), null));
        Assert.Equal(BoothStatus.Free, (await f.Floor.GetFloorAsync()).Booth("A01").Status);
    }

    [Theory]
    [InlineData(FairStatus.RegistrationClosed)]
    [InlineData(FairStatus.Live)]
    public async Task Hold_is_accepted_while_the_fair_is_past_publication_but_not_closed(FairStatus status)
    {
        var f = await NewFloorAsync(status: status);

        Assert.Equal(BoothStatus.Held, (await f.Floor.HoldAsync("A01", Floors.Producer(), null)).Status);
    }

    [Fact]
    public async Task Hold_on_a_floor_that_was_never_planned_is_not_found()
    {
        var floor = _grains.GetGrain<IFloorGrain>(TestData.NewId("fair"));

        await Floors.RefusedAsync(DomainErrorKind.NotFound, "booth.notFound", () => floor.HoldAsync("A01", Floors.Producer(), null));
    }

    [Fact]
    public async Task Hold_in_a_fair_where_the_organiser_allocates_is_refused_but_assign_works()
    {
        var f = await NewFloorAsync(TestData.OpenFair(mode: AllocationMode.Organiser));
        var producer = Floors.Producer();

        await Floors.RefusedAsync(DomainErrorKind.Conflict, "booth.organiserAllocates", () => f.Floor.HoldAsync("A01", producer, null));

        Assert.Equal(BoothStatus.Confirmed, (await f.Floor.AssignAsync("A01", producer, null, null)).Status);
    }

    [Fact]
    public async Task Assign_of_a_producer_who_is_not_approved_is_refused_unless_overridden_with_a_reason_which_the_booth_shows()
    {
        var f = await NewFloorAsync();
        var rejected = Floors.Producer() with { Application = ApplicationStatus.Rejected };

        await Floors.RefusedAsync(DomainErrorKind.Refused, "booth.notApproved", () => f.Floor.AssignAsync("A01", rejected, null, null));
        Assert.Equal(f.Version, (await f.Floor.GetFloorAsync()).Version);

        var view = await f.Floor.AssignAsync("A01", rejected, "Đơn vị khách mời của tỉnh", null);
        Assert.Equal((BoothStatus.Confirmed, "Đơn vị khách mời của tỉnh"), (view.Status, view.OverrideReason));
        var booth = (await f.Floor.GetFloorAsync()).Booth("A01");
        Assert.Equal((rejected.ProducerId, "Đơn vị khách mời của tỉnh"), (booth.ProducerId, booth.OverrideReason));
        Assert.Equal("Đơn vị khách mời của tỉnh", (await f.Floor.EventsSinceAsync(f.Version)).Single().Booth!.OverrideReason);
    }

    [Fact]
    public async Task Concurrent_allocations_under_one_key_place_each_exhibitor_once_and_all_answer_the_first_outcome()
    {
        var f = await NewFloorAsync(TestData.OpenFair(mode: AllocationMode.Organiser));
        var candidates = Enumerable.Range(0, 6).Select(i => new AllocationCandidate(
            Floors.Producer(i % 2 == 0 ? ProductGroup.Food : ProductGroup.Beverages), "Cao Phong", 3 + (i % 3), [], [], DateTimeOffset.UnixEpoch.AddDays(i)))
            .ToImmutableArray();

        var dry = await f.Floor.AllocateAsync(candidates, dryRun: true, "alloc-1");
        Assert.Equal(f.Version, (await f.Floor.GetFloorAsync()).Version);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => f.Floor.AllocateAsync(candidates, dryRun: false, "alloc-1")));

        Assert.Equal(6, outcomes[0].Assignments.Length);
        Assert.Equal(dry.Assignments.Select(a => (a.BoothCode, a.ProducerId)), outcomes[0].Assignments.Select(a => (a.BoothCode, a.ProducerId)));
        Assert.All(outcomes, o => Assert.Equal(outcomes[0].Assignments.Select(a => a.BoothCode), o.Assignments.Select(a => a.BoothCode)));
        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(f.Version + 6, floor.Version);
        Assert.All(candidates, c => Assert.Single(floor.Booths, b => b.ProducerId == c.Holder.ProducerId));

        // A new run places nobody twice: everyone already has a booth.
        Assert.Empty((await f.Floor.AllocateAsync(candidates, dryRun: false, "alloc-2")).Assignments);
    }

    [Fact]
    public async Task Allocation_in_a_first_come_fair_is_refused_and_changes_nothing()
    {
        var f = await NewFloorAsync();
        await Floors.RefusedAsync(DomainErrorKind.Conflict, "allocation.firstCome",
            () => f.Floor.AllocateAsync([new AllocationCandidate(Floors.Producer(), "Kim Bôi", 3, [], [], DateTimeOffset.UnixEpoch)], false, "k"));
        Assert.Equal(f.Version, (await f.Floor.GetFloorAsync()).Version);
    }

    // ---- contention ----

    [Fact]
    public async Task Two_hundred_producers_racing_for_one_booth_leave_exactly_one_holder()
    {
        var f = await NewFloorAsync();
        var producers = Enumerable.Range(0, 200).Select(_ => Floors.Producer()).ToList();

        var outcomes = await Task.WhenAll(producers.Select(async p =>
        {
            try
            {
                return (Producer: p, View: await f.Floor.HoldAsync("A05", p, null), Error: (DomainException?)null);
            }
            catch (DomainException ex)
            {
                return (Producer: p, View: (BoothView?)null, Error: ex);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.View is not null);
        Assert.Equal(winner.Producer.ProducerId, winner.View!.ProducerId);
        var losers = outcomes.Where(o => o.Error is not null).ToList();
        Assert.Equal(199, losers.Count);
        Assert.All(losers, o => Assert.Equal((DomainErrorKind.Conflict, "booth.taken"), (o.Error!.Kind, o.Error.Code)));

        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(f.Version + 1, floor.Version);
        Assert.Equal((BoothStatus.Held, winner.Producer.ProducerId), (floor.Booth("A05").Status, floor.Booth("A05").ProducerId));
        var evt = Assert.Single(await f.Floor.EventsSinceAsync(f.Version));
        Assert.Equal(winner.Producer.ProducerId, evt.Booth!.ProducerId);
        Assert.Single(Projections.ScheduledExpiries, e => e.FairId == f.FairId);
    }

    [Fact]
    public async Task One_producer_holding_twenty_booths_at_once_gets_only_the_fairs_limit()
    {
        var f = await NewFloorAsync(TestData.OpenFair(boothsPerProducer: 2), TestData.FoodAndBeveragePlan(food: 20));
        var producer = Floors.Producer();
        var codes = Enumerable.Range(1, 20).Select(i => $"A{i:00}").ToList();

        var outcomes = await Task.WhenAll(codes.Select(async code =>
        {
            try
            {
                return (Code: code, Held: (await f.Floor.HoldAsync(code, producer, null)).Status == BoothStatus.Held, Error: (string?)null);
            }
            catch (DomainException ex) when (ex.Kind == DomainErrorKind.Conflict)
            {
                return (Code: code, Held: false, Error: ex.Code);
            }
        }));

        var held = outcomes.Where(o => o.Held).Select(o => o.Code).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, held.Count);
        Assert.All(outcomes.Where(o => !o.Held), o => Assert.Equal("booth.limit", o.Error));
        Assert.Equal(held, await f.Floor.MineAsync(producer.ProducerId));
        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(f.Version + 2, floor.Version);
        Assert.Equal(held, floor.Booths.Where(b => b.Status != BoothStatus.Free).Select(b => b.Code));
    }

    [Fact]
    public async Task Sixty_four_producers_racing_for_thirty_booths_hold_each_booth_once_with_gap_free_versions()
    {
        const int limit = 2;
        var f = await NewFloorAsync(TestData.OpenFair(boothsPerProducer: limit), TestData.FoodAndBeveragePlan(food: 20, beverages: 10));
        var codes = (await f.Floor.GetFloorAsync()).Booths.Select(b => b.Code).ToList();
        Assert.Equal(30, codes.Count);
        var producers = Enumerable.Range(0, 64).Select(_ => Floors.Producer(ProductGroup.Food, ProductGroup.Beverages)).ToList();
        var successes = new ConcurrentBag<(string Code, string ProducerId)>();

        await Task.WhenAll(producers.Select((p, i) => Task.Run(async () =>
        {
            var random = new Random(i);
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var mine = 0;
            for (var attempt = 0; mine < limit; attempt++)
            {
                Assert.True(attempt < 500, $"{p.ProducerId} did not settle within 500 attempts");
                var candidates = codes.Where(c => !taken.Contains(c)).ToList();
                if (candidates.Count == 0)
                {
                    // What this producer saw taken may have been released meanwhile: ask the floor what is free.
                    var free = (await f.Floor.GetFloorAsync()).Booths.Where(b => b.Status == BoothStatus.Free).Select(b => b.Code).ToHashSet();
                    if (free.Count == 0)
                    {
                        return;
                    }

                    taken.RemoveWhere(free.Contains);
                    continue;
                }

                var code = candidates[random.Next(candidates.Count)];
                try
                {
                    var view = await f.Floor.HoldAsync(code, p, null);
                    Assert.Equal(p.ProducerId, view.ProducerId);
                    successes.Add((code, p.ProducerId));
                    taken.Add(code);
                    mine++;
                }
                catch (DomainException ex) when (ex.Code == "booth.taken")
                {
                    taken.Add(code);
                }
            }
        })));

        var won = successes.ToList();
        Assert.Equal(30, won.Count);
        Assert.Equal(codes.Order(StringComparer.Ordinal), won.Select(w => w.Code).Order(StringComparer.Ordinal));
        Assert.All(won.GroupBy(w => w.ProducerId), g => Assert.InRange(g.Count(), 1, limit));

        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(f.Version + 30, floor.Version);
        Assert.All(won, w => Assert.Equal((BoothStatus.Held, w.ProducerId), (floor.Booth(w.Code).Status, floor.Booth(w.Code).ProducerId)));
        Assert.All(floor.Booths.GroupBy(b => b.ProducerId), g => Assert.InRange(g.Count(), 1, limit));

        var events = await f.Floor.EventsSinceAsync(f.Version);
        Floors.AssertContiguous(events, f.Version, floor.Version);
        Assert.All(events, e => Assert.Equal((f.FairId, EventTypes.BoothChanged, BoothStatus.Held), (e.FairId, e.Type, e.Booth!.Status)));
        Assert.Equal(won.Select(w => (w.Code, w.ProducerId)).Order(), events.Select(e => (e.Booth!.Code, e.Booth.ProducerId!)).Order());
        foreach (var group in won.GroupBy(w => w.ProducerId))
        {
            Assert.Equal(group.Select(w => w.Code).Order(StringComparer.Ordinal), await f.Floor.MineAsync(group.Key));
        }
    }

    // ---- confirm, release, organiser actions ----

    [Fact]
    public async Task Confirm_by_the_holder_makes_the_booth_confirmed_with_no_expiry()
    {
        var f = await NewFloorAsync();
        var producer = Floors.Producer();
        await f.Floor.HoldAsync("A01", producer, null);

        var view = await f.Floor.ConfirmAsync("A01", producer.ProducerId, null);

        Assert.Equal((BoothStatus.Confirmed, producer.ProducerId, producer.ProducerName, (DateTimeOffset?)null),
            (view.Status, view.ProducerId, view.ProducerName, view.HoldExpiresAt));
        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(f.Version + 2, floor.Version);
        Assert.Equal(BoothStatus.Confirmed, floor.Booth("A01").Status);
        Assert.Null(floor.Booth("A01").HoldExpiresAt);
        var events = await f.Floor.EventsSinceAsync(f.Version);
        Assert.Equal([BoothStatus.Held, BoothStatus.Confirmed], events.Select(e => e.Booth!.Status));
    }

    [Fact]
    public async Task Confirm_again_answers_the_confirmed_booth_without_a_new_version()
    {
        var f = await NewFloorAsync();
        var producer = Floors.Producer();
        await f.Floor.HoldAsync("A01", producer, null);
        await f.Floor.ConfirmAsync("A01", producer.ProducerId, "confirm-key");

        var again = await f.Floor.ConfirmAsync("A01", producer.ProducerId, null);
        var retried = await f.Floor.ConfirmAsync("A01", producer.ProducerId, "confirm-key");

        Assert.Equal(BoothStatus.Confirmed, again.Status);
        Assert.Equal(BoothStatus.Confirmed, retried.Status);
        Assert.Equal(f.Version + 2, (await f.Floor.GetFloorAsync()).Version);
    }

    [Fact]
    public async Task Confirm_retried_with_its_key_after_a_release_answers_the_first_result_and_confirms_nothing()
    {
        var f = await NewFloorAsync();
        var producer = Floors.Producer();
        await f.Floor.HoldAsync("A01", producer, null);
        await f.Floor.ConfirmAsync("A01", producer.ProducerId, "confirm-key");
        await f.Floor.ReleaseAsync("A01", producer.ProducerId);
        var version = (await f.Floor.GetFloorAsync()).Version;

        var retried = await f.Floor.ConfirmAsync("A01", producer.ProducerId, "confirm-key");

        Assert.Equal((BoothStatus.Confirmed, producer.ProducerId), (retried.Status, retried.ProducerId));
        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(version, floor.Version);
        Assert.Equal(BoothStatus.Free, floor.Booth("A01").Status);
    }

    [Fact]
    public async Task Confirm_by_a_producer_who_does_not_hold_the_booth_is_refused()
    {
        var f = await NewFloorAsync();
        var holder = Floors.Producer();
        await f.Floor.HoldAsync("A01", holder, null);
        await f.Floor.BlockAsync("A02");

        await Floors.RefusedAsync(DomainErrorKind.Conflict, "booth.notHeld", () => f.Floor.ConfirmAsync("A01", "producer-other", null));
        await Floors.RefusedAsync(DomainErrorKind.Conflict, "booth.notHeld", () => f.Floor.ConfirmAsync("A02", holder.ProducerId, null));
        await Floors.RefusedAsync(DomainErrorKind.Conflict, "booth.notHeld", () => f.Floor.ConfirmAsync("A03", holder.ProducerId, null));
        await Floors.RefusedAsync(DomainErrorKind.NotFound, "booth.notFound", () => f.Floor.ConfirmAsync("Z01", holder.ProducerId, null));

        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(f.Version + 2, floor.Version);
        Assert.Equal((BoothStatus.Held, holder.ProducerId), (floor.Booth("A01").Status, floor.Booth("A01").ProducerId));
    }

    [Fact]
    public async Task Release_by_the_holder_frees_the_booth_for_another_producer()
    {
        var f = await NewFloorAsync();
        var holder = Floors.Producer();
        await f.Floor.HoldAsync("A01", holder, null);

        var released = await f.Floor.ReleaseAsync("A01", holder.ProducerId);

        Assert.Equal((BoothStatus.Free, (string?)null, (DateTimeOffset?)null), (released.Status, released.ProducerId, released.HoldExpiresAt));
        Assert.Equal(f.Version + 2, (await f.Floor.GetFloorAsync()).Version);
        Assert.Empty(await f.Floor.BoothsOfAsync(holder.ProducerId));
        var next = Floors.Producer();
        Assert.Equal(next.ProducerId, (await f.Floor.HoldAsync("A01", next, null)).ProducerId);
    }

    [Fact]
    public async Task Release_of_a_free_booth_changes_nothing()
    {
        var f = await NewFloorAsync();

        var view = await f.Floor.ReleaseAsync("A01", "producer-any");

        Assert.Equal(BoothStatus.Free, view.Status);
        Assert.Equal(f.Version, (await f.Floor.GetFloorAsync()).Version);
    }

    [Fact]
    public async Task Release_by_another_producer_is_refused_and_the_hold_stays()
    {
        var f = await NewFloorAsync();
        var holder = Floors.Producer();
        await f.Floor.HoldAsync("A01", holder, null);
        await f.Floor.BlockAsync("A02");

        await Floors.RefusedAsync(DomainErrorKind.Conflict, "booth.notHeld", () => f.Floor.ReleaseAsync("A01", "producer-other"));
        await Floors.RefusedAsync(DomainErrorKind.Conflict, "booth.notHeld", () => f.Floor.ReleaseAsync("A02", holder.ProducerId));

        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(f.Version + 2, floor.Version);
        Assert.Equal(holder.ProducerId, floor.Booth("A01").ProducerId);
        Assert.Equal(BoothStatus.Blocked, floor.Booth("A02").Status);
    }

    [Fact]
    public async Task Assign_confirms_a_free_booth_for_the_producer_and_again_changes_nothing()
    {
        var f = await NewFloorAsync();
        var producer = Floors.Producer(ProductGroup.Beverages);

        var view = await f.Floor.AssignAsync("B02", producer, null, null);
        var again = await f.Floor.AssignAsync("B02", producer, null, null);

        Assert.Equal((BoothStatus.Confirmed, producer.ProducerId, (DateTimeOffset?)null), (view.Status, view.ProducerId, view.HoldExpiresAt));
        Assert.Equal(view.Status, again.Status);
        Assert.Equal(f.Version + 1, (await f.Floor.GetFloorAsync()).Version);
        Assert.Equal(["B02"], await f.Floor.MineAsync(producer.ProducerId));
    }

    [Fact]
    public async Task Assign_turns_the_producers_own_hold_into_a_confirmation_but_refuses_anothers_booth()
    {
        var f = await NewFloorAsync();
        var holder = Floors.Producer();
        await f.Floor.HoldAsync("A01", holder, null);

        var view = await f.Floor.AssignAsync("A01", holder, null, null);
        await Floors.RefusedAsync(DomainErrorKind.Conflict, "booth.taken", () => f.Floor.AssignAsync("A01", Floors.Producer(), null, null));
        await f.Floor.BlockAsync("A02");
        await Floors.RefusedAsync(DomainErrorKind.Conflict, "booth.taken", () => f.Floor.AssignAsync("A02", holder, null, null));

        Assert.Equal((BoothStatus.Confirmed, null), (view.Status, view.HoldExpiresAt));
        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal((BoothStatus.Confirmed, holder.ProducerId), (floor.Booth("A01").Status, floor.Booth("A01").ProducerId));
    }

    [Fact]
    public async Task Unassign_frees_a_confirmed_or_held_booth_but_not_a_blocked_one()
    {
        var f = await NewFloorAsync();
        await f.Floor.AssignAsync("A01", Floors.Producer(), null, null);
        await f.Floor.HoldAsync("A02", Floors.Producer(), null);
        await f.Floor.BlockAsync("A03");

        Assert.Equal(BoothStatus.Free, (await f.Floor.UnassignAsync("A01")).Status);
        Assert.Equal(BoothStatus.Free, (await f.Floor.UnassignAsync("A02")).Status);
        Assert.Equal(BoothStatus.Free, (await f.Floor.UnassignAsync("A04")).Status);
        await Floors.RefusedAsync(DomainErrorKind.Conflict, "booth.blocked", () => f.Floor.UnassignAsync("A03"));

        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(f.Version + 5, floor.Version);
        Assert.Equal([BoothStatus.Free, BoothStatus.Free, BoothStatus.Blocked, BoothStatus.Free],
            floor.Booths.Where(b => b.Zone == "A").Take(4).Select(b => b.Status));
    }

    [Fact]
    public async Task Block_and_unblock_toggle_a_free_booth_and_repeat_without_new_versions()
    {
        var f = await NewFloorAsync();

        Assert.Equal(BoothStatus.Blocked, (await f.Floor.BlockAsync("A01")).Status);
        Assert.Equal(BoothStatus.Blocked, (await f.Floor.BlockAsync("A01")).Status);
        Assert.Equal(f.Version + 1, (await f.Floor.GetFloorAsync()).Version);

        Assert.Equal(BoothStatus.Free, (await f.Floor.UnblockAsync("A01")).Status);
        Assert.Equal(BoothStatus.Free, (await f.Floor.UnblockAsync("A01")).Status);
        Assert.Equal(f.Version + 2, (await f.Floor.GetFloorAsync()).Version);
        Assert.Equal([BoothStatus.Blocked, BoothStatus.Free], (await f.Floor.EventsSinceAsync(f.Version)).Select(e => e.Booth!.Status));
    }

    [Fact]
    public async Task Block_of_a_taken_booth_and_unblock_of_one_not_blocked_are_refused()
    {
        var f = await NewFloorAsync();
        await f.Floor.HoldAsync("A01", Floors.Producer(), null);
        await f.Floor.AssignAsync("A02", Floors.Producer(), null, null);

        await Floors.RefusedAsync(DomainErrorKind.Conflict, "booth.taken", () => f.Floor.BlockAsync("A01"));
        await Floors.RefusedAsync(DomainErrorKind.Conflict, "booth.taken", () => f.Floor.BlockAsync("A02"));
        await Floors.RefusedAsync(DomainErrorKind.Conflict, "booth.notBlocked", () => f.Floor.UnblockAsync("A01"));
        await Floors.RefusedAsync(DomainErrorKind.NotFound, "booth.notFound", () => f.Floor.BlockAsync("Z01"));

        Assert.Equal(f.Version + 2, (await f.Floor.GetFloorAsync()).Version);
    }

    // ---- expiry (time is not due here; the due paths run on a shifted clock below) ----

    [Fact]
    public async Task Expire_with_another_hold_id_or_before_the_time_is_up_changes_nothing()
    {
        var f = await NewFloorAsync();
        var producer = Floors.Producer();
        await f.Floor.HoldAsync("A01", producer, null);
        var holdId = Floors.HoldIdOf(f.FairId, "A01");

        Assert.False(await f.Floor.ExpireHoldAsync("A01", "not-this-hold"));
        Assert.False(await f.Floor.ExpireHoldAsync("A01", holdId));
        Assert.False(await f.Floor.ExpireHoldAsync("A02", holdId));
        Assert.False(await f.Floor.ExpireHoldAsync("Z01", holdId));
        Assert.Equal(0, await f.Floor.SweepExpiredHoldsAsync());

        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(f.Version + 1, floor.Version);
        Assert.Equal((BoothStatus.Held, producer.ProducerId), (floor.Booth("A01").Status, floor.Booth("A01").ProducerId));
        Assert.DoesNotContain(Projections.ExpiredHolds, e => e.FairId == f.FairId);
    }

    [Fact]
    public async Task Expire_of_a_hold_that_was_confirmed_changes_nothing()
    {
        var f = await NewFloorAsync();
        var producer = Floors.Producer();
        await f.Floor.HoldAsync("A01", producer, null);
        var holdId = Floors.HoldIdOf(f.FairId, "A01");
        await f.Floor.ConfirmAsync("A01", producer.ProducerId, null);

        Assert.False(await f.Floor.ExpireHoldAsync("A01", holdId));
        Assert.Equal(BoothStatus.Confirmed, (await f.Floor.GetFloorAsync()).Booth("A01").Status);
    }

    // ---- versions ----

    [Fact]
    public async Task Interleaved_changes_across_booths_keep_versions_contiguous_and_the_floor_matches_the_last_event_of_each_booth()
    {
        var f = await NewFloorAsync(TestData.OpenFair(boothsPerProducer: 3), TestData.FoodAndBeveragePlan(food: 12));
        var producers = Enumerable.Range(0, 4).Select(_ => Floors.Producer()).ToList();

        // Each booth gets its own sequence of changes; sequences run concurrently, so their changes interleave.
        async Task<int> Sequence(int i)
        {
            var code = $"A{i + 1:00}";
            var p = producers[i % producers.Count];
            switch (i % 4)
            {
                case 0:
                    await f.Floor.HoldAsync(code, p, null);
                    await f.Floor.ConfirmAsync(code, p.ProducerId, null);
                    return 2;
                case 1:
                    await f.Floor.HoldAsync(code, p, null);
                    await f.Floor.ReleaseAsync(code, p.ProducerId);
                    await f.Floor.BlockAsync(code);
                    return 3;
                case 2:
                    await f.Floor.BlockAsync(code);
                    await f.Floor.UnblockAsync(code);
                    await f.Floor.HoldAsync(code, p, null);
                    return 3;
                default:
                    await f.Floor.AssignAsync(code, p, null, null);
                    await f.Floor.UnassignAsync(code);
                    return 2;
            }
        }

        var changes = (await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => Sequence(i))))).Sum();

        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(f.Version + changes, floor.Version);
        var events = await f.Floor.EventsSinceAsync(f.Version);
        Floors.AssertContiguous(events, f.Version, floor.Version);
        foreach (var last in events.GroupBy(e => e.Booth!.Code).Select(g => g.Last().Booth!))
        {
            var now = floor.Booth(last.Code);
            Assert.Equal((last.Status, last.ProducerId, last.HoldExpiresAt), (now.Status, now.ProducerId, now.HoldExpiresAt));
        }

        Assert.Equal(
            [BoothStatus.Confirmed, BoothStatus.Blocked, BoothStatus.Held, BoothStatus.Free],
            floor.Booths.Take(4).Select(b => b.Status));
    }

    [Fact]
    public async Task Every_floor_read_during_a_rush_is_a_prefix_of_the_event_stream()
    {
        var f = await NewFloorAsync(TestData.OpenFair(boothsPerProducer: 1), TestData.FoodAndBeveragePlan(food: 40));
        var holds = Enumerable.Range(1, 40)
            .Select(i => Task.Run(() => f.Floor.HoldAsync($"A{i:00}", Floors.Producer(), null)))
            .ToList();
        var reads = new List<FloorView>();
        while (!holds.All(h => h.IsCompleted))
        {
            reads.Add(await f.Floor.GetFloorAsync());
        }

        await Task.WhenAll(holds);
        reads.Add(await f.Floor.GetFloorAsync());
        var events = await f.Floor.EventsSinceAsync(f.Version);
        Floors.AssertContiguous(events, f.Version, f.Version + 40);

        // A floor read at version v shows exactly the holds of events up to v: nothing later, nothing missing.
        Assert.All(reads, read =>
        {
            var expected = events.Where(e => e.Version <= read.Version).Select(e => e.Booth!.Code).Order(StringComparer.Ordinal);
            Assert.Equal(expected, read.Booths.Where(b => b.Status == BoothStatus.Held).Select(b => b.Code).Order(StringComparer.Ordinal));
        });
        Assert.Equal(f.Version + 40, reads[^1].Version);
    }

    [Fact]
    public async Task Changes_since_the_current_version_are_empty_and_since_an_older_one_list_only_later_events()
    {
        var f = await NewFloorAsync();
        await f.Floor.HoldAsync("A01", Floors.Producer(), null);
        await f.Floor.BlockAsync("A02");
        await f.Floor.BlockAsync("A03");

        var none = await f.Floor.GetChangesSinceAsync(f.Version + 3);
        var later = await f.Floor.EventsSinceAsync(f.Version + 1);

        Assert.Empty(none.Events!.Value);
        Assert.Equal((f.Version + 3, f.Version + 3), (none.FromVersion, none.ToVersion));
        Assert.Equal([("A02", f.Version + 2), ("A03", f.Version + 3)], later.Select(e => (e.Booth!.Code, e.Version)));
    }
}

/// <summary>
/// A silo of its own whose clock can be moved forward (so holds come due without waiting) and whose floor writes
/// can be held back or failed for one fair (so group commit is observable).
/// </summary>
public sealed class FloorClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 1)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The silo's clock; the silo is in-process, so the test and the grains share this instance.</summary>
    public static ShiftedClock Clock { get; } = new();

    public static FloorWriteGates Gates { get; } = new();

    /// <summary>Group commits under way at once in this cluster (the server's default is 1).</summary>
    public const int WritesInFlight = 2;

    /// <summary>One store for every silo of the test cluster, as PostgreSQL is one for every node.</summary>
    public static InMemoryFloorStore Store { get; } = new(Gates);

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        private const string Inner = "ocop-inner";

        public void Configure(ISiloBuilder silo) => silo
            .AddMemoryGrainStorage(Inner)
            .ConfigureServices(services =>
            {
                // State must survive a reactivation here (after a failed write), which the default JSON.NET storage
                // serializer cannot do for the floor's immutable collections; the server stores it with its own serializer.
                services.AddOptions<MemoryGrainStorageOptions>(Inner)
                    .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
                services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default, (sp, _) => sp.GetRequiredKeyedService<IGrainStorage>(Inner));
                services.AddSingleton<IFloorStore>(Store);
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<ICatalogIndex>(InMemoryProjections.Instance);
                services.AddSingleton<IApplicationEvents>(InMemoryProjections.Instance);
                services.AddSingleton<IBoothEvents>(InMemoryProjections.Instance);

                // Overlapping writes, the harder path, for the storage tests here; the other grain tests use the default.
                services.Configure<FloorOptions>(o => o.WritesInFlight = WritesInFlight);
            });
    }
}

/// <summary>
/// System time moved forward by an offset. Only the wall clock moves; timers and timestamps stay real, so the
/// runtime's own timing is untouched (a frozen fake clock would also stop the silo's timers).
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}

/// <summary>Per fair: what runs before each write of its floor's live state (to hold it back or fail it), and how many writes ran.</summary>
public sealed class FloorWriteGates
{
    private readonly ConcurrentDictionary<string, Func<Task>> _before = new();
    private readonly ConcurrentDictionary<string, int> _writes = new();

    public void Set(string fairId, Func<Task> beforeWrite) => _before[fairId] = beforeWrite;

    public void Clear(string fairId) => _before.TryRemove(fairId, out _);

    public int Writes(string fairId) => _writes.GetValueOrDefault(fairId);

    internal Task BeforeWriteAsync(string fairId)
    {
        _writes.AddOrUpdate(fairId, 1, (_, n) => n + 1);
        return _before.TryGetValue(fairId, out var before) ? before() : Task.CompletedTask;
    }
}

/// <summary>A write the test releases when it chooses, and a signal that the floor has started it.</summary>
internal sealed class HeldWrite
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Func<Task> Gate(Exception? failWith = null) => async () =>
    {
        _started.TrySetResult();
        await _released.Task;
        if (failWith is not null)
        {
            throw failWith;
        }
    };

    public Task Started => _started.Task.WaitAsync(TimeSpan.FromSeconds(10));

    public void Release() => _released.TrySetResult();
}

public class FloorGrainTimeAndStorageTests(FloorClusterFixture fixture) : IClassFixture<FloorClusterFixture>
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private static InMemoryProjections Projections => InMemoryProjections.Instance;

    private static ShiftedClock Clock => FloorClusterFixture.Clock;

    private static FloorWriteGates Gates => FloorClusterFixture.Gates;

    private Task<OpenFloor> NewFloorAsync(int holdMinutes = 30) =>
        Floors.NewAsync(_grains, TestData.OpenFair(boothsPerProducer: 3, holdMinutes: holdMinutes));

    /// <summary>
    /// Holds back the write that carries <paramref name="first"/>, makes the <paramref name="queued"/> changes meanwhile,
    /// waits until the floor has applied those to the <paramref name="heldBooths"/>, then lets the write go and waits for
    /// every change to be answered.
    /// </summary>
    private static async Task ChangesQueuedBehindAWriteAsync(OpenFloor f, Func<Task> first, Func<Task[]> queued, params string[] heldBooths)
    {
        var write = new HeldWrite();
        Gates.Set(f.FairId, write.Gate());
        try
        {
            var firstChange = first();
            await write.Started;
            Gates.Clear(f.FairId);
            var rest = queued();
            foreach (var code in heldBooths)
            {
                await AppliedAsync(f.Floor, code);
            }

            write.Release();
            await firstChange;
            await Task.WhenAll(rest);
        }
        finally
        {
            Gates.Clear(f.FairId);
            write.Release();
        }
    }

    /// <summary>Makes the fair's next write fail, and checks that <paramref name="change"/>, which that write carries, fails with it.</summary>
    private static async Task ChangeWhoseWriteFailsAsync(string fairId, Func<Task> change)
    {
        var write = new HeldWrite();
        Gates.Set(fairId, write.Gate(new InvalidOperationException("The database went away.")));
        try
        {
            var changed = change();
            await write.Started;
            write.Release();
            await Assert.ThrowsAnyAsync<Exception>(() => changed);
        }
        finally
        {
            Gates.Clear(fairId);
            write.Release();
        }
    }

    /// <summary>Waits until the floor has applied (not necessarily written) a change to the booth: a stranger's release is then refused.</summary>
    private static async Task AppliedAsync(IFloorGrain floor, string boothCode)
    {
        for (var i = 0; i < 200; i++)
        {
            try
            {
                await floor.ReleaseAsync(boothCode, "producer-probe");
            }
            catch (DomainException ex) when (ex.Code == "booth.notHeld")
            {
                return;
            }

            await Task.Delay(10);
        }

        Assert.Fail($"Booth {boothCode} was never taken.");
    }

    // ---- due expiry ----

    [Fact]
    public async Task A_due_hold_is_released_exactly_once_and_reported()
    {
        var f = await NewFloorAsync(holdMinutes: 1);
        var producer = Floors.Producer();
        await f.Floor.HoldAsync("A01", producer, null);
        var holdId = Floors.HoldIdOf(f.FairId, "A01");
        Assert.False(await f.Floor.ExpireHoldAsync("A01", holdId));

        Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True(await f.Floor.ExpireHoldAsync("A01", holdId));
        Assert.False(await f.Floor.ExpireHoldAsync("A01", holdId));

        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(f.Version + 2, floor.Version);
        Assert.Equal(BoothStatus.Free, floor.Booth("A01").Status);
        var events = await f.Floor.EventsSinceAsync(f.Version);
        Assert.Equal([BoothStatus.Held, BoothStatus.Free], events.Select(e => e.Booth!.Status));
        var expired = Assert.Single(Projections.ExpiredHolds, e => e.FairId == f.FairId);
        Assert.Equal(("A01", producer.ProducerId), (expired.BoothCode, expired.ProducerId));
        Assert.Empty(await f.Floor.BoothsOfAsync(producer.ProducerId));
    }

    [Fact]
    public async Task Concurrent_expiries_of_one_due_hold_release_it_once()
    {
        var f = await NewFloorAsync(holdMinutes: 1);
        await f.Floor.HoldAsync("A01", Floors.Producer(), null);
        var holdId = Floors.HoldIdOf(f.FairId, "A01");
        Clock.Advance(TimeSpan.FromMinutes(2));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => f.Floor.ExpireHoldAsync("A01", holdId)));

        Assert.Single(results, r => r);
        Assert.Equal(f.Version + 2, (await f.Floor.GetFloorAsync()).Version);
        Assert.Single(Projections.ExpiredHolds, e => e.FairId == f.FairId);
    }

    [Fact]
    public async Task An_old_expiry_does_not_release_a_newer_hold_on_the_same_booth()
    {
        var f = await NewFloorAsync(holdMinutes: 1);
        await f.Floor.HoldAsync("A01", Floors.Producer(), null);
        var oldHold = Floors.HoldIdOf(f.FairId, "A01");
        Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await f.Floor.ExpireHoldAsync("A01", oldHold));
        var next = Floors.Producer();
        await f.Floor.HoldAsync("A01", next, null);
        Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.False(await f.Floor.ExpireHoldAsync("A01", oldHold));

        var booth = (await f.Floor.GetFloorAsync()).Booth("A01");
        Assert.Equal((BoothStatus.Held, next.ProducerId), (booth.Status, booth.ProducerId));
        Assert.True(await f.Floor.ExpireHoldAsync("A01", Floors.HoldIdOf(f.FairId, "A01")));
    }

    [Fact]
    public async Task Sweep_releases_every_due_hold_and_only_those()
    {
        var f = await NewFloorAsync(holdMinutes: 30);
        var early = Floors.Producer();
        var confirmed = Floors.Producer();
        await f.Floor.HoldAsync("A01", early, null);
        await f.Floor.HoldAsync("A02", early, null);
        await f.Floor.HoldAsync("A03", confirmed, null);
        await f.Floor.ConfirmAsync("A03", confirmed.ProducerId, null);
        await f.Floor.BlockAsync("A04");
        Clock.Advance(TimeSpan.FromMinutes(20));
        var late = Floors.Producer();
        await f.Floor.HoldAsync("A05", late, null);
        Clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(2, await f.Floor.SweepExpiredHoldsAsync());
        Assert.Equal(0, await f.Floor.SweepExpiredHoldsAsync());

        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal([BoothStatus.Free, BoothStatus.Free, BoothStatus.Confirmed, BoothStatus.Blocked, BoothStatus.Held],
            floor.Booths.Take(5).Select(b => b.Status));
        Assert.Equal(f.Version + 8, floor.Version);
        Assert.Equal(["A01", "A02"], Projections.ExpiredHolds.Where(e => e.FairId == f.FairId).Select(e => e.BoothCode).Order(StringComparer.Ordinal));
        Floors.AssertContiguous(await f.Floor.EventsSinceAsync(f.Version), f.Version, floor.Version);
    }

    // ---- plan and rules changes under reentrancy ----

    [Fact]
    public async Task A_hold_made_while_the_fairs_opening_is_being_written_is_not_acknowledged_when_that_write_fails()
    {
        var f = await Floors.NewAsync(_grains, TestData.OpenFair(), status: FairStatus.Draft);
        var producer = Floors.Producer();

        // The floor is being told the fair opens; a hold that arrives now must not be answered before that is durable.
        await HoldDuringAFailingPlanOrRulesWriteAsync(f, () => f.Fair.MoveToAsync(FairStatus.Published), "A01", producer);

        // Nothing of the failed opening or the hold made under it is left, in memory or in the store.
        Assert.Equal(BoothStatus.Free, (await f.Floor.GetFloorAsync()).Booth("A01").Status);
        Assert.Empty(await f.Floor.MineAsync(producer.ProducerId));
        var stored = await FloorClusterFixture.Store.LoadAsync(f.FairId, FloorGrain.BacklogSize, FloorGrain.KeyMemory);
        Assert.DoesNotContain("A01", stored?.Booths.Keys ?? []);
    }

    [Fact]
    public async Task A_hold_on_a_booth_of_a_new_plan_is_not_acknowledged_when_the_plans_write_fails()
    {
        var f = await NewFloorAsync();
        var producer = Floors.Producer();

        // The new plan adds A11; a hold on it arrives while the plan is being written, and that write fails.
        await HoldDuringAFailingPlanOrRulesWriteAsync(f, () => f.Fair.SetFloorPlanAsync(TestData.FoodAndBeveragePlan(food: 11)), "A11", producer);

        var floor = await f.Floor.GetFloorAsync();
        Assert.DoesNotContain(floor.Booths, b => b.Code == "A11");
        Assert.Empty(await f.Floor.MineAsync(producer.ProducerId));
        var stored = await FloorClusterFixture.Store.LoadAsync(f.FairId, FloorGrain.BacklogSize, FloorGrain.KeyMemory);
        Assert.DoesNotContain("A11", stored?.Booths.Keys ?? []);
    }

    /// <summary>
    /// Holds back the write of a plan or rules <paramref name="change"/> (the floor's own writes, which carry them),
    /// holds <paramref name="boothCode"/> while it is under way, then fails the write, and checks that the change fails
    /// and the hold was never acknowledged and fails too.
    /// </summary>
    private static async Task HoldDuringAFailingPlanOrRulesWriteAsync(OpenFloor f, Func<Task> change, string boothCode, Holder producer)
    {
        var write = new HeldWrite();
        Gates.Set(f.FairId, write.Gate(new InvalidOperationException("The database went away.")));
        try
        {
            var changing = change();
            await write.Started;
            var hold = f.Floor.HoldAsync(boothCode, producer, null);
            var answered = await Task.WhenAny(hold, Task.Delay(500)) == hold && hold.IsCompletedSuccessfully;

            write.Release();
            await Assert.ThrowsAnyAsync<Exception>(() => changing);
            Assert.False(answered, "A hold was acknowledged under a plan or rules whose write then failed.");
            await Assert.ThrowsAnyAsync<Exception>(() => hold);
        }
        finally
        {
            Gates.Clear(f.FairId);
            write.Release();
        }
    }

    // ---- group commit ----

    [Fact]
    public async Task A_change_is_answered_and_shown_only_after_its_write_succeeded()
    {
        var f = await NewFloorAsync();
        var write = new HeldWrite();
        Gates.Set(f.FairId, write.Gate());
        try
        {
            var hold = f.Floor.HoldAsync("A01", Floors.Producer(), null);
            await write.Started;

            Assert.False(hold.IsCompleted);
            var during = await f.Floor.GetFloorAsync();
            Assert.Equal((f.Version, BoothStatus.Free), (during.Version, during.Booth("A01").Status));
            Assert.Empty((await f.Floor.GetChangesSinceAsync(f.Version)).Events!.Value);
            Assert.DoesNotContain(Projections.ScheduledExpiries, e => e.FairId == f.FairId);

            write.Release();
            Assert.Equal(BoothStatus.Held, (await hold).Status);
        }
        finally
        {
            Gates.Clear(f.FairId);
            write.Release();
        }

        var after = await f.Floor.GetFloorAsync();
        Assert.Equal((f.Version + 1, BoothStatus.Held), (after.Version, after.Booth("A01").Status));
    }

    [Fact]
    public async Task The_next_write_goes_out_while_one_is_under_way_and_changes_made_while_both_are_gather_for_the_one_after()
    {
        var f = await NewFloorAsync();
        var writesBefore = Gates.Writes(f.FairId);
        var write = new HeldWrite();
        Gates.Set(f.FairId, write.Gate());
        try
        {
            var first = f.Floor.HoldAsync("A01", Floors.Producer(), null);
            await write.Started;
            Gates.Clear(f.FairId);

            // The second write is sent at once; the store keeps it waiting for the first, which it builds on.
            var second = f.Floor.HoldAsync("A02", Floors.Producer(), null);
            await WritesStartedAsync(f.FairId, writesBefore + FloorClusterFixture.WritesInFlight);

            // Both slots taken: these gather for the third write.
            var queued = Enumerable.Range(3, 8).Select(i => $"A{i:00}").ToArray();
            var rest = queued.Select(code => f.Floor.HoldAsync(code, Floors.Producer(), null)).ToArray();
            foreach (var code in queued)
            {
                await AppliedAsync(f.Floor, code);
            }

            Assert.Equal(2, Gates.Writes(f.FairId) - writesBefore);
            Assert.False(first.IsCompleted || second.IsCompleted);
            Assert.Equal(f.Version, (await f.Floor.GetFloorAsync()).Version);

            write.Release();
            await first;
            await second;
            await Task.WhenAll(rest);
        }
        finally
        {
            Gates.Clear(f.FairId);
            write.Release();
        }

        Assert.Equal(3, Gates.Writes(f.FairId) - writesBefore);
        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(f.Version + 10, floor.Version);
        Floors.AssertContiguous(await f.Floor.EventsSinceAsync(f.Version), f.Version, floor.Version);
        var stored = await FloorClusterFixture.Store.LoadAsync(f.FairId, FloorGrain.BacklogSize, FloorGrain.KeyMemory);
        Assert.Equal(floor.Version, stored!.Version);
        Assert.Equal(10, stored.Booths.Count(b => b.Value.Status == BoothStatus.Held));
    }

    /// <summary>
    /// Holds A01 in a write that fails when released, and A02 while that write is under way, and checks that both fail.
    /// With <paramref name="secondWriteGoesOut"/>, A02's own write gets past the test's gate and waits in the store for
    /// A01's; otherwise the gate holds it back too and fails it the same way.
    /// </summary>
    private static async Task TwoHoldsBehindAFailingWriteAsync(OpenFloor f, bool secondWriteGoesOut)
    {
        var writesBefore = Gates.Writes(f.FairId);
        var write = new HeldWrite();
        Gates.Set(f.FairId, write.Gate(new InvalidOperationException("The database went away.")));
        try
        {
            var first = f.Floor.HoldAsync("A01", Floors.Producer(), null);
            await write.Started;
            if (secondWriteGoesOut)
            {
                Gates.Clear(f.FairId);
            }

            var second = f.Floor.HoldAsync("A02", Floors.Producer(), null);
            if (secondWriteGoesOut)
            {
                await WritesStartedAsync(f.FairId, writesBefore + 2);
            }
            else
            {
                await AppliedAsync(f.Floor, "A02");
            }

            write.Release();
            await Assert.ThrowsAnyAsync<Exception>(() => first);
            await Assert.ThrowsAnyAsync<Exception>(() => second);
        }
        finally
        {
            Gates.Clear(f.FairId);
            write.Release();
        }
    }

    private static async Task WritesStartedAsync(string fairId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Gates.Writes(fairId) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The floor did not start write {count}.");
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task A_failed_write_fails_the_write_sent_after_it_too_which_never_lands()
    {
        var f = await NewFloorAsync();
        await TwoHoldsBehindAFailingWriteAsync(f, secondWriteGoesOut: true);

        // The floor reloads and goes on; the second save, still waiting for the first, can never follow it.
        Assert.Equal(BoothStatus.Held, (await f.Floor.HoldAsync("A03", Floors.Producer(), null)).Status);
        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal((f.Version + 1, BoothStatus.Free, BoothStatus.Free), (floor.Version, floor.Booth("A01").Status, floor.Booth("A02").Status));
        var stored = await FloorClusterFixture.Store.LoadAsync(f.FairId, FloorGrain.BacklogSize, FloorGrain.KeyMemory);
        Assert.Equal(f.Version + 1, stored!.Version);
        Assert.Equal(["A03"], stored.Booths.Keys);
    }

    [Fact]
    public async Task A_failed_write_undoes_its_changes_fails_every_waiting_caller_and_leaves_no_version_gap()
    {
        var f = await NewFloorAsync();
        await TwoHoldsBehindAFailingWriteAsync(f, secondWriteGoesOut: false);

        var floor = await f.Floor.GetFloorAsync();
        Assert.Equal(f.Version, floor.Version);
        Assert.All(floor.Booths, b => Assert.Equal(BoothStatus.Free, b.Status));
        Assert.DoesNotContain(Projections.ScheduledExpiries, e => e.FairId == f.FairId);

        var producer = Floors.Producer();
        Assert.Equal(BoothStatus.Held, (await f.Floor.HoldAsync("A01", producer, null)).Status);
        var events = await f.Floor.EventsSinceAsync(f.Version);
        Assert.Equal([(f.Version + 1, "A01", producer.ProducerId)], events.Select(e => (e.Version, e.Booth!.Code, e.Booth.ProducerId)));
    }

    [Fact]
    public async Task After_a_failed_write_neither_its_hold_nor_its_key_counts()
    {
        var f = await Floors.NewAsync(_grains, TestData.OpenFair(boothsPerProducer: 1));
        var producer = Floors.Producer();
        await ChangeWhoseWriteFailsAsync(f.FairId, () => f.Floor.HoldAsync("A01", producer, "hold-key"));

        // The failed hold took neither the producer's one booth nor the key: the same key now holds another booth.
        var view = await f.Floor.HoldAsync("A02", producer, "hold-key");
        Assert.Equal(("A02", BoothStatus.Held), (view.Code, view.Status));
        await Floors.RefusedAsync(DomainErrorKind.Conflict, "booth.limit", () => f.Floor.HoldAsync("A03", producer, null));
        Assert.Equal(["A02"], await f.Floor.MineAsync(producer.ProducerId));
    }

    [Fact]
    public async Task A_key_is_remembered_until_as_many_newer_keys_as_the_floor_keeps_have_pushed_it_out()
    {
        var f = await Floors.NewAsync(_grains, TestData.OpenFair(boothsPerProducer: 1));
        var producer = Floors.Producer();
        for (var i = 0; i < FloorGrain.KeyMemory; i++)
        {
            await f.Floor.HoldAsync("A01", producer, $"key-{i}");
            await f.Floor.ReleaseAsync("A01", producer.ProducerId);
        }

        // key-0 is still one of the newest KeyMemory keys: answered from memory, nothing changes.
        var version = (await f.Floor.GetFloorAsync()).Version;
        Assert.Equal(BoothStatus.Held, (await f.Floor.HoldAsync("A01", producer, "key-0")).Status);
        Assert.Equal(version, (await f.Floor.GetFloorAsync()).Version);

        // One more key pushes key-0 out: the same request is now a new hold.
        await f.Floor.HoldAsync("A02", producer, $"key-{FloorGrain.KeyMemory}");
        await f.Floor.ReleaseAsync("A02", producer.ProducerId);
        version = (await f.Floor.GetFloorAsync()).Version;
        Assert.Equal(BoothStatus.Held, (await f.Floor.HoldAsync("A01", producer, "key-0")).Status);
        Assert.Equal(version + 1, (await f.Floor.GetFloorAsync()).Version);
        Assert.Equal(["A01"], await f.Floor.MineAsync(producer.ProducerId));
    }

    [Fact]
    public async Task The_store_holds_exactly_the_floor_after_holds_keys_a_plan_change_and_a_failed_write()
    {
        var f = await NewFloorAsync();
        var (a, b) = (Floors.Producer(), Floors.Producer());
        await f.Floor.BlockAsync("A09");
        await f.Floor.BlockAsync("A10");
        await f.Floor.HoldAsync("A01", a, "key-1");
        await f.Floor.HoldAsync("A02", a, "key-2");
        await f.Floor.ConfirmAsync("A01", a.ProducerId, "key-3");
        await f.Floor.ReleaseAsync("A02", a.ProducerId);

        // A plan without A10 (blocked, so it may go): a change that does not name the booths it touched.
        await f.Fair.SetFloorPlanAsync(TestData.FoodAndBeveragePlan(food: 9));

        // A write that fails: neither its hold nor its key may reach the store.
        await ChangeWhoseWriteFailsAsync(f.FairId, () => f.Floor.HoldAsync("A03", b, "key-4"));

        // Changes made while a write is under way go into the next write together.
        await ChangesQueuedBehindAWriteAsync(
            f,
            () => f.Floor.HoldAsync("A04", b, "key-5"),
            () => [f.Floor.HoldAsync("A05", b, "key-6"), f.Floor.UnblockAsync("A09")],
            "A05");

        var floor = await f.Floor.GetFloorAsync();
        var stored = await FloorClusterFixture.Store.LoadAsync(f.FairId, FloorGrain.BacklogSize, FloorGrain.KeyMemory);
        Assert.NotNull(stored);
        Assert.Equal(floor.Version, stored.Version);
        Assert.Equal(
            [("A01", BoothStatus.Confirmed, a.ProducerId), ("A04", BoothStatus.Held, b.ProducerId), ("A05", BoothStatus.Held, b.ProducerId)],
            floor.Booths.Where(x => x.Status != BoothStatus.Free).Select(x => (x.Code, x.Status, x.ProducerId)).OrderBy(x => x.Code));
        Assert.Equal(
            floor.Booths.Where(x => x.Status != BoothStatus.Free).Select(x => (x.Code, x.Status, x.ProducerId)).OrderBy(x => x.Code),
            stored.Booths.Where(x => x.Value.Status != BoothStatus.Free).Select(x => (x.Key, x.Value.Status, x.Value.ProducerId)).OrderBy(x => x.Key));
        Assert.DoesNotContain("A10", stored.Booths.Keys);
        Assert.Equal(["key-1", "key-2", "key-3", "key-5", "key-6"], stored.Keys.Select(k => k.Key));
    }

    [Fact]
    public async Task A_retry_with_the_same_key_is_answered_only_once_the_first_change_is_durable()
    {
        var f = await NewFloorAsync();
        var write = new HeldWrite();
        Gates.Set(f.FairId, write.Gate(new InvalidOperationException("The database went away.")));
        var producer = Floors.Producer();
        try
        {
            var first = f.Floor.HoldAsync("A01", producer, "hold-key");
            await write.Started;
            var retry = f.Floor.HoldAsync("A01", producer, "hold-key");
            var answeredEarly = await Task.WhenAny(retry, Task.Delay(500)) == retry && retry.IsCompletedSuccessfully;

            write.Release();
            await Assert.ThrowsAnyAsync<Exception>(() => first);
            Assert.False(answeredEarly, "The retry was acknowledged while the hold was not yet written; that write then failed.");
        }
        finally
        {
            Gates.Clear(f.FairId);
            write.Release();
        }
    }
}
