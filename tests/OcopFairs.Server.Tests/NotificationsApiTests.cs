using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class NotificationsApiTests(ServerFixture fixture)
{
    private static async Task<JsonArray> InboxAsync(HttpClient http, string fairId, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/me/notifications") { Headers = { { "Accept-Language", language } } };
        var all = JsonNode.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync())!.AsArray();
        return new JsonArray([.. all.Where(n => n!["fairId"]?.GetValue<string>() == fairId).Select(n => n!.DeepClone())]);
    }

    private static JsonNode Kind(JsonArray inbox, string kind) => Assert.Single(inbox, n => n!["kind"]!.GetValue<string>() == kind)!;

    [Fact]
    public async Task Holding_confirming_and_releasing_a_booth_lands_in_the_producers_inbox_in_either_language()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 3, holdMinutes: 30);
        var producer = (await Rush.ApprovedProducersAsync(fixture.Server, organiser, fairId, 1))[0];

        (await producer.Http.PostAsync($"api/fairs/{fairId}/booths/H01/hold", null)).EnsureSuccessStatusCode();
        (await producer.Http.PostAsync($"api/fairs/{fairId}/booths/H01/confirm", null)).EnsureSuccessStatusCode();
        (await producer.Http.PostAsync($"api/fairs/{fairId}/booths/H01/release", null)).EnsureSuccessStatusCode();

        // Notices are raised after the commit without holding up the answer: wait for all three.
        string[] kinds = ["booth.held", "booth.confirmed", "booth.released"];
        Assert.True(await Api.EventuallyAsync(async () =>
        {
            var inbox = await InboxAsync(producer.Http, fairId, "vi");
            return kinds.All(k => inbox.Any(n => n!["kind"]!.GetValue<string>() == k));
        }, 20), "the booth notices did not arrive");

        var vi = await InboxAsync(producer.Http, fairId, "vi");
        var en = await InboxAsync(producer.Http, fairId, "en");
        Assert.Equal(vi.Count, en.Count);

        var heldVi = Kind(vi, "booth.held");
        Assert.Contains("bạn đang giữ gian hàng H01", heldVi["title"]!.GetValue<string>());
        Assert.Contains("khu H", heldVi["body"]!.GetValue<string>());
        Assert.Equal("H01", heldVi["facts"]!["boothCode"]!.GetValue<string>());
        var heldEn = Kind(en, "booth.held");
        Assert.Contains("you hold booth H01", heldEn["title"]!.GetValue<string>());
        Assert.Contains("zone H", heldEn["body"]!.GetValue<string>());
        Assert.Equal(heldVi["id"]!.GetValue<string>(), heldEn["id"]!.GetValue<string>());

        Assert.Contains("đã xác nhận gian hàng H01", Kind(vi, "booth.confirmed")["title"]!.GetValue<string>());
        Assert.Contains("booth H01 confirmed", Kind(en, "booth.confirmed")["title"]!.GetValue<string>());
        Assert.Contains("đã trả gian hàng H01", Kind(vi, "booth.released")["title"]!.GetValue<string>());
        Assert.Contains("booth H01 released", Kind(en, "booth.released")["title"]!.GetValue<string>());

        // The application's approval is worded per reader too, from the same stored entry.
        var approvedVi = Kind(vi, "application.approved");
        var approvedEn = Kind(en, "application.approved");
        Assert.Contains("hồ sơ đã duyệt", approvedVi["title"]!.GetValue<string>());
        Assert.Contains("application approved", approvedEn["title"]!.GetValue<string>());
        Assert.Equal("Approved", approvedEn["facts"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_organiser_taking_a_booth_back_tells_its_producer()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 3, holdMinutes: 30);
        var producer = (await Rush.ApprovedProducersAsync(fixture.Server, organiser, fairId, 1))[0];

        (await organiser.PostAsJsonAsync($"api/fairs/{fairId}/booths/H02/assign", new { producerId = producer.ProducerId })).EnsureSuccessStatusCode();
        (await organiser.PostAsync($"api/fairs/{fairId}/booths/H02/unassign", null)).EnsureSuccessStatusCode();

        Assert.True(await Api.EventuallyAsync(async () =>
        {
            var inbox = await InboxAsync(producer.Http, fairId, "en");
            return inbox.Any(n => n!["kind"]!.GetValue<string>() == "booth.unassigned");
        }, 20), "the unassign notice did not arrive");
        var en = await InboxAsync(producer.Http, fairId, "en");
        Assert.Contains("booth H02 assigned to you", Kind(en, "booth.assigned")["title"]!.GetValue<string>());
        Assert.Contains("booth H02 taken back", Kind(en, "booth.unassigned")["title"]!.GetValue<string>());
        var vi = await InboxAsync(producer.Http, fairId, "vi");
        Assert.Contains("gian hàng H02 đã bị thu hồi", Kind(vi, "booth.unassigned")["title"]!.GetValue<string>());
    }
}
