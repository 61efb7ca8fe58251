using System.Collections.Concurrent;
using OcopFairs.Abstractions;

namespace OcopFairs.Server.Live;

/// <summary>
/// Paces each fair's pushes to at most one per <c>interval</c>. Events go out at once when the fair's last push is at
/// least an interval old; otherwise they wait for the interval to end, together with whatever else comes meanwhile,
/// and go out as one push. At a quiet fair nothing waits. Under a booth rush a watcher gets one message per interval
/// instead of one per group commit: every message costs the server a write per connection and each phone a wake-up,
/// whatever its size. Events keep their order: a fair's pushes never overlap and each takes everything that waited.
/// </summary>
public sealed class FairEventPacer(TimeSpan interval, TimeProvider clock, Action<string, IReadOnlyList<FairEvent>> push)
{
    private sealed class Fair
    {
        public List<FairEvent> Waiting = [];
        public long? LastPush;
        public bool Due;
    }

    private readonly ConcurrentDictionary<string, Fair> _fairs = new();

    /// <summary>Pushes the fair's events now, or after the rest of the interval with the others that wait.</summary>
    public void Add(string fairId, IReadOnlyList<FairEvent> events)
    {
        if (events.Count == 0) return;
        var fair = _fairs.GetOrAdd(fairId, static _ => new Fair());
        lock (fair)
        {
            if (fair.Due)
            {
                fair.Waiting.AddRange(events);
                return;
            }

            var now = clock.GetTimestamp();
            var wait = fair.LastPush is { } last ? interval - clock.GetElapsedTime(last, now) : TimeSpan.Zero;
            if (wait <= TimeSpan.Zero)
            {
                fair.LastPush = now;
                push(fairId, events);
                return;
            }

            fair.Waiting.AddRange(events);
            fair.Due = true;
            _ = PushLaterAsync(fairId, fair, wait);
        }
    }

    private async Task PushLaterAsync(string fairId, Fair fair, TimeSpan wait)
    {
        await Task.Delay(wait, clock).ConfigureAwait(false);
        lock (fair)
        {
            var events = fair.Waiting;
            fair.Waiting = [];
            fair.Due = false;
            fair.LastPush = clock.GetTimestamp();
            push(fairId, events);
        }
    }
}
