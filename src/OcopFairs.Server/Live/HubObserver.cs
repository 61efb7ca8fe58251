using System.Collections.Immutable;
using Microsoft.AspNetCore.SignalR;
using OcopFairs.Abstractions;

namespace OcopFairs.Server.Live;

/// <summary>This node's hub as an Orleans observer: grains anywhere in the cluster push through it to local connections.</summary>
public sealed class HubObserver(IHubContext<FairHub> hub) : IFairHubObserver
{
    public async Task OnFairEventsAsync(ImmutableArray<FairEvent> events)
    {
        foreach (var fair in events.GroupBy(e => e.FairId))
        {
            var messages = fair.Select(FairEventMessage.From).ToList();
            await hub.Clients.Group(FairHub.FairBatchGroup(fair.Key)).SendAsync("FairEvents", FairEventsMessage.From(fair.Key, messages));
            foreach (var message in messages)
            {
                await hub.Clients.Group(FairHub.FairGroup(fair.Key)).SendAsync("FairEvent", message);
            }
        }
    }

    public Task OnPrivateEventAsync(PrivateEvent privateEvent) =>
        hub.Clients.Group(FairHub.UserGroup(privateEvent.UserId)).SendAsync("PrivateEvent", PrivateEventMessage.From(privateEvent));
}

/// <summary>
/// Registers this node's hub observer with the hub directory at start and every few seconds after, so a directory that
/// moved or restarted refills itself; the observer reference lives as long as this service.
/// </summary>
public sealed partial class HubRegistrationService(
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IHubContext<FairHub> hub,
    ILogger<HubRegistrationService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly HubObserver _observer = new(hub);

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
