using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

/// <summary>Meetings under a kill: its own server on its own database, because it kills it.</summary>
public sealed class MeetingReliabilityTests
{
    private static readonly TimeZoneInfo Hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public async Task A_sigkill_mid_burst_keeps_every_acknowledged_meeting_books_no_one_twice_and_a_request_lapsed_while_down_expires_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var server = new ServerProcess(db.ConnectionString, "meetings-kill-" + db.Name, seedDemo: true);
        await server.StartAsync();
        using var organiser = server.CreateClient();
        organiser.As(await Api.LoginAsync(organiser, "organiser@demo.ocop"));
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 4, boothsPerProducer: 1);
        var producers = await Rush.ApprovedProducersAsync(server, organiser, fairId, 4);
        var fair = await (await organiser.GetAsync($"api/fairs/{fairId}")).ReadJsonAsync();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fair["startsAt"]!.GetValue<DateTimeOffset>(), Hanoi).DateTime);
        (await organiser.PutAsJsonAsync($"api/fairs/{fairId}/matching-hours",
            new { days = new[] { new { date = day, from = "08:00", to = "13:20" } }, slotMinutes = 20, requestExpiryMinutes = 120 })).EnsureSuccessStatusCode();
        var first = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7));
        var buyers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => BuyerAccounts.NewAsync(server, registerFor: fairId)));

        // Twelve buyers ask for random exhibitors and slots, over and over; the server is killed while they do.
        var acknowledged = new ConcurrentDictionary<string, byte>();
        using var stop = new CancellationTokenSource();
        var burst = buyers.Select((b, i) => Task.Run(async () =>
        {
            var random = new Random(i);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var body = new { producerId = producers[random.Next(producers.Count)].ProducerId, startsAt = first.AddMinutes(20 * random.Next(16)) };
                    var response = await b.Http.PostAsJsonAsync($"api/fairs/{fairId}/meetings", body, stop.Token);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged[(await response.ReadJsonAsync())["meetingId"]!.GetValue<string>()] = 0;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
                {
                    return;
                }
            }
        })).ToArray();
        Assert.True(await Api.EventuallyAsync(() => Task.FromResult(acknowledged.Count >= 15), 60), "requests did not start");
        await server.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(burst);

        // While the server is down, one acknowledged request's expiry passes.
        var lapsed = acknowledged.Keys.Order(StringComparer.Ordinal).First();
        var version = await db.ScalarAsync<long>($"SELECT version FROM app.meetings WHERE meeting_id = '{lapsed}'");
        await db.ScalarAsync<int>($"""
            UPDATE app.meetings SET meeting = jsonb_set(meeting, '{"{"}expiresAt{"}"}', to_jsonb('2020-01-01T00:00:00+00:00'::text))
            WHERE meeting_id = '{lapsed}' RETURNING 0
            """);

        await server.StartAsync();

        // The minutely sweep expires it without anyone opening the fair, once.
        Assert.True(await Api.EventuallyAsync(async () =>
            await db.ScalarAsync<string>($"SELECT status FROM app.meetings WHERE meeting_id = '{lapsed}'") == "Expired", 150), "the lapsed request was not expired");
        Assert.Equal(version + 1, await db.ScalarAsync<long>($"SELECT version FROM app.meetings WHERE meeting_id = '{lapsed}'"));

        using var http = server.CreateClient();
        http.As(await Api.LoginAsync(http, "organiser@demo.ocop"));
        var all = (await (await http.GetAsync($"api/fairs/{fairId}/meetings")).ReadJsonAsync())["items"]!.AsArray();
        var kept = all.Select(m => m!["meetingId"]!.GetValue<string>()).ToHashSet();
        Assert.Subset(kept, acknowledged.Keys.ToHashSet());
        Assert.Equal(version + 1, await db.ScalarAsync<long>($"SELECT version FROM app.meetings WHERE meeting_id = '{lapsed}'"));

        // Nobody is booked twice: one live meeting per buyer per slot, per exhibitor per slot (one table each).
        var live = all.Where(m => m!["status"]!.GetValue<string>() is "Requested" or "Accepted").ToList();
        Assert.Equal(live.Count, live.Select(m => (m!["buyerId"]!.GetValue<string>(), m["startsAt"]!.GetValue<DateTimeOffset>())).Distinct().Count());
        Assert.Equal(live.Count, live.Select(m => (m!["producerId"]!.GetValue<string>(), m["startsAt"]!.GetValue<DateTimeOffset>())).Distinct().Count());
    }
}
