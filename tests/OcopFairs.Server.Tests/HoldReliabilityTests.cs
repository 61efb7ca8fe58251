using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

/// <summary>Booth holds under SIGKILL and restarts; each test runs its own server because it kills it.</summary>
public sealed class HoldReliabilityTests
{
    [Fact]
    public async Task Server_killed_in_the_middle_of_a_rush_keeps_every_acknowledged_hold_and_no_booth_has_two_holders()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var server = new ServerProcess(db.ConnectionString, "rush-" + db.Name, seedDemo: true);
        await server.StartAsync();
        using var organiser = server.CreateClient();
        organiser.As(await Api.LoginAsync(organiser, "organiser@demo.ocop"));
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 40);
        var producers = await Rush.ApprovedProducersAsync(server, organiser, fairId, 30);

        var acknowledged = new ConcurrentDictionary<string, string>();
        using var stop = new CancellationTokenSource();
        var clients = producers.Select((p, i) => Task.Run(async () =>
        {
            var random = new Random(i);
            for (var attempt = 0; attempt < 40 && !stop.IsCancellationRequested; attempt++)
            {
                var code = $"H{random.Next(1, 41):00}";
                try
                {
                    var response = await p.Http.PostAsync($"api/fairs/{fairId}/booths/{code}/hold", null, stop.Token);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        acknowledged[code] = p.ProducerId;
                        return;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    return;
                }
            }
        })).ToArray();

        Assert.True(await Api.EventuallyAsync(() => Task.FromResult(acknowledged.Count >= 8), 30), "holds did not start");
        await server.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        await server.StartAsync();
        using var http = server.CreateClient();
        var booths = (await (await http.GetAsync($"api/fairs/{fairId}/floor")).ReadJsonAsync())["booths"]!.AsArray();
        foreach (var (code, producerId) in acknowledged)
        {
            var booth = booths.First(b => b!["code"]!.GetValue<string>() == code)!;
            Assert.Equal("Held", booth["status"]!.GetValue<string>());
            Assert.Equal(producerId, booth["producerId"]!.GetValue<string>());
        }

        // One booth per producer (the fair's limit), so no producer appears twice and no booth is double-booked.
        var holders = booths.Where(b => b!["producerId"] is not null).Select(b => b!["producerId"]!.GetValue<string>()).ToList();
        Assert.Equal(holders.Count, holders.Distinct().Count());
    }

    [Fact]
    public async Task Hold_whose_expiry_falls_while_the_server_is_down_is_released_exactly_once_after_restart()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var server = new ServerProcess(db.ConnectionString, "expiry-" + db.Name, seedDemo: true);
        await server.StartAsync();
        using var organiser = server.CreateClient();
        organiser.As(await Api.LoginAsync(organiser, "organiser@demo.ocop"));
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 2, holdMinutes: 1);
        var producer = (await Rush.ApprovedProducersAsync(server, organiser, fairId, 1))[0];
        var held = await (await producer.Http.PostAsync($"api/fairs/{fairId}/booths/H01/hold", null)).ReadJsonAsync();
        var expiresAt = held["holdExpiresAt"]!.GetValue<DateTimeOffset>();
        var heldVersion = (await (await organiser.GetAsync($"api/fairs/{fairId}/floor")).ReadJsonAsync())["version"]!.GetValue<long>();

        await server.KillAsync();
        var wait = expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await server.StartAsync();
        using var http = server.CreateClient();
        http.As(await Api.LoginAsync(http, producer.Email, "Mat-khau-9"));
        async Task<string> StatusAsync() =>
            (await (await http.GetAsync($"api/fairs/{fairId}/floor")).ReadJsonAsync())["booths"]!.AsArray()
                .First(b => b!["code"]!.GetValue<string>() == "H01")!["status"]!.GetValue<string>();
        Assert.True(await Api.EventuallyAsync(async () => await StatusAsync() == "Free", 90), "the expired hold was not released");

        // Give any duplicate job time to run, then check it was released once: one event, one notification.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var changes = await (await http.GetAsync($"api/fairs/{fairId}/floor?sinceVersion={heldVersion}")).ReadJsonAsync();
        var release = Assert.Single(changes["events"]!.AsArray());
        Assert.Equal("Free", release!["data"]!["status"]!.GetValue<string>());
        var notices = JsonNode.Parse(await http.GetStringAsync("api/me/notifications"))!.AsArray()
            .Where(n => n!["kind"]!.GetValue<string>() == "booth.expired").ToList();
        Assert.Single(notices);
    }
}
