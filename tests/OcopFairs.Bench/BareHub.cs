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

    public static async Task<BareHubHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<BareHub>("/hubs/bare");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BareHubHost(app, new Uri(new Uri(address), "/hubs/bare"));
    }

    /// <summary>
    /// Sends one <c>FairEvent</c> per entry of <paramref name="scheduleMs"/> (offsets from the start, ascending) and
    /// records each send time in <paramref name="sentAt"/> by version (1-based).
    /// </summary>
    public async Task BroadcastAsync(IReadOnlyList<double> scheduleMs, JsonElement? dataTemplate, long[] sentAt, CancellationToken cancel)
    {
        var hub = Hub;

        // Warm up the send path (JIT, serializer) as the server's was warmed before its rush; watchers ignore this type.
        for (var i = 0; i < 20; i++)
        {
            await hub.Clients.Group(BareHub.Group).SendAsync(
                "FairEvent", new { fairId = "bare", version = -1L - i, type = "WarmUp", at = DateTimeOffset.UtcNow, data = dataTemplate }, cancel);
        }

        await Task.Delay(500, cancel);
        var start = Clock.Now;
        for (var i = 0; i < scheduleMs.Count && !cancel.IsCancellationRequested; i++)
        {
            var wait = scheduleMs[i] - Clock.Ms(start, Clock.Now);
            if (wait > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait), cancel);
            }

            var version = i + 1;
            object data = dataTemplate is { } template
                ? template
                : new
                {
                    code = $"B{version:000}", zone = "B", type = "Standard", areaM2 = 9, priceVnd = 2_000_000, x = 1.0, y = 2.0, w = 3.0, h = 3.0,
                    amenities = new[] { "power" }, status = "Held", producerId = Guid.NewGuid().ToString("N"),
                    producerName = "Hợp tác xã Bench", holdExpiresAt = DateTimeOffset.UtcNow.AddMinutes(30),
                };
            sentAt[i] = Clock.Now;
            await hub.Clients.Group(BareHub.Group).SendAsync(
                "FairEvent", new { fairId = "bare", version = (long)version, type = "BoothChanged", at = DateTimeOffset.UtcNow, data }, cancel);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
