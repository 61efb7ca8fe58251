using System.Collections.Immutable;

namespace OcopFairs.Domain;

/// <summary>A buyer–exhibitor pair someone wants to meet, and what the meeting is worth (the match score).</summary>
public sealed record ScheduleWish(string BuyerId, string ProducerId, int Score);

/// <summary>A meeting the plan must keep where it is (locked, accepted, or a live request).</summary>
public sealed record KeptMeeting(string BuyerId, string ProducerId, int Slot);

/// <summary>
/// The organiser's schedule-all problem over slot numbers 0..<see cref="SlotCount"/>-1: the wishes, the places each
/// exhibitor has per slot, the most meetings each buyer may have in all (kept ones included; absent: no limit), the
/// meetings kept, and the slots a buyer or exhibitor is not available in.
/// </summary>
public sealed record ScheduleProblem(
    int SlotCount,
    IReadOnlyList<ScheduleWish> Wishes,
    IReadOnlyDictionary<string, int> ProducerPlaces,
    IReadOnlyDictionary<string, int> BuyerQuota,
    IReadOnlyList<KeptMeeting> Kept,
    IReadOnlyDictionary<string, IReadOnlySet<int>> Unavailable)
{
    public int PlacesOf(string producerId) => ProducerPlaces.TryGetValue(producerId, out var n) ? n : 0;

    public bool Available(string party, int slot) => !Unavailable.TryGetValue(party, out var s) || !s.Contains(slot);
}

public sealed record PlannedMeeting(string BuyerId, string ProducerId, int Slot, int Score);

/// <summary>A wish the plan could not place, with stable reason codes.</summary>
public sealed record UnplacedWish(string BuyerId, string ProducerId, int Score, ImmutableArray<string> Reasons);

/// <summary>A plan: new meetings, their total score, the best total the method could prove possible, and what was left out.</summary>
public sealed record SchedulePlan(
    ImmutableArray<PlannedMeeting> Meetings, long Objective, long Bound, string Method, ImmutableArray<UnplacedWish> Unplaced);

/// <summary>
/// The pure parts of schedule-all: cleaning the wishes, the greedy plan (the fallback and the baseline for the
/// solver), the reasons a wish stays unplaced, and a checker every plan — greedy or solver-built — must pass.
/// </summary>
public static class Scheduling
{
    public const string ReasonNoPlaces = "schedule.noPlaces", ReasonAlreadyMeeting = "schedule.alreadyMeeting", ReasonBuyerQuota = "schedule.buyerQuota",
        ReasonNoCommonSlot = "schedule.noCommonSlot", ReasonDuplicate = "schedule.duplicate";

    /// <summary>
    /// The wishes a plan may place: one per pair (the best score), not between parties already meeting, and only for
    /// exhibitors with places. The rest come back as unplaced with their reason.
    /// </summary>
    public static (IReadOnlyList<ScheduleWish> Usable, IReadOnlyList<UnplacedWish> Dropped) Clean(ScheduleProblem p)
    {
        var kept = p.Kept.Select(k => (k.BuyerId, k.ProducerId)).ToHashSet();
        var usable = new List<ScheduleWish>();
        var dropped = new List<UnplacedWish>();
        var seen = new HashSet<(string, string)>();
        foreach (var w in p.Wishes.OrderByDescending(w => w.Score).ThenBy(w => w.BuyerId, StringComparer.Ordinal).ThenBy(w => w.ProducerId, StringComparer.Ordinal))
        {
            var reason = !seen.Add((w.BuyerId, w.ProducerId)) ? ReasonDuplicate
                : kept.Contains((w.BuyerId, w.ProducerId)) ? ReasonAlreadyMeeting
                : p.PlacesOf(w.ProducerId) <= 0 ? ReasonNoPlaces
                : null;
            if (reason is null) usable.Add(w);
            else if (reason != ReasonDuplicate) dropped.Add(new UnplacedWish(w.BuyerId, w.ProducerId, w.Score, [reason]));
        }

        return (usable, dropped);
    }

    /// <summary>
    /// Best score first, each wish in the earliest slot where the buyer is free and available, the exhibitor has a place
    /// and is available, and the buyer is under its quota.
    /// </summary>
    public static SchedulePlan Greedy(ScheduleProblem p)
    {
        var (usable, dropped) = Clean(p);
        var load = new Load(p);
        var placed = ImmutableArray.CreateBuilder<PlannedMeeting>();
        var unplaced = dropped.ToList();
        foreach (var w in usable)
        {
            var slot = -1;
            if (load.UnderQuota(w.BuyerId))
            {
                for (var s = 0; s < p.SlotCount && slot < 0; s++)
                {
                    if (load.Fits(w.BuyerId, w.ProducerId, s)) slot = s;
                }
            }

            if (slot < 0)
            {
                unplaced.Add(new UnplacedWish(w.BuyerId, w.ProducerId, w.Score, Why(p, load, w)));
                continue;
            }

            load.Add(w.BuyerId, w.ProducerId, slot);
            placed.Add(new PlannedMeeting(w.BuyerId, w.ProducerId, slot, w.Score));
        }

        var meetings = placed.ToImmutable();
        return new SchedulePlan(meetings, meetings.Sum(m => (long)m.Score), usable.Sum(w => (long)w.Score), "greedy", [.. unplaced]);
    }

    /// <summary>Why a wish found no slot in a plan with the given load.</summary>
    public static ImmutableArray<string> Why(ScheduleProblem p, Load load, ScheduleWish w) =>
        !load.UnderQuota(w.BuyerId) ? [ReasonBuyerQuota] : [ReasonNoCommonSlot];

    /// <summary>The rules a plan breaks (empty: none): a party twice in a slot, an exhibitor over its places, a buyer over quota, a wish invented or placed twice.</summary>
    public static IReadOnlyList<string> Violations(ScheduleProblem p, IEnumerable<PlannedMeeting> meetings)
    {
        var wishes = p.Wishes.Select(w => (w.BuyerId, w.ProducerId)).ToHashSet();
        var load = new Load(p);
        var pairs = new HashSet<(string, string)>();
        var problems = new List<string>();
        foreach (var m in meetings)
        {
            if (!wishes.Contains((m.BuyerId, m.ProducerId))) problems.Add($"not wished: {m.BuyerId}/{m.ProducerId}");
            if (!pairs.Add((m.BuyerId, m.ProducerId))) problems.Add($"placed twice: {m.BuyerId}/{m.ProducerId}");
            if (m.Slot < 0 || m.Slot >= p.SlotCount) problems.Add($"no such slot: {m.Slot}");
            else if (!load.Fits(m.BuyerId, m.ProducerId, m.Slot)) problems.Add($"does not fit: {m.BuyerId}/{m.ProducerId} in slot {m.Slot}");
            else if (!load.UnderQuota(m.BuyerId)) problems.Add($"over quota: {m.BuyerId}");
            load.Add(m.BuyerId, m.ProducerId, Math.Clamp(m.Slot, 0, Math.Max(0, p.SlotCount - 1)));
        }

        return problems;
    }

    /// <summary>Who is busy when, counting the kept meetings and those placed so far.</summary>
    public sealed class Load
    {
        private readonly ScheduleProblem _p;
        private readonly HashSet<(string, int)> _buyerBusy = [];
        private readonly Dictionary<(string, int), int> _producerUsed = [];
        private readonly Dictionary<string, int> _buyerCount = new(StringComparer.Ordinal);

        public Load(ScheduleProblem p)
        {
            _p = p;
            foreach (var k in p.Kept) Add(k.BuyerId, k.ProducerId, k.Slot);
        }

        public bool UnderQuota(string buyerId) =>
            !_p.BuyerQuota.TryGetValue(buyerId, out var quota) || _buyerCount.GetValueOrDefault(buyerId) < quota;

        public bool Fits(string buyerId, string producerId, int slot) =>
            !_buyerBusy.Contains((buyerId, slot)) && _producerUsed.GetValueOrDefault((producerId, slot)) < _p.PlacesOf(producerId)
            && _p.Available(buyerId, slot) && _p.Available(producerId, slot);

        public void Add(string buyerId, string producerId, int slot)
        {
            _buyerBusy.Add((buyerId, slot));
            _producerUsed[(producerId, slot)] = _producerUsed.GetValueOrDefault((producerId, slot)) + 1;
            _buyerCount[buyerId] = _buyerCount.GetValueOrDefault(buyerId) + 1;
        }

        /// <summary>The buyer's meetings left under its quota (int.MaxValue: no limit).</summary>
        public int QuotaLeft(string buyerId) =>
            _p.BuyerQuota.TryGetValue(buyerId, out var quota) ? Math.Max(0, quota - _buyerCount.GetValueOrDefault(buyerId)) : int.MaxValue;

        public bool BuyerBusy(string buyerId, int slot) => _buyerBusy.Contains((buyerId, slot));

        public int PlacesLeft(string producerId, int slot) => Math.Max(0, _p.PlacesOf(producerId) - _producerUsed.GetValueOrDefault((producerId, slot)));
    }
}
