using System.Collections.Immutable;
using CsCheck;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Domain.Tests;

public class BoothRulesTests
{
    private static readonly DateTimeOffset Now = new(2030, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly Zone Food = new("A", "Thực phẩm", [ProductGroup.Food]);
    private static readonly Zone Drinks = new("B", "Đồ uống", [ProductGroup.Beverages]);
    private static readonly BoothSpec A01 = new("A01", "A", BoothType.Standard, 9, 2_000_000, 0, 0, 3, 3, []);
    private static readonly BoothSpec B01 = new("B01", "B", BoothType.Standard, 9, 2_000_000, 3, 0, 3, 3, []);
    private static readonly FloorRules Open = new(FairStatus.Published, 2, 30, AllocationMode.FirstCome);

    private static Holder Exhibitor(string id = "p1", ApplicationStatus? status = ApplicationStatus.Approved, params ProductGroup[] groups) =>
        new(id, "HTX " + id, groups.Length == 0 ? [ProductGroup.Food] : [.. groups], status);

    private static BoothFacts Facts(BoothSlot? slot = null, FloorRules? rules = null, int producerBooths = 0, BoothSpec? booth = null, Zone? zone = null) =>
        new(rules ?? Open, booth ?? A01, zone ?? Food, slot ?? BoothSlot.Free, producerBooths);

    private static BoothSlot Held(string producer = "p1") => new(BoothStatus.Held, producer, "HTX " + producer, Now.AddMinutes(30), "h1");

    private static BoothSlot Confirmed(string producer = "p1") => new(BoothStatus.Confirmed, producer, "HTX " + producer, null, null);

    private static string RefusedCode(BoothDecision d) => Assert.IsType<BoothDecision.Refused>(d).Refusal.Code;

    // ---- hold ----

    [Fact]
    public void Hold_of_a_free_booth_by_an_approved_exhibitor_holds_it_for_the_fairs_hold_minutes()
    {
        var next = Assert.IsType<BoothDecision.Change>(BoothRules.Hold(Facts(), Exhibitor(), Now, "h9")).Next;
        Assert.Equal(new BoothSlot(BoothStatus.Held, "p1", "HTX p1", Now.AddMinutes(30), "h9"), next);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Waitlisted)]
    [InlineData(ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Withdrawn)]
    public void Hold_by_a_producer_who_is_not_an_approved_exhibitor_is_refused(ApplicationStatus? status)
    {
        var d = BoothRules.Hold(Facts(), Exhibitor(status: status), Now, "h");
        Assert.Equal(("booth.notApproved", RefusalKind.Refused), (RefusedCode(d), ((BoothDecision.Refused)d).Refusal.Kind));
    }

    [Theory]
    [InlineData(FairStatus.Draft)]
    [InlineData(FairStatus.Closed)]
    public void Hold_while_the_fair_is_not_open_is_refused(FairStatus status) =>
        Assert.Equal("booth.holdsClosed", RefusedCode(BoothRules.Hold(Facts(rules: Open with { Status = status }), Exhibitor(), Now, "h")));

    [Fact]
    public void Hold_when_the_organiser_allocates_is_refused() =>
        Assert.Equal("booth.organiserAllocates", RefusedCode(BoothRules.Hold(Facts(rules: Open with { AllocationMode = AllocationMode.Organiser }), Exhibitor(), Now, "h")));

    [Fact]
    public void Hold_outside_a_zone_that_takes_the_producers_groups_is_refused() =>
        Assert.Equal("booth.zoneMismatch", RefusedCode(BoothRules.Hold(Facts(booth: B01, zone: Drinks), Exhibitor(), Now, "h")));

    [Fact]
    public void Hold_of_a_booth_not_on_the_plan_is_not_found() =>
        Assert.Equal("booth.notFound", RefusedCode(BoothRules.Hold(new BoothFacts(Open, null, null, BoothSlot.Free, 0), Exhibitor(), Now, "h")));

    [Theory]
    [InlineData(BoothStatus.Held)]
    [InlineData(BoothStatus.Confirmed)]
    [InlineData(BoothStatus.Blocked)]
    public void Hold_of_a_booth_someone_else_has_or_that_is_blocked_is_taken(BoothStatus status)
    {
        var slot = status == BoothStatus.Blocked ? new BoothSlot(BoothStatus.Blocked, null, null, null, null) : Held("p2") with { Status = status };
        Assert.Equal("booth.taken", RefusedCode(BoothRules.Hold(Facts(slot), Exhibitor(), Now, "h")));
    }

    [Fact]
    public void Hold_again_of_ones_own_hold_changes_nothing() =>
        Assert.Equal(Held(), Assert.IsType<BoothDecision.Unchanged>(BoothRules.Hold(Facts(Held()), Exhibitor(), Now, "h2")).Current);

    [Fact]
    public void Hold_at_the_fairs_booths_per_producer_is_refused() =>
        Assert.Equal("booth.limit", RefusedCode(BoothRules.Hold(Facts(producerBooths: 2), Exhibitor(), Now, "h")));

    // ---- confirm, release ----

    [Fact]
    public void Confirm_by_the_holder_confirms_without_expiry_and_again_changes_nothing()
    {
        var next = Assert.IsType<BoothDecision.Change>(BoothRules.Confirm(Facts(Held()), "p1")).Next;
        Assert.Equal(Confirmed(), next);
        Assert.IsType<BoothDecision.Unchanged>(BoothRules.Confirm(Facts(next), "p1"));
        Assert.Equal("booth.notHeld", RefusedCode(BoothRules.Confirm(Facts(Held()), "p2")));
        Assert.Equal("booth.notHeld", RefusedCode(BoothRules.Confirm(Facts(), "p1")));
    }

    [Fact]
    public void Release_frees_the_holders_booth_refuses_anyone_else_and_repeats_on_a_free_one()
    {
        Assert.Equal(BoothSlot.Free, Assert.IsType<BoothDecision.Change>(BoothRules.Release(Facts(Confirmed()), "p1")).Next);
        Assert.Equal("booth.notHeld", RefusedCode(BoothRules.Release(Facts(Held()), "p2")));
        Assert.IsType<BoothDecision.Unchanged>(BoothRules.Release(Facts(), "p1"));
    }

    // ---- the organiser's assign ----

    [Fact]
    public void Assign_confirms_an_approved_exhibitor_in_a_fitting_zone_in_any_mode_until_the_fair_closes()
    {
        var organiserMode = Facts(rules: Open with { Status = FairStatus.Draft, AllocationMode = AllocationMode.Organiser });
        Assert.Equal(Confirmed(), Assert.IsType<BoothDecision.Change>(BoothRules.Assign(organiserMode, Exhibitor())).Next);
        Assert.Equal("booth.fairClosed", RefusedCode(BoothRules.Assign(Facts(rules: Open with { Status = FairStatus.Closed }), Exhibitor())));
    }

    [Theory]
    [InlineData(ApplicationStatus.Rejected, "A", 0, "booth.notApproved")]
    [InlineData(ApplicationStatus.Submitted, "A", 0, "booth.notApproved")]
    [InlineData(ApplicationStatus.Approved, "B", 0, "booth.zoneMismatch")]
    [InlineData(ApplicationStatus.Approved, "A", 2, "booth.limit")]
    public void Assign_is_held_to_the_hold_rules_unless_the_organiser_overrides_with_a_reason(ApplicationStatus status, string zone, int booths, string code)
    {
        var facts = zone == "A" ? Facts(producerBooths: booths) : Facts(producerBooths: booths, booth: B01, zone: Drinks);

        Assert.Equal(code, RefusedCode(BoothRules.Assign(facts, Exhibitor(status: status))));
        Assert.Equal(code, RefusedCode(BoothRules.Assign(facts, Exhibitor(status: status), "   ")));
        var next = Assert.IsType<BoothDecision.Change>(BoothRules.Assign(facts, Exhibitor(status: status), " Khách mời của tỉnh ")).Next;
        Assert.Equal((BoothStatus.Confirmed, "p1", "Khách mời của tỉnh"), (next.Status, next.ProducerId, next.OverrideReason));
    }

    [Fact]
    public void An_override_is_recorded_only_where_a_rule_was_broken_and_never_takes_anothers_booth()
    {
        Assert.Null(Assert.IsType<BoothDecision.Change>(BoothRules.Assign(Facts(), Exhibitor(), "không cần")).Next.OverrideReason);
        Assert.Equal("booth.taken", RefusedCode(BoothRules.Assign(Facts(Held("p2")), Exhibitor(), "ưu tiên")));
        Assert.Equal("booth.taken", RefusedCode(BoothRules.Assign(Facts(new BoothSlot(BoothStatus.Blocked, null, null, null, null)), Exhibitor(), "ưu tiên")));
    }

    [Fact]
    public void Assign_turns_the_producers_own_hold_into_a_confirmation_even_at_the_limit() =>
        Assert.Equal(Confirmed(), Assert.IsType<BoothDecision.Change>(BoothRules.Assign(Facts(Held(), producerBooths: 2), Exhibitor())).Next);

    // ---- block, unblock, unassign, expiry, plan ----

    [Fact]
    public void Block_unblock_and_unassign_follow_the_booths_state()
    {
        var blocked = new BoothSlot(BoothStatus.Blocked, null, null, null, null);
        Assert.Equal(blocked, Assert.IsType<BoothDecision.Change>(BoothRules.Block(Facts())).Next);
        Assert.IsType<BoothDecision.Unchanged>(BoothRules.Block(Facts(blocked)));
        Assert.Equal("booth.taken", RefusedCode(BoothRules.Block(Facts(Held()))));
        Assert.Equal(BoothSlot.Free, Assert.IsType<BoothDecision.Change>(BoothRules.Unblock(Facts(blocked))).Next);
        Assert.Equal("booth.notBlocked", RefusedCode(BoothRules.Unblock(Facts(Confirmed()))));
        Assert.Equal("booth.blocked", RefusedCode(BoothRules.Unassign(Facts(blocked))));
        Assert.Equal(BoothSlot.Free, Assert.IsType<BoothDecision.Change>(BoothRules.Unassign(Facts(Held()))).Next);
    }

    [Fact]
    public void Expiry_releases_only_the_same_hold_once_its_time_is_up()
    {
        Assert.IsType<BoothDecision.Change>(BoothRules.Expire(Facts(Held()), "h1", Now.AddMinutes(30)));
        Assert.IsType<BoothDecision.Unchanged>(BoothRules.Expire(Facts(Held()), "h1", Now.AddMinutes(29)));
        Assert.IsType<BoothDecision.Unchanged>(BoothRules.Expire(Facts(Held()), "other", Now.AddMinutes(31)));
        Assert.IsType<BoothDecision.Unchanged>(BoothRules.Expire(Facts(Confirmed()), "h1", Now.AddMinutes(31)));
    }

    [Fact]
    public void A_plan_that_drops_booths_in_use_is_refused_naming_them_but_blocked_booths_may_go()
    {
        var occupation = new Dictionary<string, BoothSlot>
        {
            ["A01"] = Confirmed(), ["A02"] = Held("p2"), ["A03"] = new(BoothStatus.Blocked, null, null, null, null),
        };
        var refusal = BoothRules.PlanChange(occupation, new FloorPlan([Food], [A01]));
        Assert.Equal("floorPlan.boothInUse", refusal!.Code);
        Assert.Equal(["A02"], refusal.Items!);
        Assert.Null(BoothRules.PlanChange(occupation, new FloorPlan([Food], [A01, A01 with { Code = "A02" }])));
    }

    // ---- properties: random producers, floors and sequences of requests try to break the invariants ----

    private sealed record Op(int Kind, int Producer, int Booth, bool Override, int Minutes);

    private sealed record World(FloorRules Rules, BoothSpec[] Booths, Holder[] Producers, Op[] Ops);

    private static readonly Zone[] Zones =
    [
        Food, Drinks, new("C", "Thảo dược", [ProductGroup.Herbal]), new("M", "Hỗn hợp", [ProductGroup.Food, ProductGroup.Handicrafts]),
    ];

    private static readonly ProductGroup[] Groups = [ProductGroup.Food, ProductGroup.Beverages, ProductGroup.Herbal, ProductGroup.Handicrafts];

    private static readonly Gen<World> Worlds =
        from status in Gen.Enum<FairStatus>()
        from limit in Gen.Int[1, 3]
        from mode in Gen.Enum<AllocationMode>()
        from zones in Gen.Int[0, Zones.Length - 1].Array[1, 10]
        from producers in Gen.Select(Gen.Int[0, Groups.Length - 1].Array[1, 3], Gen.Int[0, 5]).Array[2, 6]
        from ops in Gen.Select(Gen.Int[0, 7], Gen.Int[0, 5], Gen.Int[0, 9], Gen.Bool, Gen.Int[0, 60]).Array[0, 60]
        select new World(
            new FloorRules(status, limit, 30, mode),
            [.. zones.Select((z, i) => A01 with { Code = $"X{i:00}", Zone = Zones[z].Code })],
            [.. producers.Select((p, i) => new Holder(
                $"p{i}", $"HTX {i}", [.. p.Item1.Distinct().Select(g => Groups[g])],
                p.Item2 switch { 0 => null, 1 => ApplicationStatus.Submitted, 2 => ApplicationStatus.Rejected, _ => ApplicationStatus.Approved }))],
            [.. ops.Select(o => new Op(o.Item1, o.Item2, o.Item3, o.Item4, o.Item5))]);

    /// <summary>
    /// Runs the requests through the rules against a floor kept as the grain keeps it, checking each answer: a change
    /// never takes a booth from someone else, and after every step no booth is held outside a fitting zone or by a
    /// producer who is not approved, no producer has more booths than the limit, and no hold exists unless holds are
    /// open — except where the organiser overrode with a reason, which the booth then carries.
    /// </summary>
    [Fact]
    public void No_sequence_of_requests_breaks_the_booth_invariants() =>
        Worlds.Sample(world =>
        {
            var floor = new Dictionary<string, BoothSlot>(StringComparer.Ordinal);
            var zones = Zones.ToDictionary(z => z.Code);
            var byId = world.Producers.ToDictionary(p => p.ProducerId);
            var now = Now;
            var holds = 0;
            int Count(string producer) => floor.Values.Count(s => s.ProducerId == producer);

            foreach (var op in world.Ops)
            {
                var booth = world.Booths[op.Booth % world.Booths.Length];
                var holder = world.Producers[op.Producer % world.Producers.Length];
                var before = floor.GetValueOrDefault(booth.Code) ?? BoothSlot.Free;
                var facts = new BoothFacts(world.Rules, booth, zones[booth.Zone], before, Count(holder.ProducerId));
                now = now.AddMinutes(op.Minutes);
                var decision = op.Kind switch
                {
                    0 or 1 => BoothRules.Hold(facts, holder, now, $"h{++holds}"),
                    2 => BoothRules.Confirm(facts, holder.ProducerId),
                    3 => BoothRules.Release(facts, holder.ProducerId),
                    4 => BoothRules.Assign(facts, holder, op.Override ? "Đơn vị khách mời" : null),
                    5 => BoothRules.Unassign(facts),
                    6 => op.Override ? BoothRules.Block(facts) : BoothRules.Unblock(facts),
                    _ => BoothRules.Expire(facts, before.HoldId ?? "none", now),
                };

                if (decision is BoothDecision.Unchanged unchanged)
                {
                    Assert.Equal(before, unchanged.Current);
                    continue;
                }

                if (decision is not BoothDecision.Change { Next: var next })
                {
                    continue;
                }

                // One holder per booth: a booth changes hands only through free (or stays with the same producer).
                if (next.ProducerId is { } taker && before.Status != BoothStatus.Free)
                {
                    Assert.Equal(before.ProducerId, taker);
                }

                Assert.True(next.Status != BoothStatus.Blocked || before.Status == BoothStatus.Free, "Only a free booth is blocked.");
                floor[booth.Code] = next;
                if (next.Status == BoothStatus.Free)
                {
                    floor.Remove(booth.Code);
                }

                foreach (var (code, slot) in floor.Where(b => b.Value.ProducerId is not null))
                {
                    if (slot.OverrideReason is not null)
                    {
                        continue;
                    }

                    var owner = byId[slot.ProducerId!];
                    var spec = world.Booths.First(b => b.Code == code);
                    Assert.Equal(ApplicationStatus.Approved, owner.Application);
                    Assert.True(zones[spec.Zone].Groups.Intersect(owner.Groups).Any(), $"{code} is held outside a zone that takes {owner.ProducerId}'s groups.");
                }

                foreach (var producer in world.Producers)
                {
                    var own = floor.Values.Count(s => s.ProducerId == producer.ProducerId && s.OverrideReason is null);
                    Assert.True(own <= world.Rules.BoothsPerProducer, $"{producer.ProducerId} has {own} booths, over the limit.");
                }

                if (next.Status == BoothStatus.Held && before.Status != BoothStatus.Held)
                {
                    Assert.Null(BoothRules.OpenForHolds(world.Rules));
                }
            }
        });

    [Fact]
    public void Of_any_number_of_producers_racing_for_one_booth_exactly_the_first_eligible_one_holds_it() =>
        Gen.Select(Gen.Int[0, 5].Array[1, 30], Gen.Int[1, 3]).Sample(input =>
        {
            var (picks, limit) = input;
            var rules = Open with { BoothsPerProducer = limit };
            var slot = BoothSlot.Free;
            var winners = new List<string>();
            foreach (var p in picks)
            {
                var decision = BoothRules.Hold(new BoothFacts(rules, A01, Food, slot, slot.ProducerId == $"p{p}" ? 1 : 0), Exhibitor($"p{p}"), Now, "h");
                if (decision is BoothDecision.Change { Next: var next })
                {
                    winners.Add(next.ProducerId!);
                    slot = next;
                }
            }

            Assert.Equal([$"p{picks[0]}"], winners);
        });
}
