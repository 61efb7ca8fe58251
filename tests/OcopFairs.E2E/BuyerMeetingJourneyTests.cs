using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.E2E;

/// <summary>
/// Issue 17 end to end: a buyer reads ranked suppliers with their reasons and asks one for a meeting; the exhibitor,
/// in a second browser, sees it arrive live and accepts, and both agendas follow without a reload; the organiser plans
/// the rest with schedule-all as a dry run, reads why some wishes stay unplaced, and publishes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class BuyerMeetingJourneyTests(BrowserFixture fixture)
{
    private static readonly TimeZoneInfo Hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private static object RiceBuyer(string organisation) => new
    {
        organisation,
        kind = "CleanFoodStore",
        province = "Hà Nội",
        representatives = new[] { new { name = "Lê Minh", phone = "0912 000 111" } },
        needs = new[] { new { keywords = new[] { "gạo nếp" }, groups = new[] { "Food" }, minStars = 3, certifications = Array.Empty<string>() } },
    };

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();

    [Fact]
    public async Task Buyer_requests_a_meeting_the_exhibitor_accepts_live_and_the_organiser_schedules_the_rest()
    {
        // Set-up through the API: a published fair with two 20-minute slots, one approved rice producer, three buyers.
        using var organiser = fixture.Server.CreateClient();
        organiser.As(await Api.LoginAsync(organiser, "organiser@demo.ocop"));
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 4);
        var producer = (await Rush.ApprovedProducersAsync(fixture.Server, organiser, fairId, 1))[0];
        var fair = await (await organiser.GetAsync($"api/fairs/{fairId}")).ReadJsonAsync();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fair["startsAt"]!.GetValue<DateTimeOffset>(), Hanoi).DateTime);
        (await organiser.PutAsJsonAsync($"api/fairs/{fairId}/matching-hours",
            new { days = new[] { new { date = day, from = "08:00", to = "08:40" } }, slotMinutes = 20, requestExpiryMinutes = 120 })).EnsureSuccessStatusCode();

        using var buyerHttp = fixture.Server.CreateClient();
        var buyerEmail = $"buyer-{Guid.NewGuid():N}@example.vn";
        (await buyerHttp.PostAsJsonAsync("api/auth/register", new { email = buyerEmail, password = "Mat-khau-9", role = "Buyer", displayName = "Chị Lan" })).EnsureSuccessStatusCode();
        buyerHttp.As(await Api.LoginAsync(buyerHttp, buyerEmail, "Mat-khau-9"));
        (await buyerHttp.PutAsJsonAsync("api/buyers/me", RiceBuyer("Chuỗi Gạo Sạch Lan Anh"))).EnsureSuccessStatusCode();
        (await buyerHttp.PostAsync($"api/fairs/{fairId}/buyers/me", null)).EnsureSuccessStatusCode();
        await BuyerAccounts.NewAsync(fixture.Server, RiceBuyer("Siêu thị Bình An"), registerFor: fairId);
        await BuyerAccounts.NewAsync(fixture.Server, RiceBuyer("Cửa hàng Nhà Quê"), registerFor: fairId);

        // The buyer's ranked suppliers: the producer with its reasons as Vietnamese sentences with numbers.
        var buyer = await fixture.NewPageAsync(360, 780);
        await BrowserFixture.SignInAsync(buyer, buyerEmail, "Mat-khau-9");
        await buyer.GotoAsync($"/fairs/{fairId}/matches");
        var match = buyer.Locator($"[data-testid=match-{producer.ProducerId}]");
        await Assertions.Expect(match).ToBeVisibleAsync();
        await Assertions.Expect(match.Locator("h3")).ToHaveTextAsync("Hợp tác xã Giữ Chỗ 0");
        await Assertions.Expect(match.Locator("[data-testid=match-reasons] li").First).ToBeVisibleAsync();
        var reasons = await match.Locator("[data-testid=match-reasons] li").AllInnerTextsAsync();
        Assert.Contains(reasons, r => r.Contains("sao OCOP") && Digit().IsMatch(r));
        await Assertions.Expect(match.Locator("[data-testid=match-score]")).ToContainTextAsync("/100");
        await BrowserFixture.CheckPageAsync(buyer, "matches");

        // The exhibitor's agenda is open, empty, in another browser.
        var exhibitor = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(exhibitor, producer.Email, "Mat-khau-9");
        await exhibitor.GotoAsync($"/fairs/{fairId}/interested");
        await Assertions.Expect(exhibitor.Locator("[data-testid=interested-list]")).ToContainTextAsync("Chuỗi Gạo Sạch Lan Anh");
        await Assertions.Expect(exhibitor.Locator("[data-testid=interested-list]")).ToContainTextAsync("Cửa hàng thực phẩm sạch");
        await BrowserFixture.CheckPageAsync(exhibitor, "interested-buyers");
        await exhibitor.GotoAsync($"/fairs/{fairId}/meetings");
        await Assertions.Expect(exhibitor.Locator("[data-testid=agenda-empty]")).ToBeVisibleAsync();
        await Assertions.Expect(exhibitor.Locator("[data-testid=live-status]")).ToHaveAttributeAsync("data-state", "live");

        // "Hẹn gặp": the first free slot, with a note.
        await match.Locator("[data-testid=match-meet]").ClickAsync();
        var panel = buyer.Locator("[data-testid=request-panel]");
        await panel.Locator(".slot").First.ClickAsync();
        await panel.Locator("[data-testid=request-note]").FillAsync("Muốn hỏi giá gạo nếp sỉ");
        await panel.Locator("[data-testid=request-send]").ClickAsync();
        await Assertions.Expect(panel.Locator("[data-testid=request-sent]")).ToContainTextAsync("08:00");

        // The request arrives at the exhibitor without a reload: awaiting their answer.
        var seen = exhibitor.Locator("[data-testid^=meeting-m-]");
        await Assertions.Expect(seen).ToHaveCountAsync(1);
        await Assertions.Expect(seen.Locator("[data-testid=meeting-status]")).ToHaveTextAsync("Đang chờ trả lời");
        await Assertions.Expect(seen.Locator("[data-testid=meeting-waiting]")).ToHaveAttributeAsync("data-waiting", "you");
        await Assertions.Expect(seen.Locator("[data-testid=meeting-party]")).ToContainTextAsync("Chuỗi Gạo Sạch Lan Anh");

        // The buyer opens their agenda: waiting for the exhibitor.
        await buyer.GotoAsync($"/fairs/{fairId}/meetings");
        var mine = buyer.Locator("[data-testid^=meeting-m-]");
        await Assertions.Expect(mine.Locator("[data-testid=meeting-status]")).ToHaveTextAsync("Đang chờ trả lời");
        await Assertions.Expect(mine.Locator("[data-testid=meeting-party]")).ToContainTextAsync("Hợp tác xã Giữ Chỗ 0");
        await Assertions.Expect(buyer.Locator("[data-testid=live-status]")).ToHaveAttributeAsync("data-state", "live");

        // The exhibitor accepts; both agendas show it accepted, neither reloaded.
        await seen.Locator("[data-testid=meeting-accept]").ClickAsync();
        await Assertions.Expect(seen).ToHaveAttributeAsync("data-status", "Accepted");
        await Assertions.Expect(mine).ToHaveAttributeAsync("data-status", "Accepted");
        await Assertions.Expect(mine.Locator("[data-testid=meeting-status]")).ToHaveTextAsync("Đã nhận lời");
        await BrowserFixture.CheckPageAsync(buyer, "agenda");

        // The organiser: a dry run plans the other slot for one buyer and says why the rest stay unplaced.
        var desk = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(desk, "organiser@demo.ocop", Api.DemoPassword);
        await desk.GotoAsync($"/fairs/{fairId}/schedule");
        await desk.ClickAsync("[data-testid=schedule-run]");
        await Assertions.Expect(desk.Locator("[data-testid=schedule-plan]")).ToBeVisibleAsync();
        await Assertions.Expect(desk.Locator("[data-testid=planned-meeting]")).ToHaveCountAsync(1);
        await Assertions.Expect(desk.Locator("[data-testid=plan-unplaced-list]")).ToContainTextAsync("Hai bên đã có lịch gặp.");
        await Assertions.Expect(desk.Locator("[data-testid=plan-unplaced-list]")).ToContainTextAsync("Không còn khung giờ nào cả hai bên cùng rảnh.");
        await BrowserFixture.CheckPageAsync(desk, "schedule-dry-run");

        // Publishing once: a double click places nothing twice.
        await desk.Locator("[data-testid=schedule-publish]").DblClickAsync();
        await Assertions.Expect(desk.Locator("[data-testid=published-summary]")).ToContainTextAsync("tạo 1 cuộc hẹn");
        var all = await (await organiser.GetAsync($"api/fairs/{fairId}/meetings")).ReadJsonAsync();
        Assert.Equal(2, all["items"]!.AsArray().Count);

        // The exhibitor's agenda gains the scheduled meeting live.
        await Assertions.Expect(seen).ToHaveCountAsync(2);

        // The organiser's overview counts both, by status name.
        await desk.GotoAsync($"/fairs/{fairId}/meetings");
        await Assertions.Expect(desk.Locator("[data-testid=overview-total]")).ToContainTextAsync("2");
        await Assertions.Expect(desk.Locator("[data-testid=overview-counts]")).ToContainTextAsync("Đã nhận lời");
    }
}
