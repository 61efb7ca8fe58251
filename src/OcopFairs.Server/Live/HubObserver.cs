using System.Collections.Immutable;
using Microsoft.AspNetCore.SignalR;
using OcopFairs.Abstractions;

namespace OcopFairs.Server.Live;

/// <summary>This node's hub as an Orleans observer: grains anywhere in the cluster push through it to local connections.</summary>
public sealed partial class HubObserver : IFairHubObserver
{
    private readonly IHubContext<FairHub> _hub;
    private readonly ILogger<HubObserver> _logger;
    private readonly FairEventPacer _pacer;

    public HubObserver(IHubContext<FairHub> hub, ILogger<HubObserver> logger, TimeSpan pushInterval, TimeProvider clock)
    {
        _hub = hub;
        _logger = logger;
        _pacer = new FairEventPacer(pushInterval, clock, Push);
    }

    /// <summary>
    /// Hands each fair's events to the pacer, which pushes them now or with the next push of that fair, and returns
    /// without waiting for any connection to take them (Orleans hands an observer one call at a time, so waiting
    /// here would make the next commit wait for the slowest watcher of this one).
    /// </summary>
    public Task OnFairEventsAsync(ImmutableArray<FairEvent> events)
    {
        foreach (var fair in events.GroupBy(e => e.FairId))
        {
            _pacer.Add(fair.Key, [.. fair]);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Starts the sends of one push, in order. SignalR keeps each connection's messages in the order the sends
    /// started (one write at a time, waiting writes served first come, first served), so a slow connection holds up
    /// only itself.
    /// </summary>
    private void Push(string fairId, IReadOnlyList<FairEvent> events)
    {
        try
        {
            Watch(_hub.Clients.Group(FairHub.FairBatchGroup(fairId)).SendAsync("FairEvents", FairEventsMessage.From(fairId, events)), fairId);
            foreach (var e in events)
            {
                Watch(_hub.Clients.Group(FairHub.FairGroup(fairId)).SendAsync("FairEvent", FairEventMessage.From(e)), fairId);
            }
        }
        catch (Exception ex)
        {
            LogSendFailed(_logger, ex, fairId);
        }
    }

    public Task OnPrivateEventAsync(PrivateEvent privateEvent) =>
        _hub.Clients.Group(FairHub.UserGroup(privateEvent.UserId)).SendAsync("PrivateEvent", PrivateEventMessage.From(privateEvent));

    private void Watch(Task send, string fairId)
    {
        if (!send.IsCompletedSuccessfully)
        {
            send.ContinueWith(t => LogSendFailed(_logger, t.Exception!, fairId), CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing the floor events of fair {FairId} failed; clients catch up when they rejoin")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string fairId);
}

/// <summary>
/// Registers this node's hub observer with the hub directory at start and every few seconds after, so a directory that
/// moved or restarted refills itself; the observer reference lives as long as this service.
/// </summary>
public sealed partial class HubRegistrationService(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IHubContext<FairHub> hub,
    ILoggerFactory loggers,
    IConfiguration config,
    TimeProvider clock,
    ILogger<HubRegistrationService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>The least time between two pushes of one fair (<c>Live:PushIntervalMs</c>; 0 pushes every commit).</summary>
    public static TimeSpan PushInterval(IConfiguration config) => TimeSpan.FromMilliseconds(Math.Max(0, config.GetValue("Live:PushIntervalMs", 25)));

    private readonly HubObserver _observer = new(hub, loggers.CreateLogger<HubObserver>(), PushInterval(config), clock);

    public bool Registered { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reference = grains.CreateObjectReference<IFairHubObserver>(_observer);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await grains.GetGrain<IHubDirectoryGrain>(0).RegisterAsync(silo.SiloAddress, reference);
                    Registered = true;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRegisterFailed(logger, ex);
                }

                await Task.Delay(Interval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            grains.DeleteObjectReference<IFairHubObserver>(reference);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not register the hub observer; retrying")]
    private static partial void LogRegisterFailed(ILogger logger, Exception exception);
}
