using System.Diagnostics;
using OcopFairs.Domain;

namespace OcopFairs.Bench;

/// <summary>
/// The organiser's schedule-all, in process (the solver is a pure Domain function): a hosted-buyer session of 300
/// buyers, 200 exhibitors and 16 slots with 2,000 wishes, planned by greedy (the baseline) and by CP-SAT under a time
/// limit. Popular exhibitors are asked far beyond their places, which is where the order of placing matters.
/// </summary>
public static class ScheduleBench
{
    /// <summary>Buyer kinds as organisers count them (DOMAIN.md), with the most meetings each may have (null: no limit).</summary>
    private static readonly (string Kind, int? Quota)[] Kinds =
        [("retail", 10), ("exporter", 8), ("restaurant", 6), ("hotel", 6), ("caterer", null), ("canteen", null)];

    public static int Run(int buyers, int exhibitors, int slots, int wishes, double limitSeconds, int workers, int seed)
    {
        var p = BuildProblem(buyers, exhibitors, slots, wishes, seed);
        var asked = p.Wishes.GroupBy(w => w.ProducerId).ToDictionary(g => g.Key, g => g.Count());
        var overAsked = asked.Count(a => a.Value > p.PlacesOf(a.Key) * slots);
        Console.WriteLine($"problem: {buyers} buyers x {exhibitors} exhibitors x {slots} slots, {p.Wishes.Count} wishes (scores 30-100), "
                          + $"{p.ProducerPlaces.Values.Sum()} places per slot, {p.BuyerQuota.Count} buyers with quotas, {p.Kept.Count} kept meetings, "
                          + $"{p.Unavailable.Values.Sum(s => s.Count)} unavailable party-slots; {overAsked} exhibitors asked beyond all their places "
                          + $"(most asked: {asked.Values.Max()} wishes)");

        // Warm up the JIT and load the native library on a small problem, so the timed runs measure planning.
        ScheduleSolver.Solve(BuildProblem(20, 10, 4, 60, seed + 1), TimeSpan.FromSeconds(1), workers);

        var (greedy, greedyWall, greedyCpu) = Timed(() => Scheduling.Greedy(p));
        var (solved, solverWall, solverCpu) = Timed(() => ScheduleSolver.Solve(p, TimeSpan.FromSeconds(limitSeconds), workers));

        var greedyOk = Scheduling.Violations(p, greedy.Meetings).Count == 0;
        var solvedOk = Scheduling.Violations(p, solved.Meetings).Count == 0;
        var gap = solved.Bound == 0 ? 0 : 100.0 * (solved.Bound - solved.Objective) / solved.Bound;
        Console.WriteLine();
        Console.WriteLine($"greedy : {greedy.Meetings.Length} meetings placed, total score {greedy.Objective}, "
                          + $"{greedyWall.TotalMilliseconds:F1} ms wall, {greedyCpu.TotalMilliseconds:F0} ms CPU, rules kept: {(greedyOk ? "yes" : "NO")}");
        Console.WriteLine($"cp-sat : {solved.Meetings.Length} meetings placed, objective {solved.Objective}, bound {solved.Bound}, gap {gap:F2} %, "
                          + $"method {solved.Method}, {solverWall.TotalSeconds:F2} s wall, {solverCpu.TotalSeconds:F2} s CPU "
                          + $"(limit {limitSeconds} s, {workers} workers; greedy plan included), rules kept: {(solvedOk ? "yes" : "NO")}");
        Console.WriteLine($"         +{solved.Objective - greedy.Objective} score ({100.0 * (solved.Objective - greedy.Objective) / Math.Max(1, greedy.Objective):F2} %) "
                          + $"and {solved.Meetings.Length - greedy.Meetings.Length:+0;-0;0} meetings over greedy; unplaced wishes: "
                          + string.Join(", ", solved.Unplaced.SelectMany(u => u.Reasons).GroupBy(r => r).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        var goal = solverWall.TotalSeconds <= limitSeconds + 1 && gap <= 2 && solved.Method.StartsWith("cp-sat", StringComparison.Ordinal);
        Console.WriteLine($"  goal: within {limitSeconds} s and objective within 2 % of bound: {(goal ? "met" : "MISSED")}");
        return greedyOk && solvedOk ? 0 : 1;
    }

    private static (T Result, TimeSpan Wall, TimeSpan Cpu) Timed<T>(Func<T> run)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var result = run();
        sw.Stop();
        self.Refresh();
        return (result, sw.Elapsed, self.TotalProcessorTime - cpu);
    }

    /// <summary>
    /// A deterministic session: exhibitors' popularity follows a Zipf curve (the first few are wished by a large share of
    /// buyers) and popular exhibitors score higher; 1-2 places each; quotas by buyer kind; about 5 % of wishes already
    /// kept as meetings; a few parties away for a slot or three.
    /// </summary>
    public static ScheduleProblem BuildProblem(int buyers, int exhibitors, int slots, int wishCount, int seed)
    {
        var rng = new Random(seed);
        var weights = Enumerable.Range(0, exhibitors).Select(j => 1.0 / (j + 1)).ToArray();
        var cumulative = new double[exhibitors];
        var total = 0.0;
        for (var j = 0; j < exhibitors; j++) cumulative[j] = total += weights[j];

        var places = Enumerable.Range(0, exhibitors).ToDictionary(j => $"p{j:000}", _ => 1 + rng.Next(2));
        var seen = new HashSet<(int, int)>();
        var wishes = new List<ScheduleWish>();
        while (wishes.Count < wishCount && seen.Count < buyers * exhibitors)
        {
            var b = rng.Next(buyers);
            var j = Array.BinarySearch(cumulative, rng.NextDouble() * total);
            j = Math.Min(exhibitors - 1, j < 0 ? ~j : j);
            if (!seen.Add((b, j))) continue;
            // 30-100: a match score (0-50) plus up to 20 for the exhibitor's popularity.
            var popularity = 20.0 * (1 - (Math.Log(j + 1) / Math.Log(exhibitors)));
            wishes.Add(new ScheduleWish($"b{b:000}", $"p{j:000}", Math.Clamp(30 + rng.Next(51) + (int)popularity, 30, 100)));
        }

        var unavailable = new Dictionary<string, HashSet<int>>();
        foreach (var (party, n) in Enumerable.Range(0, buyers / 15).Select(_ => ($"b{rng.Next(buyers):000}", 1 + rng.Next(3)))
                     .Concat(Enumerable.Range(0, exhibitors / 20).Select(_ => ($"p{rng.Next(exhibitors):000}", 1 + rng.Next(2)))))
        {
            if (!unavailable.TryGetValue(party, out var set)) unavailable[party] = set = [];
            for (var k = 0; k < n; k++) set.Add(rng.Next(slots));
        }

        var problem = new ScheduleProblem(slots, wishes, places, new Dictionary<string, int>(), [],
            unavailable.ToDictionary(e => e.Key, e => (IReadOnlySet<int>)e.Value));

        // About 5 % of the wishes are already meetings (accepted requests), each where it fits.
        var load = new Scheduling.Load(problem);
        var kept = new List<KeptMeeting>();
        foreach (var w in wishes.Where(_ => rng.NextDouble() < 0.05))
        {
            var start = rng.Next(slots);
            for (var k = 0; k < slots; k++)
            {
                var s = (start + k) % slots;
                if (!load.Fits(w.BuyerId, w.ProducerId, s)) continue;
                load.Add(w.BuyerId, w.ProducerId, s);
                kept.Add(new KeptMeeting(w.BuyerId, w.ProducerId, s));
                break;
            }
        }

        var quota = new Dictionary<string, int>();
        for (var b = 0; b < buyers; b++)
        {
            var id = $"b{b:000}";
            if (Kinds[b % Kinds.Length].Quota is { } q) quota[id] = Math.Max(q, kept.Count(k => k.BuyerId == id));
        }

        return problem with { BuyerQuota = quota, Kept = kept };
    }
}
