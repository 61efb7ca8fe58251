using System.Net.Http.Json;
using Microsoft.Playwright;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.E2E;

/// <summary>
/// Issue 18 end to end, the parties' side: a buyer drafts a consumption contract from a meeting both sides attended;
/// the exhibitor, in a second browser, changes a quantity — a new version —; the buyer's open page shows it without a
/// reload, with the change marked, and the buyer signs it again; the exhibitor signs; both pages say "Đã ký".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DealJourneyTests(BrowserFixture fixture)
{
    private static readonly TimeZoneInfo Hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public async Task Buyer_drafts_from_a_held_meeting_the_exhibitor_changes_a_quantity_and_both_sign_the_new_version()
    {
        // A fair starting within the hour, so a meeting can be held now: its matching hours are a 10-minute slot that
        // begins in two minutes (check-in opens a quarter of an hour before a slot).
        using var organiser = fixture.Server.CreateClient();
        organiser.As(await Api.LoginAsync(organiser, "organiser@demo.ocop"));
        var created = await organiser.PostAsJsonAsync("api/fairs", Api.NewFair("Hội chợ ký kết " + Guid.NewGuid().ToString("N")[..6], DateTimeOffset.UtcNow.AddHours(1)));
        created.EnsureSuccessStatusCode();
        var fairId = (await created.ReadJsonAsync())["fairId"]!.GetValue<string>();
        (await organiser.PostAsJsonAsync($"api/fairs/{fairId}/floor-plan/grid", Api.SmallGrid)).EnsureSuccessStatusCode();
        (await organiser.PostAsync($"api/fairs/{fairId}/publish", null)).EnsureSuccessStatusCode();
        var producer = (await Rush.ApprovedProducersAsync(fixture.Server, organiser, fairId, 1))[0];

        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Hanoi);
        var from = TimeOnly.FromDateTime(local.DateTime.AddMinutes(2));
        from = new TimeOnly(from.Hour, from.Minute);
        if (from > new TimeOnly(23, 40))
        {
            // Too close to the fair's midnight for a slot today; nothing here depends on the hour otherwise.
            return;
        }

        var day = DateOnly.FromDateTime(local.DateTime);
        (await organiser.PutAsJsonAsync($"api/fairs/{fairId}/matching-hours",
            new { days = new[] { new { date = day, from = from.ToString("HH:mm"), to = from.AddMinutes(10).ToString("HH:mm") } }, slotMinutes = 10, requestExpiryMinutes = 5 }))
            .EnsureSuccessStatusCode();

        using var buyerHttp = fixture.Server.CreateClient();
        var buyerEmail = $"buyer-{Guid.NewGuid():N}@example.vn";
        (await buyerHttp.PostAsJsonAsync("api/auth/register", new { email = buyerEmail, password = "Mat-khau-9", role = "Buyer", displayName = "Chị Lan" })).EnsureSuccessStatusCode();
        buyerHttp.As(await Api.LoginAsync(buyerHttp, buyerEmail, "Mat-khau-9"));
        (await buyerHttp.PutAsJsonAsync("api/buyers/me", new
        {
            organisation = "Chuỗi Gạo Sạch Lan Anh",
            kind = "CleanFoodStore",
            province = "Hà Nội",
            representatives = new[] { new { name = "Lê Minh", phone = "0912 000 111" } },
            needs = new[] { new { keywords = new[] { "gạo nếp" }, groups = new[] { "Food" }, minStars = 3, certifications = Array.Empty<string>() } },
        })).EnsureSuccessStatusCode();
        (await buyerHttp.PostAsync($"api/fairs/{fairId}/buyers/me", null)).EnsureSuccessStatusCode();

        // The meeting: requested, accepted, and both sides check in — held.
        var slot = MeetingStart(day, from);
        var requested = await buyerHttp.PostAsJsonAsync($"api/fairs/{fairId}/meetings", new { producerId = producer.ProducerId, startsAt = slot });
        requested.EnsureSuccessStatusCode();
        var meetingId = (await requested.ReadJsonAsync())["meetingId"]!.GetValue<string>();
        (await producer.Http.PostAsync($"api/fairs/{fairId}/meetings/{meetingId}/accept", null)).EnsureSuccessStatusCode();
        (await buyerHttp.PostAsync($"api/fairs/{fairId}/meetings/{meetingId}/check-in", null)).EnsureSuccessStatusCode();
        var held = await (await producer.Http.PostAsync($"api/fairs/{fairId}/meetings/{meetingId}/check-in", null)).ReadJsonAsync();
        Assert.Equal("Held", held["status"]!.GetValue<string>());

        // The buyer, on a phone: "Lập biên bản" on the held meeting opens the form with the exhibitor's product.
        var buyer = await fixture.NewPageAsync(360, 780);
        await BrowserFixture.SignInAsync(buyer, buyerEmail, "Mat-khau-9");
        await buyer.GotoAsync($"/fairs/{fairId}/meetings");
        var meeting = buyer.Locator($"[data-testid=meeting-{meetingId}]");
        await Assertions.Expect(meeting).ToHaveAttributeAsync("data-status", "Held");
        await meeting.Locator("[data-testid=meeting-deal]").ClickAsync();
        await buyer.WaitForURLAsync(url => url.Contains("/deals/new"));
        var form = buyer.Locator("[data-testid=deal-new-form]");
        await Assertions.Expect(form.Locator("[data-testid=line-product]")).Not.ToHaveValueAsync("");
        await Assertions.Expect(buyer.Locator("[data-testid=deal-from-meeting]")).ToBeVisibleAsync();
        await form.Locator("[data-testid=deal-kind]").SelectOptionAsync("ConsumptionContract");
        var line = form.Locator("[data-testid=line-form-0]");
        await line.Locator("[data-testid=line-quantity-input]").FillAsync("2000");
        await line.Locator("[data-testid=line-unit]").SelectOptionAsync("kg");
        await line.Locator("[data-testid=line-price]").FillAsync("45.000");
        await line.Locator("[data-testid=line-months]").SelectOptionAsync("6");
        await form.Locator("[data-testid=deal-delivery]").FillAsync("Giao tại kho Hà Nội, thanh toán sau 15 ngày");
        await form.Locator("[data-testid=market-vn]").CheckAsync();
        await form.Locator("[data-testid=market-name]").FillAsync("Hà Nội");
        // Valid from a month on: signed, not yet in force.
        var validFrom = day.AddMonths(1);
        await form.Locator("[data-testid=valid-from]").FillAsync(validFrom.ToString("yyyy-MM-dd"));
        // 2,000 kg a month for 6 months: 12 tonnes, 540 million đồng.
        await Assertions.Expect(form.Locator("[data-testid=new-totals] [data-testid=total-tonnes]")).ToHaveTextAsync("12 tấn");
        await Assertions.Expect(form.Locator("[data-testid=new-totals] [data-testid=total-vnd]")).ToHaveTextAsync("540.000.000 ₫");
        await BrowserFixture.CheckPageAsync(buyer, "deal-new");
        await form.Locator("[data-testid=deal-create]").ClickAsync();

        await buyer.WaitForURLAsync(url => url.Contains("/deals/") && !url.Contains("/deals/new"));
        var dealId = buyer.Url.Split("/deals/")[1].Split('?')[0];
        await Assertions.Expect(buyer.Locator("[data-testid=deal-status]")).ToHaveTextAsync("Bản nháp");
        await Assertions.Expect(buyer.Locator("[data-testid=live-status]")).ToHaveAttributeAsync("data-state", "live");
        await buyer.Locator("[data-testid=deal-sign]").ClickAsync();
        await Assertions.Expect(buyer.Locator("[data-testid=signature-Buyer]")).ToHaveAttributeAsync("data-signed", "true");
        await Assertions.Expect(buyer.Locator("[data-testid=deal-status]")).ToHaveTextAsync("Chờ ký");

        // The exhibitor, in another browser, finds it waiting for their signature and changes the quantity.
        var exhibitor = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(exhibitor, producer.Email, "Mat-khau-9");
        await exhibitor.GotoAsync($"/fairs/{fairId}");
        await exhibitor.Locator("[data-testid=deals-link]").ClickAsync();
        var card = exhibitor.Locator($"[data-testid=deal-{dealId}]");
        await Assertions.Expect(card.Locator("[data-testid=deal-waiting]")).ToHaveAttributeAsync("data-waiting", "you");
        await Assertions.Expect(card.Locator("[data-testid=deal-party]")).ToContainTextAsync("Chuỗi Gạo Sạch Lan Anh");
        await BrowserFixture.CheckPageAsync(exhibitor, "deals-list");
        await card.Locator("[data-testid=deal-open]").ClickAsync();
        await Assertions.Expect(exhibitor.Locator("[data-testid=deal-version]")).ToHaveAttributeAsync("data-version", "1");
        await Assertions.Expect(exhibitor.Locator("[data-testid=live-status]")).ToHaveAttributeAsync("data-state", "live");
        await exhibitor.Locator("[data-testid=deal-change]").ClickAsync();
        var change = exhibitor.Locator("[data-testid=deal-change-form]");
        await change.Locator("[data-testid=line-form-0] [data-testid=line-quantity-input]").FillAsync("1500");
        await change.Locator("[data-testid=deal-change-save]").ClickAsync();
        await Assertions.Expect(exhibitor.Locator("[data-testid=deal-version]")).ToHaveAttributeAsync("data-version", "2");

        // The buyer's page, not reloaded, shows version 2, its signature gone, and the quantity marked as changed.
        await Assertions.Expect(buyer.Locator("[data-testid=deal-version]")).ToHaveAttributeAsync("data-version", "2");
        await Assertions.Expect(buyer.Locator("[data-testid=deal-new-version]")).ToBeVisibleAsync();
        await Assertions.Expect(buyer.Locator("[data-testid=signature-Buyer]")).ToHaveAttributeAsync("data-signed", "false");
        await Assertions.Expect(buyer.Locator("[data-testid=deal-line-0] [data-testid=line-quantity]")).ToContainTextAsync("1.500");
        await Assertions.Expect(buyer.Locator("[data-testid=versions-compare] [data-testid=diff-changed-quantity]")).ToContainTextAsync("1.500");
        await Assertions.Expect(buyer.Locator("[data-testid=deal-totals] [data-testid=total-tonnes]")).ToHaveTextAsync("9 tấn");
        await BrowserFixture.CheckPageAsync(buyer, "deal-new-version");

        // The buyer signs version 2; the exhibitor sees it and signs too; both pages say signed.
        await Assertions.Expect(buyer.Locator("[data-testid=deal-sign]")).ToHaveAttributeAsync("data-version", "2");
        await buyer.Locator("[data-testid=deal-sign]").ClickAsync();
        await Assertions.Expect(exhibitor.Locator("[data-testid=signature-Buyer]")).ToHaveAttributeAsync("data-signed", "true");
        await exhibitor.Locator("[data-testid=deal-sign]").ClickAsync();
        await Assertions.Expect(exhibitor.Locator("[data-testid=deal-status]")).ToHaveTextAsync("Đã ký");
        await Assertions.Expect(buyer.Locator("[data-testid=deal-status]")).ToHaveTextAsync("Đã ký");
        await Assertions.Expect(buyer.Locator("[data-testid=signature-Producer]")).ToHaveAttributeAsync("data-signed", "true");
        await BrowserFixture.CheckPageAsync(exhibitor, "deal-signed");

        // The organiser's list of the fair's signed deals holds it.
        var desk = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(desk, "organiser@demo.ocop", Api.DemoPassword);
        await desk.GotoAsync($"/fairs/{fairId}/deals");
        await Assertions.Expect(desk.Locator($"[data-testid=organiser-deals] [data-testid=deal-{dealId}]")).ToContainTextAsync("Chuỗi Gạo Sạch Lan Anh");
        await Assertions.Expect(desk.Locator($"[data-testid=deal-{dealId}] [data-testid=deal-status]")).ToHaveTextAsync("Đã ký");

        // The ledger agrees: version 2, both signatures on it.
        var stored = await (await buyerHttp.GetAsync($"api/fairs/{fairId}/deals/{dealId}")).ReadJsonAsync();
        Assert.Equal(2, stored["version"]!.GetValue<int>());
        Assert.Equal(2, stored["signatures"]!.AsArray().Count(s => s!["version"]!.GetValue<int>() == 2));
    }

    private static DateTimeOffset MeetingStart(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Hanoi.GetUtcOffset(local));
    }
}
