using System.Collections.Immutable;

namespace OcopFairs.Grains;

/// <summary>
/// The floor's bounded memories, as pure functions of its state: the newest events, which a reconnecting client
/// catches up from, and the newest Idempotency-Keys with what they answered.
/// </summary>
public static class FloorBacklog
{
    /// <summary>How many events a reconnecting client can catch up on before it gets a snapshot instead.</summary>
    public const int Size = 256;

    /// <summary>How many Idempotency-Keys are remembered.</summary>
    public const int KeyMemory = 512;

    /// <summary>The state one version on, by <paramref name="events"/> (oldest first), remembering <paramref name="keyed"/> if given.</summary>
    public static FloorLiveState Append(FloorLiveState s, IReadOnlyList<LiveEvent> events, KeyedResult? keyed = null)
    {
        var backlog = s.Backlog;
        foreach (var e in events)
        {
            backlog = AddBounded(backlog, e, Size);
        }

        return s with
        {
            Version = events.Count > 0 ? events[^1].Version : s.Version,
            Backlog = backlog,
            Keys = keyed is null ? s.Keys : AddBounded(s.Keys, keyed, KeyMemory),
        };
    }

    /// <summary>The state with <paramref name="keyed"/> remembered and nothing else changed (a repeat under a new key).</summary>
    public static FloorLiveState Remember(FloorLiveState s, KeyedResult keyed) => s with { Keys = AddBounded(s.Keys, keyed, KeyMemory) };

    /// <summary>The events after <paramref name="sinceVersion"/>, or null when the backlog no longer reaches back to it.</summary>
    public static ImmutableArray<LiveEvent>? Since(FloorLiveState s, long sinceVersion)
    {
        if (sinceVersion >= s.Version)
        {
            return [];
        }

        var oldest = s.Backlog.IsDefaultOrEmpty ? long.MaxValue : s.Backlog[0].Version;
        return sinceVersion >= 0 && sinceVersion + 1 >= oldest ? [.. s.Backlog.Where(e => e.Version > sinceVersion)] : null;
    }

    /// <summary>
    /// <paramref name="items"/> with <paramref name="item"/> at the end and at most <paramref name="max"/> long, the
    /// oldest dropping out at the front, in one new array (a hold appends to both the backlog and the keys).
    /// </summary>
    public static ImmutableArray<T> AddBounded<T>(ImmutableArray<T> items, T item, int max)
    {
        items = items.IsDefault ? [] : items;
        if (items.Length < max)
        {
            return items.Add(item);
        }

        var next = ImmutableArray.CreateBuilder<T>(max);
        next.AddRange(items.AsSpan()[(items.Length - max + 1)..]);
        next.Add(item);
        return next.MoveToImmutable();
    }
}
