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
/// Every node's hub observer, as the <see cref="IHubDirectoryGrain"/> lists them. The first call waits for the list;
/// after that the list is answered at once and, when two seconds old, fetched again in the background. A publish
/// never waits for the directory: under a rush that grain call waits its turn on a busy thread pool, and every
/// acknowledgement and push of the commit would wait with it.
/// For use inside one grain activation (not thread-safe; the background fetch finishes on the activation's scheduler).
/// </summary>
public sealed class HubObservers(IGrainFactory grains, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private ImmutableArray<IFairHubObserver> _observers = [];
    private DateTimeOffset _fetched = DateTimeOffset.MinValue;
    private Task? _refresh;

    public ValueTask<ImmutableArray<IFairHubObserver>> GetAsync()
    {
        if (_fetched == DateTimeOffset.MinValue)
        {
            return new(FetchAsync());
        }

        if (clock.GetUtcNow() - _fetched > CacheFor && _refresh is not { IsCompleted: false })
        {
            _refresh = RefreshAsync();
        }

        return new(_observers);
    }

    private async Task<ImmutableArray<IFairHubObserver>> FetchAsync()
    {
        _observers = await grains.GetGrain<IHubDirectoryGrain>(0).GetObserversAsync();
        _fetched = clock.GetUtcNow();
        return _observers;
    }

    /// <summary>A failed fetch keeps the list it had and tries again after the same two seconds.</summary>
    private async Task RefreshAsync()
    {
        try
        {
            await FetchAsync();
        }
        catch (Exception)
        {
            _fetched = clock.GetUtcNow();
        }
    }
}
