using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Grains;

/// <summary>
/// The floor as its grain decides on it: the newest state, written or not, with what each decision looks up kept in
/// step with every change — booths and zones by code, each producer's booth count, the remembered keys — so a hold
/// scans neither the floor nor the keys. Also tracks which booths changed since the last write was built.
/// </summary>
public sealed class LiveFloor
{
    private readonly Dictionary<string, int> _boothsOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KeyedResult> _keys = new(StringComparer.Ordinal);
    private Dictionary<string, BoothSpec> _specs = new(StringComparer.Ordinal);
    private Dictionary<string, Zone> _zones = new(StringComparer.Ordinal);

    /// <summary>Booths changed since <see cref="TakeTouched"/>; null when a change did not name them (every booth counts).</summary>
    private HashSet<string>? _touched = new(StringComparer.Ordinal);

    public FloorLiveState State { get; private set; } = new();

    /// <summary>What the booth rules need to decide about <paramref name="code"/> for <paramref name="producerId"/>.</summary>
    public BoothFacts Facts(string code, string? producerId = null)
    {
        var spec = Spec(code);
        return new BoothFacts(
            State.Rules, spec, spec is null ? null : _zones.GetValueOrDefault(spec.Zone), Slot(code),
            producerId is null ? 0 : BoothsOf(producerId));
    }

    public BoothSpec? Spec(string code) => _specs.GetValueOrDefault(code);

    public BoothSlot Slot(string code) => State.Booths.GetValueOrDefault(code) ?? BoothSlot.Free;

    public int BoothsOf(string producerId) => _boothsOf.GetValueOrDefault(producerId);

    public KeyedResult? Remembered(string? key) => key is not null && _keys.TryGetValue(key, out var found) ? found : null;

    /// <summary>
    /// Makes <paramref name="next"/> the state. Callers name the one booth and the one key they changed, if so, which
    /// keeps the lookups current without a rebuild; a plan change re-indexes the booths and zones.
    /// </summary>
    public void Become(FloorLiveState next, string? changedBooth = null, KeyedResult? addedKey = null)
    {
        var previous = State;
        State = next;
        if (!ReferenceEquals(previous.Plan, next.Plan))
        {
            IndexPlan();
        }

        if (!ReferenceEquals(previous.Booths, next.Booths))
        {
            if (changedBooth is not null)
            {
                Count(previous.Booths.GetValueOrDefault(changedBooth), -1);
                Count(next.Booths.GetValueOrDefault(changedBooth), +1);
                _touched?.Add(changedBooth);
            }
            else
            {
                CountAll();
                _touched = null;
            }
        }

        var before = previous.Keys.IsDefault ? [] : previous.Keys;
        var after = next.Keys.IsDefault ? [] : next.Keys;
        if (before == after)
        {
            return;
        }

        if (addedKey is not null && after.Length > 0 && ReferenceEquals(after[^1], addedKey))
        {
            if (before.Length > 0 && !ReferenceEquals(after[0], before[0]))
            {
                _keys.Remove(before[0].Key);
            }

            _keys[addedKey.Key] = addedKey;
        }
        else
        {
            IndexKeys();
        }
    }

    /// <summary>Goes to <paramref name="state"/> as loaded or last written, rebuilding every lookup; nothing is touched.</summary>
    public void Reset(FloorLiveState state)
    {
        State = state;
        _touched = new(StringComparer.Ordinal);
        IndexPlan();
        CountAll();
        IndexKeys();
    }

    /// <summary>The booths changed since the last call (null: compare them all), and a fresh start for the next write.</summary>
    public HashSet<string>? TakeTouched()
    {
        var touched = _touched;
        _touched = new(StringComparer.Ordinal);
        return touched;
    }

    private void IndexPlan()
    {
        var plan = State.Plan;
        _specs = (plan.Booths.IsDefault ? [] : plan.Booths).ToDictionary(b => b.Code, StringComparer.Ordinal);
        _zones = (plan.Zones.IsDefault ? [] : plan.Zones).ToDictionary(z => z.Code, StringComparer.Ordinal);
    }

    private void CountAll()
    {
        _boothsOf.Clear();
        foreach (var slot in State.Booths.Values)
        {
            Count(slot, +1);
        }
    }

    private void IndexKeys()
    {
        _keys.Clear();
        foreach (var keyed in State.Keys.IsDefault ? [] : State.Keys)
        {
            _keys[keyed.Key] = keyed;
        }
    }

    private void Count(BoothSlot? slot, int by)
    {
        if (slot?.ProducerId is not { } producer)
        {
            return;
        }

        var count = _boothsOf.GetValueOrDefault(producer) + by;
        if (count > 0) _boothsOf[producer] = count;
        else _boothsOf.Remove(producer);
    }
}
