using System.Collections.Concurrent;
using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Grains.Tests;

/// <summary>
/// Stand-in for the server's deal store and events in grain tests: the same revision guard as the PostgreSQL store,
/// the events recorded, and deals whose id starts with <c>d-fail-events</c> get events that throw (a board that is down).
/// </summary>
public sealed class InMemoryDeals : IDealStore, IDealEvents
{
    public static readonly InMemoryDeals Instance = new();

    private readonly object _gate = new();
    private readonly Dictionary<string, (Deal Deal, DealBoardEntry Board, ImmutableSortedDictionary<int, DealVersion> Versions)> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), Deal> _keys = [];

    public ConcurrentQueue<(Deal Deal, DealBoardEntry Entry, DealAnnouncement? Signed)> Events { get; } = new();

    public (Deal Deal, DealBoardEntry Board)? Row(string dealId)
    {
        lock (_gate) return _rows.TryGetValue(dealId, out var row) ? (row.Deal, row.Board) : null;
    }

    /// <summary>Moves a stored deal on behind the grain's back (another writer), so the grain's next save is stale.</summary>
    public void Bump(string dealId)
    {
        lock (_gate)
        {
            var row = _rows[dealId];
            _rows[dealId] = row with { Deal = row.Deal with { Revision = row.Deal.Revision + 1 } };
        }
    }

    public Task<(Deal? Deal, ImmutableArray<DealVersion> Versions)> LoadAsync(string dealId)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.TryGetValue(dealId, out var row) ? ((Deal?)row.Deal, row.Versions.Values.ToImmutableArray()) : (null, []));
        }
    }

    public Task<Deal?> KeyedAsync(string dealId, string key)
    {
        lock (_gate) return Task.FromResult(_keys.TryGetValue((dealId, key), out var deal) ? deal : null);
    }

    public Task SaveAsync(Deal deal, DealBoardEntry board, long expectedRevision, DealVersion version, string? idempotencyKey)
    {
        lock (_gate)
        {
            var stored = _rows.TryGetValue(deal.DealId, out var row) ? row.Deal.Revision : 0;
            if (stored != expectedRevision) throw new InvalidOperationException($"Deal {deal.DealId} is stored at revision {stored}, not {expectedRevision}.");
            if (idempotencyKey is not null && !_keys.TryAdd((deal.DealId, idempotencyKey), deal)) throw new InvalidOperationException("The key is taken.");
            var versions = (row.Versions ?? ImmutableSortedDictionary<int, DealVersion>.Empty).SetItem(version.Version, version);
            _rows[deal.DealId] = (deal, board, versions);
        }

        return Task.CompletedTask;
    }

    public Task ChangedAsync(Deal deal, DealBoardEntry entry, DealAnnouncement? signed)
    {
        Events.Enqueue((deal, entry, signed));
        if (deal.DealId.StartsWith("d-fail-events", StringComparison.Ordinal)) throw new InvalidOperationException("The board is down.");
        return Task.CompletedTask;
    }
}
