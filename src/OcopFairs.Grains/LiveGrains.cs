using System.Collections.Immutable;
using OcopFairs.Abstractions;
using Orleans.Concurrency;

namespace OcopFairs.Grains;

/// <summary>
/// Keeps one hub observer per silo in memory. Nodes re-register periodically, so the list rebuilds itself after this
/// grain moves; silos that cluster membership no longer lists as active are dropped.
/// </summary>
public sealed class HubDirectoryGrain(IClusterMembershipService membership, TimeProvider clock) : Grain, IHubDirectoryGrain
{
    /// <summary>An entry not refreshed for this long is dropped even if its silo still looks alive.</summary>
    public static readonly TimeSpan EntryLifetime = TimeSpan.FromMinutes(2);

    private readonly Dictionary<SiloAddress, (IFairHubObserver Observer, DateTimeOffset Seen)> _hubs = [];

    public Task RegisterAsync(SiloAddress silo, IFairHubObserver observer)
    {
        _hubs[silo] = (observer, clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<IFairHubObserver>> GetObserversAsync()
    {
        var snapshot = membership.CurrentSnapshot;
        var now = clock.GetUtcNow();
        foreach (var silo in _hubs.Keys.ToList())
        {
            var status = snapshot.GetSiloStatus(silo);
            if (status is SiloStatus.Dead or SiloStatus.ShuttingDown or SiloStatus.Stopping || now - _hubs[silo].Seen > EntryLifetime)
            {
                _hubs.Remove(silo);
            }
        }

        return Task.FromResult(_hubs.Values.Select(h => h.Observer).ToImmutableArray());
    }
}

/// <summary>Sends private events to every node's hub. One local activation per silo, so events leave in the order they came.</summary>
[StatelessWorker(1)]
public sealed class PushGrain(IGrainFactory grains, TimeProvider clock) : Grain, IPushGrain
{
    private readonly HubObservers _hubs = new(grains, clock);

    public async Task PublishPrivateAsync(PrivateEvent privateEvent)
    {
        foreach (var observer in await _hubs.GetAsync())
        {
            observer.OnPrivateEventAsync(privateEvent).Ignore();
        }
    }
}

/// <summary>
/// Every node's hub observer, as the <see cref="IHubDirectoryGrain"/> lists them, fetched again when two seconds old.
/// For use inside one grain activation (not thread-safe).
/// </summary>
public sealed class HubObservers(IGrainFactory grains, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private ImmutableArray<IFairHubObserver> _observers = [];
    private DateTimeOffset _fetched = DateTimeOffset.MinValue;

    public async ValueTask<ImmutableArray<IFairHubObserver>> GetAsync()
    {
        if (clock.GetUtcNow() - _fetched > CacheFor)
        {
            _observers = await grains.GetGrain<IHubDirectoryGrain>(0).GetObserversAsync();
            _fetched = clock.GetUtcNow();
        }

        return _observers;
    }
}
