using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Grains.Tests;

/// <summary>
/// The floor store for grain tests: applies each delta to a stored copy with the same fence as the server's PostgreSQL
/// store (a save follows the very write it builds on, and waits for it when it overtook it), and lets a test hold back
/// or fail a fair's writes (<see cref="FloorWriteGates"/>). The PostgreSQL store itself is tested by the server tests
/// (restart, SIGKILL, two nodes).
/// </summary>
public sealed class InMemoryFloorStore(FloorWriteGates gates) : IFloorStore
{
    /// <summary>How long a save waits for the write it builds on (the server's store: 10 s).</summary>
    public static readonly TimeSpan WaitForPrevious = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, FloorLiveState> _floors = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<FloorLiveState?> LoadAsync(string fairId, int backlog, int keys)
    {
        FloorLiveState? s;
        lock (_floors)
        {
            _floors.TryGetValue(fairId, out s);
        }

        if (s is null)
        {
            return Task.FromResult<FloorLiveState?>(null);
        }

        return Task.FromResult<FloorLiveState?>(s with
        {
            Backlog = [.. s.Backlog.TakeLast(backlog)],
            Keys = [.. s.Keys.TakeLast(keys)],
        });
    }

    public async Task SaveAsync(string fairId, long expectedVersion, Guid? expectedWrite, FloorDelta delta)
    {
        await gates.BeforeWriteAsync(fairId);
        var deadline = DateTime.UtcNow + WaitForPrevious;
        while (true)
        {
            Task changed;
            lock (_floors)
            {
                var current = _floors.GetValueOrDefault(fairId) ?? new FloorLiveState();
                if (current.Version == expectedVersion && current.WriteId == expectedWrite)
                {
                    _floors[fairId] = Apply(current, delta);
                    _changed.TrySetResult();
                    _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    return;
                }

                // As the server's fence: a save that overtook the write it builds on waits for it; one whose write
                // never landed fails.
                if (current.Version >= expectedVersion || DateTime.UtcNow >= deadline)
                {
                    throw new InvalidOperationException(
                        $"Floor {fairId} is at version {current.Version} (write {current.WriteId}), not {expectedVersion} (write {expectedWrite}).");
                }

                changed = _changed.Task;
            }

            // The deadline may pass between the check above and here: Task.Delay refuses a negative wait.
            var left = deadline - DateTime.UtcNow;
            await Task.WhenAny(changed, Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero));
        }
    }

    private static FloorLiveState Apply(FloorLiveState current, FloorDelta delta)
    {
        var booths = current.Booths;
        foreach (var (code, slot) in delta.Booths)
        {
            booths = slot is null ? booths.Remove(code) : booths.SetItem(code, slot);
        }

        return current with
        {
            Version = delta.Version,
            Booths = booths,
            Backlog = current.Backlog.AddRange(delta.Events),
            Keys = current.Keys.AddRange(delta.Keys),
            WriteId = delta.WriteId,
            Plan = delta.Plan ?? current.Plan,
            Rules = delta.Rules ?? current.Rules,
        };
    }
}
