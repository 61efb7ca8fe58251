using System.Collections.Immutable;
using System.Globalization;
using Google.OrTools.Sat;

namespace OcopFairs.Domain;

/// <summary>
/// The organiser's schedule-all as an exact model: CP-SAT maximises the total score of the placed wishes under the
/// same rules <see cref="Scheduling.Violations"/> checks. Greedy seeds it and stays the fallback, so a plan is never
/// worse than greedy's and a missing native library or solver failure costs quality, not the feature.
/// </summary>
public static class ScheduleSolver
{
    public const string MethodOptimal = "cp-sat-optimal", MethodFeasible = "cp-sat", MethodFallback = "greedy-fallback";

    /// <summary>
    /// Plans the usable wishes within <paramref name="timeLimit"/> on <paramref name="workers"/> threads (the machine is
    /// shared: keep workers small). Method says what the plan is: <see cref="MethodOptimal"/> when proven best,
    /// <see cref="MethodFeasible"/> when the time ran out (Bound is then the solver's proven upper bound), or
    /// <see cref="MethodFallback"/> when the solver gave nothing better than the greedy plan.
    /// </summary>
    public static SchedulePlan Solve(ScheduleProblem p, TimeSpan timeLimit, int workers = 2)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeLimit, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var greedy = Scheduling.Greedy(p);
        try
        {
            return SolveModel(p, timeLimit, workers, greedy) ?? greedy with { Method = MethodFallback };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The native library did not load (TypeInitializationException, DllNotFoundException) or the solver
            // refused the model: the greedy plan is still valid, and Method tells the caller it is all it got.
            return greedy with { Method = MethodFallback };
        }
    }

    private static SchedulePlan? SolveModel(ScheduleProblem p, TimeSpan timeLimit, int workers, SchedulePlan greedy)
    {
        var (usable, dropped) = Scheduling.Clean(p);
        var load = new Scheduling.Load(p); // kept meetings only
        var hinted = greedy.Meetings.Select(m => (m.BuyerId, m.ProducerId, m.Slot)).ToHashSet();

        var model = new CpModel();
        var vars = new List<(ScheduleWish Wish, int Slot, BoolVar X)>();
        var byWish = new List<BoolVar>[usable.Count];
        var byBuyerSlot = new Dictionary<(string, int), List<BoolVar>>();
        var byProducerSlot = new Dictionary<(string, int), List<BoolVar>>();
        var byBuyer = new Dictionary<string, List<BoolVar>>(StringComparer.Ordinal);
        for (var i = 0; i < usable.Count; i++)
        {
            var w = usable[i];
            byWish[i] = [];
            if (load.QuotaLeft(w.BuyerId) == 0) continue;
            for (var s = 0; s < p.SlotCount; s++)
            {
                if (!load.Fits(w.BuyerId, w.ProducerId, s)) continue; // availability, kept meetings, places left
                var x = model.NewBoolVar($"x{i}_{s}");
                vars.Add((w, s, x));
                byWish[i].Add(x);
                Bucket(byBuyerSlot, (w.BuyerId, s)).Add(x);
                Bucket(byProducerSlot, (w.ProducerId, s)).Add(x);
                Bucket(byBuyer, w.BuyerId).Add(x);
                model.AddHint(x, hinted.Contains((w.BuyerId, w.ProducerId, s)));
            }
        }

        if (vars.Count == 0)
        {
            // Nothing can be placed: greedy's empty plan is optimal, no need to wake the native solver.
            return greedy with { Bound = 0, Method = MethodOptimal };
        }

        foreach (var xs in byWish) if (xs.Count > 1) model.AddAtMostOne(xs);
        foreach (var xs in byBuyerSlot.Values) if (xs.Count > 1) model.AddAtMostOne(xs);
        foreach (var ((producer, slot), xs) in byProducerSlot)
        {
            var left = load.PlacesLeft(producer, slot);
            if (xs.Count > left) model.Add(LinearExpr.Sum(xs) <= left);
        }

        foreach (var (buyer, xs) in byBuyer)
        {
            var left = load.QuotaLeft(buyer);
            if (xs.Count > left) model.Add(LinearExpr.Sum(xs) <= left);
        }

        // No slot tie-break in the objective: one small enough never to outweigh a score point needs every score
        // multiplied by (variables × slots), and the greedy hint already starts from the earliest slots. Not measured
        // against the tie-break; the bench's gap (docs/PERFORMANCE.md) comes from the bound, not from symmetry.
        model.Maximize(LinearExpr.WeightedSum(vars.Select(v => v.X), vars.Select(v => (long)v.Wish.Score)));

        using var solver = new CpSolver();
        solver.StringParameters = string.Create(CultureInfo.InvariantCulture,
            $"max_time_in_seconds:{timeLimit.TotalSeconds:0.###} num_workers:{workers} random_seed:17 log_search_progress:false");
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) return null;

        var meetings = vars.Where(v => solver.BooleanValue(v.X))
            .Select(v => new PlannedMeeting(v.Wish.BuyerId, v.Wish.ProducerId, v.Slot, v.Wish.Score))
            .OrderBy(m => m.Slot).ThenBy(m => m.BuyerId, StringComparer.Ordinal).ThenBy(m => m.ProducerId, StringComparer.Ordinal)
            .ToImmutableArray();
        var objective = meetings.Sum(m => (long)m.Score);
        // A maximisation's bound is a real number ≥ every integer objective: its floor is still a bound.
        var bound = Math.Max(objective, (long)Math.Floor(solver.BestObjectiveBound + 1e-6));
        if (objective < greedy.Objective || Scheduling.Violations(p, meetings).Count > 0)
        {
            return greedy with { Bound = Math.Max(greedy.Objective, Math.Min(greedy.Bound, bound)), Method = MethodFallback };
        }

        foreach (var m in meetings) load.Add(m.BuyerId, m.ProducerId, m.Slot);
        var placed = meetings.Select(m => (m.BuyerId, m.ProducerId)).ToHashSet();
        var unplaced = dropped.Concat(usable.Where(w => !placed.Contains((w.BuyerId, w.ProducerId)))
            .Select(w => new UnplacedWish(w.BuyerId, w.ProducerId, w.Score, Scheduling.Why(p, load, w))));
        return new SchedulePlan(meetings, objective, bound, status == CpSolverStatus.Optimal ? MethodOptimal : MethodFeasible, [.. unplaced]);
    }

    private static List<BoolVar> Bucket<TKey>(Dictionary<TKey, List<BoolVar>> map, TKey key) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        return list;
    }
}
