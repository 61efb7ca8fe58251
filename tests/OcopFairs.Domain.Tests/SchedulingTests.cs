using CsCheck;
using OcopFairs.Domain;

namespace OcopFairs.Domain.Tests;

public class SchedulingTests
{
    private static ScheduleProblem Problem(
        int slots, IEnumerable<ScheduleWish> wishes, IEnumerable<KeptMeeting>? kept = null, Dictionary<string, int>? places = null,
        Dictionary<string, int>? quota = null, Dictionary<string, IReadOnlySet<int>>? unavailable = null)
    {
        var list = wishes.ToList();
        return new ScheduleProblem(slots, list, places ?? list.Select(w => w.ProducerId).Distinct().ToDictionary(p => p, _ => 1),
            quota ?? [], [.. kept ?? []], unavailable ?? []);
    }

    [Fact]
    public void Greedy_places_the_best_wishes_first_and_says_why_the_rest_stay_out()
    {
        var p = Problem(1, [new("b1", "p1", 90), new("b2", "p1", 80), new("b1", "p2", 70), new("b3", "p3", 50)],
            kept: [new KeptMeeting("b3", "p3", 0)], quota: new() { ["b2"] = 0 });
        var plan = Scheduling.Greedy(p);

        Assert.Equal([("b1", "p1", 0)], plan.Meetings.Select(m => (m.BuyerId, m.ProducerId, m.Slot)));
        Assert.Equal(90, plan.Objective);
        Assert.Equal(
            [("b1", "p2", Scheduling.ReasonNoCommonSlot), ("b2", "p1", Scheduling.ReasonBuyerQuota), ("b3", "p3", Scheduling.ReasonAlreadyMeeting)],
            plan.Unplaced.Select(u => (u.BuyerId, u.ProducerId, u.Reasons.Single())).OrderBy(x => x.BuyerId).ThenBy(x => x.ProducerId));
        Assert.Empty(Scheduling.Violations(p, plan.Meetings));
    }

    [Fact]
    public void The_checker_catches_double_bookings_and_invented_meetings()
    {
        var p = Problem(2, [new("b1", "p1", 10), new("b1", "p2", 10)]);
        Assert.NotEmpty(Scheduling.Violations(p, [new("b1", "p1", 0, 10), new("b1", "p2", 0, 10)]));
        Assert.NotEmpty(Scheduling.Violations(p, [new("b9", "p1", 0, 10)]));
        Assert.NotEmpty(Scheduling.Violations(p, [new("b1", "p1", 5, 10)]));
        Assert.Empty(Scheduling.Violations(p, [new("b1", "p1", 0, 10), new("b1", "p2", 1, 10)]));
    }

    internal static readonly Gen<ScheduleProblem> Problems =
        from slots in Gen.Int[1, 6]
        from wishes in Gen.Select(Gen.Int[0, 9], Gen.Int[0, 7], Gen.Int[1, 100]).Array[0, 60]
        from places in Gen.Int[0, 2].Array[8]
        from quotas in Gen.Int[0, 4].Array[10]
        from kept in Gen.Select(Gen.Int[0, 9], Gen.Int[0, 7], Gen.Int[0, 5]).Array[0, 6]
        from busy in Gen.Select(Gen.Int[0, 9], Gen.Int[0, 5]).Array[0, 8]
        select BuildProblem(slots, wishes, places, quotas, kept, busy);

    private static ScheduleProblem BuildProblem(int slots, (int, int, int)[] wishes, int[] places, int[] quotas, (int, int, int)[] kept, (int, int)[] busy)
    {
        // Kept meetings are themselves a valid booking: add them one by one while they fit.
        var placeOf = Enumerable.Range(0, 8).ToDictionary(i => $"p{i}", i => places[i]);
        var keptList = new List<KeptMeeting>();
        foreach (var (b, pr, s) in kept)
        {
            var k = new KeptMeeting($"b{b}", $"p{pr}", s % slots);
                        if (keptList.All(x => !(x.BuyerId == k.BuyerId && x.Slot == k.Slot)) && keptList.Count(x => x.ProducerId == k.ProducerId && x.Slot == k.Slot) < placeOf[k.ProducerId])
                keptList.Add(k);
        }

        return new ScheduleProblem(slots,
            [.. wishes.Select(w => new ScheduleWish($"b{w.Item1}", $"p{w.Item2}", w.Item3))],
            placeOf,
            Enumerable.Range(0, 10).Where(i => i % 3 == 0).ToDictionary(i => $"b{i}", i => quotas[i] + keptList.Count(k => k.BuyerId == $"b{i}")),
            keptList,
            busy.GroupBy(x => $"b{x.Item1}").ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.Select(x => x.Item2 % slots).ToHashSet()));
    }

    [Fact]
    public void A_greedy_plan_never_breaks_a_rule_and_accounts_for_every_wish() =>
        Problems.Sample(p =>
        {
            var plan = Scheduling.Greedy(p);
            Assert.Empty(Scheduling.Violations(p, plan.Meetings));
            Assert.Equal(plan.Meetings.Sum(m => (long)m.Score), plan.Objective);
            Assert.True(plan.Objective <= plan.Bound);
            var pairs = p.Wishes.Select(w => (w.BuyerId, w.ProducerId)).ToHashSet();
            var accounted = plan.Meetings.Select(m => (m.BuyerId, m.ProducerId)).Concat(plan.Unplaced.Select(u => (u.BuyerId, u.ProducerId))).ToList();
            Assert.Equal(pairs.Count, accounted.Count);
            Assert.True(pairs.SetEquals(accounted));
        });
}
