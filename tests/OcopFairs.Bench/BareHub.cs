using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OcopFairs.Bench;

/// <summary>
/// The baseline for push latency: a hub that does nothing but group broadcasts, in this process on a loopback port.
/// Same method names and message shape as the server's <c>/hubs/fairs</c>, so the same watchers connect to it.
/// </summary>
public sealed class BareHub : Hub
{
    public const string Group = "fair:bare";

    public async Task<object> JoinFair(string fairId, long sinceVersion)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, Group);
        return new { fairId, version = sinceVersion };
    }

    public Task<object> JoinFairBatched(string fairId, long sinceVersion) => JoinFair(fairId, sinceVersion);
}

public sealed class BareHubHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareHubHost(WebApplication app, Uri hubUrl)
    {
        _app = app;
        HubUrl = hubUrl;
    }

    public Uri HubUrl { get; }

    public IHubContext<BareHub> Hub => _app.Services.GetRequiredService<IHubContext<BareHub>>();

    /// <param name="port">0: any free port.</param>
    /// <param name="map">More endpoints (the deals benchmark's bare hub runs in a process of its own and is driven over HTTP).</param>
    public static async Task<BareHubHost> StartAsync(int port = 0, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<BareHub>("/hubs/bare");
        map?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BareHubHost(app, new Uri(new Uri(address), "/hubs/bare"));
    }

    /// <summary>
    /// Sends the scheduled messages (offsets from the start, ascending): per event, one <c>FairEvent</c> each; batched,
    /// one <c>FairEvents</c> with that many events, as the server sends one per floor commit. Versions count from 1;
    /// each version's send time goes to <paramref name="sentAt"/>. <paramref name="measuring"/> is called after the
    /// warm-up and its pause, right before the first measured send.
    /// </summary>
    public async Task BroadcastAsync(IReadOnlyList<(double Ms, int Count)> schedule, bool batched, JsonElement? dataTemplate, long[] sentAt, Action measuring, CancellationToken cancel)
    {
        var hub = Hub;

        // Warm up the send and receive paths as the server's were before its rush (a warm-up fair): as many messages as
        // the measured schedule, of its average size, with versions the watchers ignore; then the same pause.
        var perMessage = Math.Max(1, schedule.Sum(x => x.Count) / Math.Max(1, schedule.Count));
        for (var i = 0; i < Math.Clamp(schedule.Count, 20, 100); i++)
        {
            var warm = Enumerable.Range(0, batched ? perMessage : 1).Select(_ => Event(-1, dataTemplate, batched, "WarmUp")).ToList();
            if (batched) await hub.Clients.Group(BareHub.Group).SendAsync("FairEvents", new { fairId = "bare", fromVersion = -1L, toVersion = -1L, events = warm }, cancel);
            else await hub.Clients.Group(BareHub.Group).SendAsync("FairEvent", warm[0], cancel);
            await Task.Delay(10, cancel);
        }

        await Task.Delay(2000, cancel);
        measuring();
        var start = Clock.Now;
        var version = 0L;
        var sends = new List<Task>();
        foreach (var (ms, count) in schedule)
        {
            if (cancel.IsCancellationRequested) break;
            var wait = ms - Clock.Ms(start, Clock.Now);
            if (wait > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait), cancel);
            }

            var from = version;
            var events = Enumerable.Range(1, count).Select(_ => Event(++version, dataTemplate, batched)).ToList();
            var now = Clock.Now;
            for (var v = from + 1; v <= version; v++) sentAt[v - 1] = now;
            // Started on schedule, not after the previous send reached every watcher: as the server does, so one slow
            // watcher delays only itself (SignalR keeps each connection's messages in order).
            if (batched)
            {
                sends.Add(hub.Clients.Group(BareHub.Group).SendAsync("FairEvents", new { fairId = "bare", fromVersion = from, toVersion = version, events }, cancel));
            }
            else
            {
                sends.AddRange(events.Select(e => hub.Clients.Group(BareHub.Group).SendAsync("FairEvent", e, cancel)));
            }
        }

        await Task.WhenAll(sends);
    }

    /// <summary>
    /// An event as the server sends it: in a batch, a booth change is the array <c>[code, status, producerId,
    /// producerName, holdExpiresAt, at]</c>; alone, a <c>FairEvent</c> with the whole booth. The template is what a
    /// watcher got from the server (<see cref="PushTracker.FirstData"/>), so both send the same bytes.
    /// </summary>
    private static object Event(long version, JsonElement? dataTemplate, bool batched, string type = "BoothChanged")
    {
        var now = DateTimeOffset.UtcNow;
        if (batched)
        {
            return dataTemplate is { ValueKind: JsonValueKind.Array } tuple
                ? tuple
                : new object?[] { $"B{version:000}", "Held", Guid.NewGuid().ToString("N"), "Hợp tác xã Bench", now.AddMinutes(30).ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds() };
        }

        object data = dataTemplate is { } template
            ? template
            : new
            {
                code = $"B{version:000}", zone = "B", type = "Standard", areaM2 = 9, priceVnd = 2_000_000, x = 1.0, y = 2.0, w = 3.0, h = 3.0,
                amenities = new[] { "power" }, status = "Held", producerId = Guid.NewGuid().ToString("N"),
                producerName = "Hợp tác xã Bench", holdExpiresAt = now.AddMinutes(30),
            };
        return new { fairId = "bare", version, type, at = now, data };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
