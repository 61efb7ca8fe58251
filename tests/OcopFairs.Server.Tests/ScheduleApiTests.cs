using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class ScheduleApiTests(ServerFixture fixture)
{
    private static readonly TimeZoneInfo Hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public async Task Schedule_all_plans_as_a_dry_run_keeps_live_meetings_and_publishes_once_per_idempotency_key()
    {
        var organiser = await fixture.OrganiserAsync();
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 4, boothsPerProducer: 1);
        var producers = await Rush.ApprovedProducersAsync(fixture.Server, organiser, fairId, 3);
        var fair = await (await organiser.GetAsync($"api/fairs/{fairId}")).ReadJsonAsync();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fair["startsAt"]!.GetValue<DateTimeOffset>(), Hanoi).DateTime);
        (await organiser.PutAsJsonAsync($"api/fairs/{fairId}/matching-hours",
            new { days = new[] { new { date = day, from = "08:00", to = "09:00" } }, slotMinutes = 20, requestExpiryMinutes = 120 })).EnsureSuccessStatusCode();
        var first = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7));

        // Four buyers who all want rice (the exhibitors sell "Gạo nếp"); one already meets the first exhibitor at 08:00.
        var rice = new
        {
            organisation = "Chuỗi cửa hàng Gạo Sạch", kind = "CleanFoodStore", province = "Hà Nội",
            representatives = new[] { new { name = "Lê Minh", phone = "0912 000 111" } },
            needs = new[] { new { keywords = new[] { "gạo nếp" }, groups = new[] { "Food" }, minStars = 3, certifications = Array.Empty<string>() } },
        };
        var buyers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => BuyerAccounts.NewAsync(fixture.Server, rice, registerFor: fairId)));
        var asked = await (await buyers[0].Http.PostAsJsonAsync($"api/fairs/{fairId}/meetings", new { producerId = producers[0].ProducerId, startsAt = first })).ReadJsonAsync();
        (await producers[0].Http.PostAsync($"api/fairs/{fairId}/meetings/{asked["meetingId"]}/accept", null)).EnsureSuccessStatusCode();

        async Task<int> CountAsync() => (await (await organiser.GetAsync($"api/fairs/{fairId}/meetings")).ReadJsonAsync())["items"]!.AsArray().Count;

        var dry = await (await organiser.PostAsJsonAsync($"api/fairs/{fairId}/meetings/schedule", new { dryRun = true })).ReadJsonAsync();
        Assert.True(dry["dryRun"]!.GetValue<bool>());
        var planned = dry["meetings"]!.AsArray();
        // 4 buyers × 3 exhibitors wished, 1 already meeting: 11 wishes, and 3 slots × 3 exhibitors hold 9 minus the kept one.
        Assert.Equal(8, planned.Count);
        Assert.Equal(planned.Count, planned.Select(m => (m!["buyerId"]!.GetValue<string>(), m["startsAt"]!.GetValue<DateTimeOffset>())).Distinct().Count());
        Assert.DoesNotContain(planned, m => m!["buyerId"]!.GetValue<string>() == buyers[0].BuyerId && m["startsAt"]!.GetValue<DateTimeOffset>() == first);
        Assert.True(dry["objective"]!.GetValue<long>() <= dry["bound"]!.GetValue<long>());
        var unplaced = dry["unplaced"]!.AsArray();
        Assert.Contains(unplaced, u => u!["reasons"]!.AsArray().Any(r => r!.GetValue<string>() == "schedule.alreadyMeeting"));
        Assert.All(unplaced, u => Assert.DoesNotContain(".", u!["messages"]![0]!.GetValue<string>()[..^1]));
        Assert.Equal(1, await CountAsync()); // a dry run places nothing

        using var publish = new HttpRequestMessage(HttpMethod.Post, $"api/fairs/{fairId}/meetings/schedule") { Content = JsonContent.Create(new { dryRun = false }) };
        publish.Headers.Add("Idempotency-Key", "lich-1");
        var published = await (await organiser.SendAsync(publish)).ReadJsonAsync();
        Assert.False(published["replayed"]!.GetValue<bool>());
        Assert.Equal(8, published["meetings"]!.AsArray().Count);
        Assert.All(published["meetings"]!.AsArray(), m => Assert.StartsWith("m-", m!["meetingId"]!.GetValue<string>()));
        Assert.Equal(9, await CountAsync());
        var mine = (await (await buyers[1].Http.GetAsync($"api/fairs/{fairId}/meetings")).ReadJsonAsync())["items"]!.AsArray();
        Assert.All(mine, m => Assert.Equal("Accepted", m!["status"]!.GetValue<string>()));

        using var again = new HttpRequestMessage(HttpMethod.Post, $"api/fairs/{fairId}/meetings/schedule") { Content = JsonContent.Create(new { dryRun = false }) };
        again.Headers.Add("Idempotency-Key", "lich-1");
        var replayed = await (await organiser.SendAsync(again)).ReadJsonAsync();
        Assert.True(replayed["replayed"]!.GetValue<bool>());
        Assert.Equal(9, await CountAsync());

        // Only the fair's organiser schedules.
        Assert.Equal(HttpStatusCode.Forbidden, (await buyers[1].Http.PostAsJsonAsync($"api/fairs/{fairId}/meetings/schedule", new { dryRun = true })).StatusCode);
    }
}
