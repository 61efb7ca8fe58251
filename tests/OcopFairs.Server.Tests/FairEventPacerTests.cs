using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using OcopFairs.Abstractions;
using OcopFairs.Server.Live;

namespace OcopFairs.Server.Tests;

/// <summary>How the hub observer paces each fair's pushes: at once when the fair was quiet, else at the interval's end.</summary>
public sealed class FairEventPacerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
    private readonly BlockingCollection<(string Fair, long[] Versions)> _pushes = [];

    private FairEventPacer Pacer(TimeSpan interval) =>
        new(interval, _clock, (fair, events) => _pushes.Add((fair, [.. events.Select(e => e.Version)])));

    private static FairEvent[] Events(string fair, params long[] versions) =>
        [.. versions.Select(v => new FairEvent(fair, v, EventTypes.BoothChanged, DateTimeOffset.UnixEpoch, null, null))];

    private string NextPush()
    {
        Assert.True(_pushes.TryTake(out var push, Wait), "no push came");
        return $"{push.Fair}: {string.Join(", ", push.Versions)}";
    }

    /// <summary>Adds an event right after a push of its fair: nothing goes out until the interval has passed.</summary>
    private string AddAndWaitOutTheInterval(FairEventPacer pacer, string fair, long version)
    {
        pacer.Add(fair, Events(fair, version));
        Assert.Empty(_pushes);
        _clock.Advance(Interval);
        return NextPush();
    }

    [Fact]
    public void A_quiet_fair_pushes_at_once_and_a_busy_one_sends_what_waited_as_one_push_in_order()
    {
        var pacer = Pacer(Interval);

        pacer.Add("f1", Events("f1", 1, 2));
        Assert.Equal("f1: 1, 2", NextPush());

        _clock.Advance(TimeSpan.FromMilliseconds(10));
        pacer.Add("f1", Events("f1", 3));
        pacer.Add("f1", Events("f1", 4, 5));
        Assert.Empty(_pushes);

        _clock.Advance(TimeSpan.FromMilliseconds(14));
        pacer.Add("f1", Events("f1", 6));
        Assert.Empty(_pushes);

        _clock.Advance(TimeSpan.FromMilliseconds(1)); // 25 ms after the first push
        Assert.Equal("f1: 3, 4, 5, 6", NextPush());

        // Events within an interval of that push wait for the next.
        Assert.Equal("f1: 7", AddAndWaitOutTheInterval(pacer, "f1", 7));

        // After a quiet interval, at once again.
        _clock.Advance(Interval);
        pacer.Add("f1", Events("f1", 8));
        Assert.Equal("f1: 8", NextPush());
        Assert.Empty(_pushes);
    }

    [Fact]
    public void Each_fair_has_its_own_pace()
    {
        var pacer = Pacer(Interval);

        pacer.Add("f1", Events("f1", 1));
        pacer.Add("f2", Events("f2", 1));
        Assert.Equal("f1: 1", NextPush());
        Assert.Equal("f2: 1", NextPush());

        Assert.Equal("f1: 2", AddAndWaitOutTheInterval(pacer, "f1", 2));
        Assert.Empty(_pushes);
    }

    [Fact]
    public void A_zero_interval_pushes_every_commit_and_an_empty_commit_pushes_nothing()
    {
        var pacer = Pacer(TimeSpan.Zero);

        pacer.Add("f1", Events("f1", 1));
        pacer.Add("f1", []);
        pacer.Add("f1", Events("f1", 2, 3));

        Assert.Equal("f1: 1", NextPush());
        Assert.Equal("f1: 2, 3", NextPush());
        Assert.Empty(_pushes);
    }

    [Fact]
    public async Task Concurrent_commits_reach_the_watchers_once_each_in_the_order_they_were_added()
    {
        // Commits come one at a time from the observer while the interval's end pushes from a timer thread.
        var pacer = new FairEventPacer(TimeSpan.FromMilliseconds(5), TimeProvider.System, (fair, events) => _pushes.Add((fair, [.. events.Select(e => e.Version)])));
        for (long v = 1; v <= 2_000; v++)
        {
            pacer.Add("f1", Events("f1", v));
            if (v % 100 == 0) await Task.Delay(2);
        }

        var received = new List<long>();
        var pushes = 0;
        while (received.Count < 2_000 && _pushes.TryTake(out var push, Wait))
        {
            received.AddRange(push.Versions);
            pushes++;
        }

        Assert.Equal(Enumerable.Range(1, 2_000).Select(v => (long)v), received);
        Assert.InRange(pushes, 1, 1_999); // some commits shared a push
        Assert.False(_pushes.TryTake(out _, TimeSpan.FromMilliseconds(50)), "a commit was pushed twice");
    }
}
