using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using OcopFairs.Abstractions;

namespace OcopFairs.Grains.Tests;

[Collection(ClusterCollection.Name)]
public class LivePushTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Stands in for a node's SignalR hub: records what the push grain sends.</summary>
    private sealed class RecordingObserver : IFairHubObserver
    {
        public ConcurrentQueue<FairEvent> FairEvents { get; } = new();

        public ConcurrentQueue<PrivateEvent> PrivateEvents { get; } = new();

        public Task OnFairEventsAsync(ImmutableArray<FairEvent> events)
        {
            foreach (var e in events)
            {
                FairEvents.Enqueue(e);
            }

            return Task.CompletedTask;
        }

        public Task OnPrivateEventAsync(PrivateEvent privateEvent)
        {
            PrivateEvents.Enqueue(privateEvent);
            return Task.CompletedTask;
        }
    }

    private async Task<IFairHubObserver> RegisterAsync(RecordingObserver observer)
    {
        var reference = fixture.Cluster.Client.CreateObjectReference<IFairHubObserver>(observer);
        await fixture.Grains.GetGrain<IHubDirectoryGrain>(0).RegisterAsync(fixture.Cluster.GetActiveSilos().First().SiloAddress, reference);
        return reference;
    }

    private static async Task<T?> WaitForAsync<T>(ConcurrentQueue<T> received, Func<T, bool> match, TimeSpan within)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        return null;
    }

    [Fact]
    public async Task Registered_observer_receives_the_event_of_a_blocked_booth()
    {
        var observer = new RecordingObserver();
        var reference = await RegisterAsync(observer);
        var fair = await TestData.NewFairWithPlanAsync(fixture.Grains);
        var fairId = fair.GetPrimaryKeyString();

        // The push grain caches the observer list for two seconds and another test may have filled that cache just
        // before we registered, so a single publish can miss us. Repeat the change until one arrives, within the limit.
        FairEvent? received = null;
        var clock = Stopwatch.StartNew();
        try
        {
            while (received is null && clock.Elapsed < Patience)
            {
                await fixture.Grains.GetGrain<IFloorGrain>(fairId).BlockAsync("A02");
                var version = (await fair.GetFloorAsync()).Version;
                received = await WaitForAsync(observer.FairEvents, e => e.FairId == fairId && e.Version == version, TimeSpan.FromSeconds(1));
                if (received is null)
                {
                    await fixture.Grains.GetGrain<IFloorGrain>(fairId).UnblockAsync("A02");
                }
            }
        }
        finally
        {
            fixture.Cluster.Client.DeleteObjectReference<IFairHubObserver>(reference);
        }

        Assert.NotNull(received);
        Assert.Equal(EventTypes.BoothChanged, received.Type);
        Assert.Equal("A02", received.Booth!.Code);
        Assert.Equal(BoothStatus.Blocked, received.Booth.Status);
    }

    [Fact]
    public async Task Registered_observer_receives_a_delivered_notification()
    {
        var observer = new RecordingObserver();
        var reference = await RegisterAsync(observer);
        var userId = TestData.NewId("user");
        var inbox = fixture.Grains.GetGrain<INotificationInboxGrain>(userId);

        // Each attempt delivers a new key, because a repeated key is (rightly) not delivered nor pushed again.
        PrivateEvent? received = null;
        var clock = Stopwatch.StartNew();
        try
        {
            for (var attempt = 0; received is null && clock.Elapsed < Patience; attempt++)
            {
                var key = $"welcome:{attempt}";
                await inbox.DeliverAsync(new Notification(Guid.NewGuid().ToString("N"), key, "welcome", "Chào mừng", "", null, DateTimeOffset.UtcNow, null));
                received = await WaitForAsync(observer.PrivateEvents, e => e.UserId == userId && e.Notification?.Key == key, TimeSpan.FromSeconds(1));
            }
        }
        finally
        {
            fixture.Cluster.Client.DeleteObjectReference<IFairHubObserver>(reference);
        }

        Assert.NotNull(received);
        Assert.Equal(EventTypes.Notification, received.Type);
    }
}
