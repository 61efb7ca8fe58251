using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class LiveTests(ServerFixture fixture)
{
    private static string Token(HttpClient signedIn) => signedIn.DefaultRequestHeaders.Authorization!.Parameter!;

    /// <summary>A hub connection as the fair's organiser: the tests' fairs are Draft, which only their organiser may watch.</summary>
    private HubConnection Watcher(HttpClient organiser) => Api.Hub(fixture.Server.BaseAddress, Token(organiser));

    [Fact]
    public async Task Client_that_joined_receives_the_block_with_the_next_version()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        var received = new ConcurrentQueue<FairEventDto>();
        await using var hub = Watcher(organiser);
        hub.On<FairEventDto>("FairEvent", received.Enqueue);
        await hub.StartAsync();

        var join = await hub.InvokeAsync<JoinResultDto>("JoinFair", fairId, 1L);
        Assert.Equal(1, join.Version);
        Assert.Empty(join.Events!);

        (await organiser.PostAsync($"api/fairs/{fairId}/booths/A03/block", null)).EnsureSuccessStatusCode();

        Assert.True(await Api.EventuallyAsync(() => Task.FromResult(!received.IsEmpty), 15), "no FairEvent arrived");
        var evt = Assert.Single(received);
        Assert.Equal((fairId, 2L, "BoothChanged"), (evt.FairId, evt.Version, evt.Type));
        Assert.Equal("A03", evt.Data.GetProperty("code").GetString());
        Assert.Equal("Blocked", evt.Data.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Batched_watchers_get_every_event_once_in_order_with_the_booth_occupancy_only()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        var batches = new ConcurrentQueue<FairEventsDto>();
        var single = new ConcurrentQueue<FairEventDto>();
        await using var batched = Watcher(organiser);
        batched.On<FairEventsDto>("FairEvents", batches.Enqueue);
        batched.On<FairEventDto>("FairEvent", single.Enqueue);
        await batched.StartAsync();
        await using var classic = Watcher(organiser);
        var classicEvents = new ConcurrentQueue<FairEventDto>();
        classic.On<FairEventDto>("FairEvent", classicEvents.Enqueue);
        await classic.StartAsync();
        Assert.Equal(1, (await batched.InvokeAsync<JoinResultDto>("JoinFairBatched", fairId, 1L)).Version);
        await classic.InvokeAsync<JoinResultDto>("JoinFair", fairId, 1L);

        // Concurrent changes share group commits, so some messages carry several events.
        var floor = await (await organiser.GetAsync($"api/fairs/{fairId}/floor")).ReadJsonAsync();
        var codes = floor["booths"]!.AsArray().Select(b => b!["code"]!.GetValue<string>()).ToList();
        await Task.WhenAll(codes.Select(async code =>
            (await organiser.PostAsync($"api/fairs/{fairId}/booths/{code}/block", null)).EnsureSuccessStatusCode()));
        var last = 1L + codes.Count;

        Assert.True(await Api.EventuallyAsync(() => Task.FromResult(batches.Sum(b => b.Events.Count) >= codes.Count && classicEvents.Count >= codes.Count), 15),
            $"batched watcher got {batches.Sum(b => b.Events.Count)}, classic watcher {classicEvents.Count} of {codes.Count} events");
        var messages = batches.ToList();
        Assert.All(messages, m => Assert.Equal((fairId, m.FromVersion + m.Events.Count), (m.FairId, m.ToVersion)));
        Assert.Equal(messages.Select(m => m.ToVersion).SkipLast(1), messages.Select(m => m.FromVersion).Skip(1));
        Assert.Equal((1L, last), (messages[0].FromVersion, messages[^1].ToVersion));
        Assert.Empty(single);

        // Batched booth events are [code, status, producerId, producerName, holdExpiresAt, at] (times in Unix ms), the
        // occupant null when there is none, so a client that merges clears it; JoinFair watchers get the whole booth.
        var compact = messages.SelectMany(m => m.Events).ToList();
        Assert.All(compact, e => Assert.Equal((JsonValueKind.Array, 6), (e.ValueKind, e.GetArrayLength())));
        Assert.Equal(codes.Order(), compact.Select(e => e[0].GetString()!).Order());
        Assert.All(compact, e => Assert.Equal("Blocked", e[1].GetString()));
        Assert.All(compact, e => Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null), (e[2].ValueKind, e[3].ValueKind, e[4].ValueKind)));
        Assert.InRange(DateTimeOffset.FromUnixTimeMilliseconds(compact[0][5].GetInt64()), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.True(classicEvents.First().Data.TryGetProperty("zone", out _));
        Assert.Equal(Enumerable.Range(2, codes.Count).Select(v => (long)v), classicEvents.Select(e => e.Version).Order());

        // Leaving stops both kinds of message.
        await batched.InvokeAsync("LeaveFair", fairId);
        (await organiser.PostAsync($"api/fairs/{fairId}/booths/{codes[0]}/unblock", null)).EnsureSuccessStatusCode();
        Assert.True(await Api.EventuallyAsync(() => Task.FromResult(classicEvents.Count > codes.Count), 15));
        await Task.Delay(300);
        Assert.Equal(codes.Count, batches.Sum(b => b.Events.Count));
    }

    [Fact]
    public async Task A_watcher_that_stops_reading_does_not_hold_back_the_others()
    {
        using var organiser = await fixture.OrganiserAsync();
        var created = await organiser.PostAsJsonAsync("api/fairs", Api.NewFair("Hội chợ người xem chậm"));
        var fairId = (await created.ReadJsonAsync())["fairId"]!.GetValue<string>();
        (await organiser.PostAsJsonAsync($"api/fairs/{fairId}/floor-plan/grid", new
        {
            zones = new[] { new { code = "A", name = "Thực phẩm", groups = new[] { "Food" }, booths = 200 } },
            perRow = 20,
        })).EnsureSuccessStatusCode();
        var floor = await (await organiser.GetAsync($"api/fairs/{fairId}/floor")).ReadJsonAsync();
        var codes = floor["booths"]!.AsArray().Select(b => b!["code"]!.GetValue<string>()).ToList();
        var version = floor["version"]!.GetValue<long>();

        // A watcher that joins and then never reads again (but pings, so it does not time out): once the socket buffers
        // are full (on loopback the server's grows past a megabyte), the server cannot hand it messages, and after
        // SignalR's transport send timeout (10 s) it drops the connection; a real client would rejoin with its version.
        using var stalled = await StalledWatcherAsync(fixture.Server.BaseAddress, Token(organiser), fairId, version);
        using var stopPings = new CancellationTokenSource();
        var pings = Task.Run(async () =>
        {
            try
            {
                while (!stopPings.IsCancellationRequested)
                {
                    await stalled.SendAsync(Encoding.UTF8.GetBytes("{\"type\":6}\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
                    await Task.Delay(TimeSpan.FromSeconds(5), stopPings.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or IOException)
            {
                // The server dropped the stalled watcher.
            }
        });
        var batches = new ConcurrentQueue<FairEventsDto>();
        await using var watcher = Watcher(organiser);
        watcher.On<FairEventsDto>("FairEvents", batches.Enqueue);
        await watcher.StartAsync();
        await watcher.InvokeAsync<JoinResultDto>("JoinFairBatched", fairId, version);

        // 10,000 events of some 300 bytes: the stalled watcher's buffers fill after about 7,000. Every round must still
        // reach the reading watcher within seconds, not wait behind the stalled one.
        for (var round = 0; round < 50; round++)
        {
            var action = round % 2 == 0 ? "block" : "unblock";
            await Task.WhenAll(codes.Select(async code =>
                (await organiser.PostAsync($"api/fairs/{fairId}/booths/{code}/{action}", null)).EnsureSuccessStatusCode()));
            version += codes.Count;
            Assert.True(await Api.EventuallyAsync(() => Task.FromResult(batches.LastOrDefault()?.ToVersion >= version), 5),
                $"round {round}: the reading watcher is at version {batches.LastOrDefault()?.ToVersion}, the floor at {version}");
        }

        stopPings.Cancel();
        await pings;
    }

    /// <summary>
    /// Joins a fair over a bare WebSocket with a 4 KB socket receive buffer (with <c>JoinFair</c>: one whole event per
    /// message, the most bytes a watcher can ask for), reads the join's answer, and stops reading.
    /// </summary>
    private static async Task<ClientWebSocket> StalledWatcherAsync(Uri baseAddress, string token, string fairId, long version)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var ws = new ClientWebSocket();
        var url = new UriBuilder(new Uri(baseAddress, "hubs/fairs")) { Scheme = "ws", Query = "access_token=" + Uri.EscapeDataString(token) }.Uri;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await ws.ConnectAsync(url, new HttpMessageInvoker(handler), timeout.Token);
        async Task SendAsync(string text) =>
            await ws.SendAsync(Encoding.UTF8.GetBytes(text + "\u001e"), WebSocketMessageType.Text, true, timeout.Token);
        await SendAsync("""{"protocol":"json","version":1}""");
        await SendAsync($$"""{"type":1,"invocationId":"1","target":"JoinFair","arguments":["{{fairId}}",{{version}}]}""");
        var received = new StringBuilder();
        var buffer = new byte[16 * 1024];
        while (!received.ToString().Contains("\"invocationId\":\"1\"", StringComparison.Ordinal))
        {
            var result = await ws.ReceiveAsync(buffer, timeout.Token);
            received.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }

        Assert.DoesNotContain("\"error\"", received.ToString(), StringComparison.Ordinal);
        return ws;
    }

    [Fact]
    public async Task Client_that_rejoins_with_an_older_version_gets_exactly_the_missed_events()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        (await organiser.PostAsync($"api/fairs/{fairId}/booths/A01/block", null)).EnsureSuccessStatusCode();
        var seen = (await (await organiser.GetAsync($"api/fairs/{fairId}/floor")).ReadJsonAsync())["version"]!.GetValue<long>();

        // While the client is away: block two, unblock one.
        (await organiser.PostAsync($"api/fairs/{fairId}/booths/A02/block", null)).EnsureSuccessStatusCode();
        (await organiser.PostAsync($"api/fairs/{fairId}/booths/B01/block", null)).EnsureSuccessStatusCode();
        (await organiser.PostAsync($"api/fairs/{fairId}/booths/A01/unblock", null)).EnsureSuccessStatusCode();

        await using var hub = Watcher(organiser);
        await hub.StartAsync();
        var join = await hub.InvokeAsync<JoinResultDto>("JoinFair", fairId, seen);
        Assert.Null(join.Snapshot);
        Assert.Equal([seen + 1, seen + 2, seen + 3], join.Events!.Select(e => e.Version));
        Assert.Equal(["A02", "B01", "A01"], join.Events!.Select(e => e.Data.GetProperty("code").GetString()));
        Assert.Equal(seen + 3, join.Version);

        var http = await (await organiser.GetAsync($"api/fairs/{fairId}/floor?sinceVersion={seen}")).ReadJsonAsync();
        Assert.Equal(3, http["events"]!.AsArray().Count);
        Assert.Equal(seen + 3, http["toVersion"]!.GetValue<long>());
    }

    [Fact]
    public async Task Rejoin_from_before_the_backlog_gets_a_snapshot()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        await using var hub = Watcher(organiser);
        await hub.StartAsync();

        var join = await hub.InvokeAsync<JoinResultDto>("JoinFair", fairId, -1L);
        Assert.Null(join.Events);
        Assert.Equal(10, join.Snapshot!.Value.GetProperty("booths").GetArrayLength());
    }

    [Fact]
    public async Task Joining_an_unknown_fair_is_refused()
    {
        await using var hub = Api.Hub(fixture.Server.BaseAddress);
        await hub.StartAsync();
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => hub.InvokeAsync<JoinResultDto>("JoinFair", "no-such-fair", 0L));
    }

    [Fact]
    public async Task Scheduled_reminder_job_runs_and_lands_in_the_organisers_inbox_once_and_live()
    {
        using var organiser = await fixture.OrganiserAsync();
        var token = Token(organiser);
        var privateEvents = new ConcurrentQueue<JsonObject>();
        await using var hub = Api.Hub(fixture.Server.BaseAddress, token);
        hub.On<JsonObject>("PrivateEvent", privateEvents.Enqueue);
        await hub.StartAsync();

        // The fair starts in one day and four seconds, so its "starts tomorrow" reminder is due in four seconds.
        var created = await organiser.PostAsJsonAsync("api/fairs", Api.NewFair("Hội chợ nhắc lịch", DateTimeOffset.UtcNow.AddDays(1).AddSeconds(4)));
        var fairId = (await created.ReadJsonAsync())["fairId"]!.GetValue<string>();

        async Task<JsonArray> RemindersAsync() =>
            new(JsonNode.Parse(await organiser.GetStringAsync("api/me/notifications"))!.AsArray()
                .Where(n => n!["fairId"]?.GetValue<string>() == fairId && n["kind"]!.GetValue<string>() == "fair-start-1d")
                .Select(n => n!.DeepClone()).ToArray());

        Assert.True(await Api.EventuallyAsync(async () => (await RemindersAsync()).Count > 0, 45), "the reminder job did not deliver");
        var reminder = Assert.Single(await RemindersAsync());
        Assert.Contains("Hội chợ nhắc lịch", reminder!["title"]!.GetValue<string>());
        Assert.True(await Api.EventuallyAsync(() => Task.FromResult(privateEvents.Any(e => e["type"]!.GetValue<string>() == "Notification")), 10));

        var delivered = await fixture.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM app.reminder_deliveries WHERE kind = 'fair-start-1d' AND subject = '{fairId}'");
        Assert.Equal(1, delivered);

        var id = reminder["id"]!.GetValue<string>();
        (await organiser.PostAsync($"api/me/notifications/{id}/read", null)).EnsureSuccessStatusCode();
        var unread = JsonNode.Parse(await organiser.GetStringAsync("api/me/notifications?unread=true"))!.AsArray();
        Assert.DoesNotContain(unread, n => n!["id"]!.GetValue<string>() == id);
    }
}
