using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Domain;

/// <summary>
/// Automatic booth allocation for fairs in Organiser mode. Deterministic: the same input gives the same output.
/// <list type="number">
/// <item>Booths already held, confirmed or blocked stay as they are (manual assignments are locked and kept).</item>
/// <item>Only approved exhibitors that are not placed yet take part; each gets at most one booth here.</item>
/// <item>A booth is compatible when its zone accepts one of the exhibitor's product groups.</item>
/// <item>Fair across districts: each district first receives its share of the free booths, proportional to its
/// exhibitors (largest remainder, ties by district name), taken in turns; only then do remaining booths go to
/// remaining exhibitors, by priority.</item>
/// <item>Priority: stars (5 before 4 before 3), then earlier application, then producer id.</item>
/// <item>Within what is compatible: preferred zone, then preferred booth type, then booth code.</item>
/// </list>
/// Every assignment and every unplaced exhibitor carries reasons.
/// </summary>
public static class Allocation
{
    public sealed record Booth(string Code, string Zone, BoothType Type, IReadOnlyList<ProductGroup> ZoneGroups);

    public sealed record Exhibitor(
        string ProducerId,
        string District,
        int Stars,
        IReadOnlyList<ProductGroup> Groups,
        IReadOnlyList<string> PreferredZones,
        IReadOnlyList<BoothType> PreferredTypes,
        DateTimeOffset AppliedAt);

    /// <summary>A reason code with its values; the server turns it into Vietnamese or English.</summary>
    public sealed record Reason(string Code, IReadOnlyList<string> Args)
    {
        public override string ToString() => $"{Code}({string.Join(",", Args)})";
    }

    public sealed record Assignment(string BoothCode, string ProducerId, IReadOnlyList<Reason> Reasons);

    public sealed record Unplaced(string ProducerId, IReadOnlyList<Reason> Reasons);

    public sealed record Result(IReadOnlyList<Assignment> Assignments, IReadOnlyList<Unplaced> Unplaced, IReadOnlyDictionary<string, int> DistrictShares);

    public static Result Allocate(IReadOnlyList<Booth> freeBooths, IReadOnlyList<Exhibitor> exhibitors)
    {
        var free = freeBooths.OrderBy(b => b.Code, StringComparer.Ordinal).ToList();
        var queue = exhibitors
            .OrderByDescending(e => e.Stars).ThenBy(e => e.AppliedAt).ThenBy(e => e.ProducerId, StringComparer.Ordinal)
            .ToList();
        var shares = Shares(free.Count, queue);
        var byDistrict = queue.GroupBy(e => DistrictKey(e.District))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<Exhibitor>(g), StringComparer.Ordinal);
        var given = byDistrict.Keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        var assignments = new List<Assignment>();
        var unplaced = new Dictionary<string, Unplaced>(StringComparer.Ordinal);

        // Round 1: districts take turns, each up to its share.
        var progress = true;
        while (progress)
        {
            progress = false;
            foreach (var (district, waiting) in byDistrict)
            {
                if (given[district] >= shares[district] || waiting.Count == 0)
                {
                    continue;
                }

                var exhibitor = waiting.Dequeue();
                progress = true;
                if (TryPlace(exhibitor, free, out var booth, out var placeReasons))
                {
                    given[district]++;
                    assignments.Add(new Assignment(booth.Code, exhibitor.ProducerId,
                        [new Reason("stars", [exhibitor.Stars.ToString()]), new Reason("districtShare", [exhibitor.District, given[district].ToString(), shares[district].ToString()]), .. placeReasons]));
                }
                else
                {
                    unplaced[exhibitor.ProducerId] = new Unplaced(exhibitor.ProducerId, [new Reason("noCompatibleBooth", [string.Join("+", exhibitor.Groups)])]);
                }
            }
        }

        // Round 2: booths left after every district had its share go by priority alone.
        foreach (var exhibitor in byDistrict.Values.SelectMany(q => q)
                     .OrderByDescending(e => e.Stars).ThenBy(e => e.AppliedAt).ThenBy(e => e.ProducerId, StringComparer.Ordinal))
        {
            if (TryPlace(exhibitor, free, out var booth, out var placeReasons))
            {
                assignments.Add(new Assignment(booth.Code, exhibitor.ProducerId,
                    [new Reason("stars", [exhibitor.Stars.ToString()]), new Reason("afterShares", [exhibitor.District]), .. placeReasons]));
            }
            else
            {
                unplaced[exhibitor.ProducerId] = new Unplaced(exhibitor.ProducerId, free.Count == 0
                    ? [new Reason("noBoothLeft", [exhibitor.District, shares[DistrictKey(exhibitor.District)].ToString()])]
                    : [new Reason("noCompatibleBooth", [string.Join("+", exhibitor.Groups)])]);
            }
        }

        return new Result(
            assignments,
            [.. unplaced.Values.OrderBy(u => u.ProducerId, StringComparer.Ordinal)],
            shares);
    }

    /// <summary>
    /// The allocation of a floor: its free booths (planned and not occupied) to the candidates that are approved
    /// exhibitors and not yet placed (anyone holding or confirmed on a booth keeps it; the rest are not candidates).
    /// Candidates not approved are left unplaced with that reason.
    /// </summary>
    public static AllocationOutcome ForFloor(
        FloorPlan plan, IReadOnlyDictionary<string, BoothSlot> occupation, IReadOnlyList<AllocationCandidate> candidates, bool dryRun)
    {
        var zones = (plan.Zones.IsDefault ? [] : plan.Zones).ToDictionary(z => z.Code, z => (IReadOnlyList<ProductGroup>)[.. z.Groups], StringComparer.Ordinal);
        var free = (plan.Booths.IsDefault ? [] : plan.Booths).Where(b => !occupation.ContainsKey(b.Code))
            .Select(b => new Booth(b.Code, b.Zone, b.Type, zones.GetValueOrDefault(b.Zone) ?? []))
            .ToList();
        var placed = occupation.Values.Where(s => s.ProducerId is not null).Select(s => s.ProducerId!).ToHashSet(StringComparer.Ordinal);
        var waiting = candidates.Where(c => !placed.Contains(c.Holder.ProducerId)).DistinctBy(c => c.Holder.ProducerId).ToList();
        var refused = waiting.Where(c => BoothRules.ApprovedExhibitor(c.Holder) is not null).ToList();
        var exhibitors = waiting.Except(refused).Select(c => new Exhibitor(
            c.Holder.ProducerId, c.District, c.Stars, [.. c.Holder.Groups.IsDefault ? [] : c.Holder.Groups],
            c.PreferredZones.IsDefault ? [] : c.PreferredZones, c.PreferredTypes.IsDefault ? [] : c.PreferredTypes, c.AppliedAt)).ToList();

        var result = Allocate(free, exhibitors);
        static ImmutableArray<ReasonCode> Codes(IEnumerable<Reason> reasons) => [.. reasons.Select(r => new ReasonCode(r.Code, [.. r.Args]))];
        return new AllocationOutcome(
            dryRun,
            [.. result.Assignments.Select(a => new AllocationPlacement(a.BoothCode, a.ProducerId, Codes(a.Reasons)))],
            [.. result.Unplaced.Select(u => new AllocationMiss(u.ProducerId, Codes(u.Reasons))),
             .. refused.Select(c => new AllocationMiss(c.Holder.ProducerId, [new ReasonCode("notApproved", [])]))],
            result.DistrictShares.ToImmutableDictionary(StringComparer.Ordinal));
    }

    /// <summary>Each district's share of <paramref name="booths"/>, proportional to its exhibitors, by largest remainder.</summary>
    public static Dictionary<string, int> Shares(int booths, IReadOnlyList<Exhibitor> exhibitors)
    {
        var counts = exhibitors.GroupBy(e => DistrictKey(e.District)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var total = counts.Values.Sum();
        var shares = counts.ToDictionary(c => c.Key, _ => 0, StringComparer.Ordinal);
        if (total == 0 || booths == 0)
        {
            return shares;
        }

        var quota = Math.Min(booths, total);
        var exact = counts.ToDictionary(c => c.Key, c => (double)quota * c.Value / total, StringComparer.Ordinal);
        foreach (var (district, value) in exact)
        {
            shares[district] = (int)Math.Floor(value);
        }

        var left = quota - shares.Values.Sum();
        foreach (var district in exact.OrderByDescending(e => e.Value - Math.Floor(e.Value)).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key))
        {
            if (left == 0) break;
            shares[district]++;
            left--;
        }

        return shares;
    }

    private static string DistrictKey(string district) => VietnameseText.Fold(district);

    private static bool TryPlace(Exhibitor e, List<Booth> free, out Booth booth, out List<Reason> reasons)
    {
        var compatible = free.Where(b => b.ZoneGroups.Intersect(e.Groups).Any()).ToList();
        reasons = [];
        if (compatible.Count == 0)
        {
            booth = null!;
            return false;
        }

        booth = compatible
            .OrderByDescending(b => e.PreferredZones.Contains(b.Zone))
            .ThenByDescending(b => e.PreferredTypes.Contains(b.Type))
            .ThenBy(b => b.Code, StringComparer.Ordinal)
            .First();
        free.Remove(booth);
        reasons.Add(new Reason("zoneGroup", [booth.Zone, string.Join("+", booth.ZoneGroups.Intersect(e.Groups))]));
        if (e.PreferredZones.Count > 0)
            reasons.Add(new Reason(e.PreferredZones.Contains(booth.Zone) ? "preferredZone" : "preferredZoneUnavailable", [string.Join("+", e.PreferredZones)]));
        if (e.PreferredTypes.Count > 0)
            reasons.Add(new Reason(e.PreferredTypes.Contains(booth.Type) ? "preferredType" : "preferredTypeUnavailable", [string.Join("+", e.PreferredTypes)]));
        return true;
    }
}
