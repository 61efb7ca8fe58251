using CsCheck;
using OcopFairs.Domain;

namespace OcopFairs.Domain.Tests;

public class ScheduleSolverTests
{
    // Small problems solve in milliseconds; the limit only bounds a pathological case on a busy machine.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    [Fact]
    public void The_solver_moves_a_meeting_greedy_put_in_the_only_slot_another_pair_could_use()
    {
        // One place at p1, two slots. Greedy puts the best wish (b1, 90) in slot 0, the only slot b2 is available in.
        var p = new ScheduleProblem(2,
            [new("b1", "p1", 90), new("b2", "p1", 80)],
            new Dictionary<string, int> { ["p1"] = 1 },
            new Dictionary<string, int>(),
            [],
            new Dictionary<string, IReadOnlySet<int>> { ["b2"] = new HashSet<int> { 1 } });

        var greedy = Scheduling.Greedy(p);
        var plan = ScheduleSolver.Solve(p, Limit);

        Assert.Equal(90, greedy.Objective);
        Assert.Equal(ScheduleSolver.MethodOptimal, plan.Method);
        Assert.Equal(170, plan.Objective);
        Assert.Equal(170, plan.Bound);
        Assert.Equal([("b1", "p1", 1), ("b2", "p1", 0)], plan.Meetings.Select(m => (m.BuyerId, m.ProducerId, m.Slot)).OrderBy(m => m.Item1));
        Assert.Empty(plan.Unplaced);
        Assert.Empty(Scheduling.Violations(p, plan.Meetings));
    }

    [Fact]
    public void Wishes_left_out_by_the_solver_say_why()
    {
        // b1 may have one meeting in all and already has a kept one; p2 has no places; b2 wants p1 in the slot the
        // kept meeting fills.
        var p = new ScheduleProblem(1,
            [new("b1", "p1", 90), new("b1", "p3", 70), new("b2", "p1", 80), new("b2", "p2", 60), new("b3", "p3", 50)],
            new Dictionary<string, int> { ["p1"] = 1, ["p2"] = 0, ["p3"] = 1 },
            new Dictionary<string, int> { ["b1"] = 1 },
            [new KeptMeeting("b1", "p1", 0)],
            new Dictionary<string, IReadOnlySet<int>>());

        var plan = ScheduleSolver.Solve(p, Limit);

        Assert.Equal([("b3", "p3", 0)], plan.Meetings.Select(m => (m.BuyerId, m.ProducerId, m.Slot)));
        Assert.Equal(
            [("b1", "p1", Scheduling.ReasonAlreadyMeeting), ("b1", "p3", Scheduling.ReasonBuyerQuota),
             ("b2", "p1", Scheduling.ReasonNoCommonSlot), ("b2", "p2", Scheduling.ReasonNoPlaces)],
            plan.Unplaced.Select(u => (u.BuyerId, u.ProducerId, u.Reasons.Single())).OrderBy(x => x.BuyerId).ThenBy(x => x.ProducerId));
    }

    [Fact]
    public void A_problem_with_nothing_to_place_is_answered_without_the_solver()
    {
        var p = new ScheduleProblem(2, [new("b1", "p1", 50)], new Dictionary<string, int>(), new Dictionary<string, int>(), [],
            new Dictionary<string, IReadOnlySet<int>>());

        var plan = ScheduleSolver.Solve(p, Limit);

        Assert.Empty(plan.Meetings);
        Assert.Equal((0L, 0L), (plan.Objective, plan.Bound));
        Assert.Equal(Scheduling.ReasonNoPlaces, plan.Unplaced.Single().Reasons.Single());
    }

    [Fact]
    public void A_solver_plan_breaks_no_rule_keeps_the_kept_meetings_and_is_never_worse_than_greedy() =>
        SchedulingTests.Problems.Sample(p =>
        {
            var greedy = Scheduling.Greedy(p);
            var plan = ScheduleSolver.Solve(p, Limit);

            // The native library loaded and the solver answered (a fallback would hide a broken deployment).
            Assert.StartsWith("cp-sat", plan.Method, StringComparison.Ordinal);
            Assert.Empty(Scheduling.Violations(p, plan.Meetings)); // counts the kept meetings in their slots
            Assert.DoesNotContain(plan.Meetings, m => p.Kept.Any(k => k.BuyerId == m.BuyerId && (k.ProducerId == m.ProducerId || k.Slot == m.Slot)));
            Assert.Equal(plan.Meetings.Sum(m => (long)m.Score), plan.Objective);
            Assert.True(plan.Objective >= greedy.Objective, $"solver {plan.Objective} < greedy {greedy.Objective}");
            Assert.True(plan.Bound >= plan.Objective, $"bound {plan.Bound} < objective {plan.Objective}");
            if (plan.Method == ScheduleSolver.MethodOptimal) Assert.Equal(plan.Objective, plan.Bound);

            // Every wished pair is placed once or left out once with a reason.
            var pairs = p.Wishes.Select(w => (w.BuyerId, w.ProducerId)).ToHashSet();
            var accounted = plan.Meetings.Select(m => (m.BuyerId, m.ProducerId)).Concat(plan.Unplaced.Select(u => (u.BuyerId, u.ProducerId))).ToList();
            Assert.Equal(pairs.Count, accounted.Count);
            Assert.True(pairs.SetEquals(accounted));
            Assert.All(plan.Unplaced, u => Assert.NotEmpty(u.Reasons));
        }, iter: 40, threads: 1);
}
