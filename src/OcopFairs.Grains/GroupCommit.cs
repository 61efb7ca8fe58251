using Microsoft.Extensions.Logging;

namespace OcopFairs.Grains;

/// <summary>
/// Writes one floor's changes in group commits. A change is made to <see cref="LiveFloor"/> at once (so the next
/// decision sees it) and its caller waits for the next write: every change made while a write is under way goes out
/// together in the one after, as one <see cref="IFloorStore"/> save of what changed. A caller is answered only after a
/// write containing its change succeeded; callers are answered, and events published, in commit order. If a write
/// fails, every change not yet durable is undone, all their callers get the error, and <c>onFailed</c> runs (the grain
/// reloads).
/// <para>
/// Up to <c>writesInFlight</c> writes are under way at once: the next is sent while the one before is still being
/// written. Each builds on the write before it (the store keeps it only right after that one, and never when that one
/// failed). Runs on the grain's scheduler, one turn at a time, like the grain that owns it.
/// </para>
/// </summary>
public sealed partial class GroupCommit(
    LiveFloor floor,
    IFloorStore store,
    string fairId,
    int writesInFlight,
    Func<IReadOnlyList<LiveEvent>, Task> publish,
    Action onFailed,
    TimeProvider clock,
    ILogger logger)
{
    private readonly int _writesInFlight = Math.Max(1, writesInFlight);
    private readonly Queue<Write> _writing = new();
    private List<(TaskCompletionSource Done, IReadOnlyList<LiveEvent> Events)> _pending = [];

    /// <summary>The floor as the newest write sent brings it, and that write's id: the next write builds on them.</summary>
    private FloorLiveState _sent = new();
    private Guid? _sentWrite;

    /// <summary>Counts failed writes: a write sent before the last failure has had its callers failed already.</summary>
    private int _failures;
    private Task? _flusher;

    /// <summary>What is durable: the only state readers are shown.</summary>
    public FloorLiveState Committed { get; private set; } = new();

    /// <summary>Starts from the stored floor (after activation).</summary>
    public void Loaded(FloorLiveState stored)
    {
        Committed = stored;
        ResetToCommitted();
    }

    /// <summary>
    /// Makes <paramref name="next"/> the floor's state and waits until a write that contains it succeeded. Callers name
    /// the one booth and the one key they changed, if so (see <see cref="LiveFloor.Become"/>).
    /// </summary>
    public Task CommitAsync(FloorLiveState next, IReadOnlyList<LiveEvent> events, string? changedBooth = null, KeyedResult? addedKey = null)
    {
        floor.Become(next, changedBooth, addedKey);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending.Add((done, events));
        if (_flusher is null || _flusher.IsCompleted)
        {
            _flusher = FlushAsync();
        }

        return done.Task;
    }

    /// <summary>
    /// Waits until the booth's occupation, the key (if any) and the plan and rules as the floor has them now are
    /// durable: a repeat is answered from memory, which may hold a change still being written, and must never be told
    /// "done" about a change a failing write could still undo.
    /// </summary>
    public Task DurableAsync(string? boothCode = null, string? key = null)
    {
        var s = floor.State;
        var durable = ReferenceEquals(s.Plan, Committed.Plan) && s.Rules == Committed.Rules
            && (boothCode is null || Equals(s.Booths.GetValueOrDefault(boothCode), Committed.Booths.GetValueOrDefault(boothCode)))
            && (key is null || (!Committed.Keys.IsDefault && Committed.Keys.Any(k => k.Key == key)));
        return durable ? Task.CompletedTask : CommitAsync(s, []);
    }

    private async Task FlushAsync()
    {
        while (_pending.Count > 0)
        {
            // Let the calls already queued for this activation make their changes first, so they join this write rather
            // than wait for the next: without this, a write of one change often slipped in between two large ones.
            await Task.Yield();
            if (_writing.Count >= _writesInFlight)
            {
                // Every slot is taken: wait for the oldest write's answer (its completion never throws), gathering more.
                await _writing.Peek().Completed;
                continue;
            }

            if (_pending.Count == 0)
            {
                break;
            }

            var write = new Write(_pending, _failures);
            _pending = [];
            var written = floor.State;
            var delta = FloorDelta.Between(_sent, written, floor.TakeTouched());
            var started = clock.GetTimestamp();
            var save = delta.IsEmpty ? Task.CompletedTask : store.SaveAsync(fairId, _sent.Version, _sentWrite, delta);
            var writeId = delta.IsEmpty ? _sentWrite : delta.WriteId;
            _sent = written;
            _sentWrite = writeId;
            var previous = _writing.Count > 0 ? _writing.Last().Completed : Task.CompletedTask;
            _writing.Enqueue(write);
            write.Completed = CompleteAsync(write, previous, save, written with { WriteId = writeId }, started, delta.IsEmpty ? null : delta.Booths.Count);
        }
    }

    /// <summary>
    /// Waits for the write before this one to be answered, then for this one; makes it the committed state, publishes
    /// its events and answers its callers. Never throws: a failure undoes everything not written and fails its callers.
    /// <paramref name="booths"/> is null when nothing needed writing (callers waiting for earlier changes to be durable).
    /// </summary>
    private async Task CompleteAsync(Write write, Task previous, Task save, FloorLiveState written, long started, int? booths)
    {
        await previous;
        try
        {
            await save;
        }
        catch (Exception ex)
        {
            if (write.Failures == _failures)
            {
                Fail(ex);
            }

            return;
        }

        if (write.Failures != _failures)
        {
            return; // a write before this one failed, and this one's callers have their error
        }

        if (booths is { } count)
        {
            LogCommitted(logger, fairId, write.Batch.Count, count, clock.GetElapsedTime(started).TotalMilliseconds);
        }

        _writing.Dequeue();
        Committed = written;
        var events = write.Batch.SelectMany(b => b.Events).ToList();
        if (events.Count > 0)
        {
            await publish(events);
        }

        foreach (var (done, _) in write.Batch)
        {
            done.TrySetResult();
        }
    }

    /// <summary>
    /// Undoes every change that is not durable and fails its caller. The writes sent after the failed one cannot land:
    /// each builds on the one before.
    /// </summary>
    private void Fail(Exception ex)
    {
        _failures++;
        ResetToCommitted();
        foreach (var (done, _) in _writing.SelectMany(w => w.Batch).Concat(_pending))
        {
            done.TrySetException(ex);
        }

        _writing.Clear();
        _pending = [];
        LogWriteFailed(logger, ex, fairId);
        onFailed();
    }

    private void ResetToCommitted()
    {
        floor.Reset(Committed);
        _sent = Committed;
        _sentWrite = Committed.WriteId;
    }

    private sealed class Write(List<(TaskCompletionSource Done, IReadOnlyList<LiveEvent> Events)> batch, int failures)
    {
        public List<(TaskCompletionSource Done, IReadOnlyList<LiveEvent> Events)> Batch { get; } = batch;

        /// <summary>How many writes had failed when this one was sent.</summary>
        public int Failures { get; } = failures;

        public Task Completed { get; set; } = Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Fair {FairId}: a floor write failed; pending changes were undone")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string fairId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Floor {FairId}: group commit of {Calls} calls, {Booths} booths in {Ms:F1} ms")]
    private static partial void LogCommitted(ILogger logger, string fairId, int calls, int booths, double ms);
}
