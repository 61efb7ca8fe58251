using System.Collections.Concurrent;
using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Grains.Tests;

/// <summary>
/// The floor store for grain tests: applies each delta to a stored copy with the same version fence as the server's
/// PostgreSQL store, and lets a test hold back or fail a fair's writes (<see cref="FloorWriteGates"/>). The
/// PostgreSQL store itself is tested by the server tests (restart, SIGKILL, two nodes).
/// </summary>
public sealed class InMemoryFloorStore(FloorWriteGates gates) : IFloorStore
{
    private readonly ConcurrentDictionary<string, FloorLiveState> _floors = new();

    public Task<FloorLiveState?> LoadAsync(string fairId, int backlog, int keys)
    {
        if (!_floors.TryGetValue(fairId, out var s))
        {
            return Task.FromResult<FloorLiveState?>(null);
        }

        return Task.FromResult<FloorLiveState?>(s with
        {
            Backlog = [.. s.Backlog.TakeLast(backlog)],
            Keys = [.. s.Keys.TakeLast(keys)],
        });
    }

    public async Task SaveAsync(string fairId, long expectedVersion, FloorDelta delta)
    {
        await gates.BeforeWriteAsync(fairId);
        var current = _floors.GetValueOrDefault(fairId) ?? new FloorLiveState();
        if (current.Version != expectedVersion)
        {
            throw new InvalidOperationException($"Floor {fairId} is at version {current.Version}, not {expectedVersion}.");
        }

        var booths = current.Booths;
        foreach (var (code, slot) in delta.Booths)
        {
            booths = slot is null ? booths.Remove(code) : booths.SetItem(code, slot);
        }

        var next = current with
        {
            Version = delta.Version,
            Booths = booths,
            Backlog = current.Backlog.AddRange(delta.Events),
            Keys = current.Keys.AddRange(delta.Keys),
        };
        if (!_floors.TryUpdate(fairId, next, current) && !_floors.TryAdd(fairId, next))
        {
            throw new InvalidOperationException($"Floor {fairId} was written concurrently.");
        }
    }
}
