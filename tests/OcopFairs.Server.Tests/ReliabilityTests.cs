using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

/// <summary>Each test runs its own server on its own database, because each stops or kills it.</summary>
public sealed class ReliabilityTests
{
    [Fact]
    public async Task State_survives_a_graceful_restart()
    {
        await using var db = await TestDatabase.CreateAsync();
        string fairId;
        await using var server = new ServerProcess(db.ConnectionString, "restart-" + db.Name, seedDemo: true);
        await server.StartAsync();
        using (var organiser = server.CreateClient())
        {
            organiser.As(await Api.LoginAsync(organiser, "organiser@demo.ocop"));
            fairId = await Api.CreateFairWithFloorAsync(organiser, "Hội chợ khởi động lại");
            (await organiser.PostAsync($"api/fairs/{fairId}/booths/A04/block", null)).EnsureSuccessStatusCode();
        }

        await server.StopAsync();
        await server.StartAsync();
        // The fair is Draft: its organiser reads it.
        using var http = server.CreateClient();
        http.As(await Api.LoginAsync(http, "organiser@demo.ocop"));
        var floor = await (await http.GetAsync($"api/fairs/{fairId}/floor")).ReadJsonAsync();
        Assert.Equal("Blocked", Booth(floor, "A04")["status"]!.GetValue<string>());
        Assert.Equal(2, floor["version"]!.GetValue<long>());
        var fair = await (await http.GetAsync($"api/fairs/{fairId}")).ReadJsonAsync();
        Assert.Equal("Hội chợ khởi động lại", fair["name"]!.GetValue<string>());
        // Seeding again on an existing database changes nothing.
        Assert.Single(JsonNode.Parse(await http.GetStringAsync("api/fairs"))!.AsArray(), f => f!["fairId"]!.GetValue<string>() == "hoa-binh-ocop-fair");
    }

    [Fact]
    public async Task Server_killed_with_sigkill_mid_writes_keeps_every_acknowledged_write()
    {
        await using var db = await TestDatabase.CreateAsync();
        string fairId;
        var acknowledged = new ConcurrentBag<string>();
        // The node restarts on its own ports, as a real one does; Orleans then retires the killed silo at once.
        await using var server = new ServerProcess(db.ConnectionString, "kill-" + db.Name, seedDemo: true);
        {
            await server.StartAsync();
            using var organiser = server.CreateClient();
            organiser.As(await Api.LoginAsync(organiser, "organiser@demo.ocop"));
            var created = await organiser.PostAsJsonAsync("api/fairs", Api.NewFair("Hội chợ sự cố"));
            fairId = (await created.ReadJsonAsync())["fairId"]!.GetValue<string>();
            var grid = new { zones = new[] { new { code = "K", name = "K", groups = new[] { "Food" }, booths = 120 } }, perRow = 20 };
            (await organiser.PostAsJsonAsync($"api/fairs/{fairId}/floor-plan/grid", grid)).EnsureSuccessStatusCode();

            // Eight writers block booths one after another; the server is killed while they are in flight.
            var codes = new ConcurrentQueue<string>(Enumerable.Range(1, 120).Select(i => $"K{i:00}"));
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested && codes.TryDequeue(out var code))
                {
                    try
                    {
                        var response = await organiser.PostAsync($"api/fairs/{fairId}/booths/{code}/block", null, stop.Token);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged.Add(code);
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        return;
                    }
                }
            })).ToArray();

            Assert.True(await Api.EventuallyAsync(() => Task.FromResult(acknowledged.Count >= 20), 30), "writes did not start");
            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await server.StartAsync();
        // The fair is Draft: its organiser reads it.
        using var http = server.CreateClient();
        http.As(await Api.LoginAsync(http, "organiser@demo.ocop"));
        var floor = await (await http.GetAsync($"api/fairs/{fairId}/floor")).ReadJsonAsync();
        var blocked = floor["booths"]!.AsArray().Where(b => b!["status"]!.GetValue<string>() == "Blocked").Select(b => b!["code"]!.GetValue<string>()).ToHashSet();
        Assert.Subset(blocked, acknowledged.ToHashSet());

        // Versions have no gaps: every change since the floor plan is in the backlog, numbered 2, 3, 4 …
        var changes = await (await http.GetAsync($"api/fairs/{fairId}/floor?sinceVersion=1")).ReadJsonAsync();
        var versions = changes["events"]!.AsArray().Select(e => e!["version"]!.GetValue<long>()).ToList();
        Assert.Equal(Enumerable.Range(2, versions.Count).Select(v => (long)v), versions);
        Assert.Equal(blocked.Count, versions.Count);
    }

    private static JsonNode Booth(JsonObject floor, string code) =>
        floor["booths"]!.AsArray().First(b => b!["code"]!.GetValue<string>() == code)!;
}
