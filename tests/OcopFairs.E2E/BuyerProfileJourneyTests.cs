using System.Net.Http.Json;
using Microsoft.Playwright;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.E2E;

/// <summary>
/// A buyer states a sourcing need on a phone, registers for a fair and opens the badge; the organiser checks the badge
/// in at the gate and sets the matching hours.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BuyerProfileJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_buyer_fills_a_need_at_360_pixels_registers_and_the_organiser_checks_the_badge_in_at_the_gate()
    {
        using var http = fixture.Server.CreateClient();
        var email = $"buyer-{Guid.NewGuid():N}@example.vn";
        (await http.PostAsJsonAsync("api/auth/register", new { email, password = "Mat-khau-9", role = "Buyer", displayName = "Nguyễn Thu Hà", locale = "vi" }))
            .EnsureSuccessStatusCode();
        using var organiserApi = fixture.Server.CreateClient();
        organiserApi.As(await Api.LoginAsync(organiserApi, "organiser@demo.ocop"));
        var fairId = await Catalog.PublishedFairAsync(organiserApi);
        var organisation = "Siêu thị Sạch " + Guid.NewGuid().ToString("N")[..6];

        var page = await fixture.NewPageAsync(360, 740);
        await BrowserFixture.SignInAsync(page, email, "Mat-khau-9");
        await page.ClickAsync("[data-testid=menu-button]");
        await page.ClickAsync("[data-testid=nav-buyer]");
        await page.WaitForURLAsync(url => url.EndsWith("/buyer"));

        // No error before the buyer acts; the signed-in person is the first representative.
        await Assertions.Expect(page.Locator("[data-testid=buyer-form]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".field__error")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=rep-0-name]")).ToHaveValueAsync("Nguyễn Thu Hà");
        await page.FillAsync("[data-testid=buyer-organisation]", organisation);
        await page.SelectOptionAsync("[data-testid=buyer-kind]", "Supermarket");
        await Assertions.Expect(page.Locator("[data-testid=buyer-kind] option[value=Supermarket]")).ToHaveTextAsync("Siêu thị");
        await page.FillAsync("[data-testid=rep-0-phone]", "0912 345 678");

        // Saving a need with neither keywords nor groups is refused beside it, in Vietnamese.
        await page.ClickAsync("[data-testid=buyer-save]");
        await Assertions.Expect(page.Locator("[data-testid='error-needs[0].keywords']")).ToHaveTextAsync("Hãy nêu từ khóa hoặc chọn nhóm sản phẩm cần tìm.");

        await page.FillAsync("[data-testid=need-0-keywords-input]", "bưởi Diễn");
        await page.PressAsync("[data-testid=need-0-keywords-input]", "Enter");
        await Assertions.Expect(page.Locator("[data-testid='error-needs[0].keywords']")).ToHaveCountAsync(0);
        await page.CheckAsync("[data-testid=need-0-group-Food]");
        await page.SelectOptionAsync("[data-testid=need-0-minStars]", "4");
        await page.Locator("[data-testid=need-0-certifications-suggest]", new() { HasText = "VietGAP" }).ClickAsync();
        await page.FillAsync("[data-testid=need-0-quantity]", "5");
        await page.SelectOptionAsync("[data-testid=need-0-unit]", "tan");
        await page.FillAsync("[data-testid=need-0-priceMin]", "20000");
        await page.FillAsync("[data-testid=need-0-priceMax]", "35000");
        await Assertions.Expect(page.Locator("#need-0-min-vnd")).ToHaveTextAsync("20.000 ₫");
        await page.Locator("[data-testid=need-0-markets-suggest]", new() { HasText = "Hà Nội" }).ClickAsync();
        await BrowserFixture.CheckPageAsync(page, "buyer-profile");
        await AssertFitsAsync(page);
        await page.ClickAsync("[data-testid=buyer-save]");
        await Assertions.Expect(page.Locator("[data-testid=buyer-saved]")).ToBeVisibleAsync();

        // The profile is stored as sent, the unit canonical.
        var me = await page.EvaluateAsync<string>("async () => JSON.stringify(await (await fetch('/api/buyers/me')).json())");
        Assert.Contains("\"unit\":\"tan\"", me);
        Assert.Contains("bưởi Diễn", me);

        // Registering for the published fair leads to the badge.
        await page.GotoAsync($"/fairs/{fairId}");
        await page.ClickAsync("[data-testid=buyer-register]");
        await page.WaitForURLAsync(url => url.EndsWith($"/fairs/{fairId}/badge"));
        var code = (await page.Locator("[data-testid=badge-code]").TextContentAsync())!.Trim();
        Assert.Matches("^[A-Z0-9-]{4,}$", code);
        await Assertions.Expect(page.Locator("[data-testid=badge-organisation]")).ToHaveTextAsync(organisation);
        await Assertions.Expect(page.Locator("[data-testid=badge-qr]")).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await page.Locator("[data-testid=badge-qr]").EvaluateAsync<int>("img => img.naturalWidth") > 0, "the QR loads");
        await BrowserFixture.CheckPageAsync(page, "buyer-badge");
        // Back on the fair page the buyer is offered the badge, not a second registration.
        await page.GotoAsync($"/fairs/{fairId}");
        await Assertions.Expect(page.Locator("[data-testid=buyer-badge-link]")).ToBeVisibleAsync();

        // The organiser types the code loosely at the gate: the buyer is in and counted by kind.
        var gate = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(gate, "organiser@demo.ocop", Api.DemoPassword);
        await gate.GotoAsync($"/fairs/{fairId}");
        await gate.ClickAsync("[data-testid=gate-link]");
        await gate.WaitForURLAsync(url => url.EndsWith($"/fairs/{fairId}/gate"));
        await Assertions.Expect(gate.Locator("[data-testid=gate-present]")).ToHaveTextAsync("Có mặt 0 / 1 đã đăng ký");
        await gate.FillAsync("[data-testid=gate-code]", " " + code.ToLowerInvariant() + " ");
        await gate.ClickAsync("[data-testid=gate-submit]");
        var result = gate.Locator("[data-testid=gate-result]");
        await Assertions.Expect(result).ToHaveAttributeAsync("data-state", "in");
        await Assertions.Expect(result).ToContainTextAsync("Đã vào");
        await Assertions.Expect(result).ToContainTextAsync(organisation);
        await Assertions.Expect(result).ToContainTextAsync("Siêu thị");
        await Assertions.Expect(gate.Locator("[data-testid=gate-present]")).ToHaveTextAsync("Có mặt 1 / 1 đã đăng ký");
        await Assertions.Expect(gate.Locator("[data-testid=gate-kind-Supermarket] td").Nth(1)).ToHaveTextAsync("1");

        // A second scan says when the buyer came in; an unknown code is refused in words.
        await gate.FillAsync("[data-testid=gate-code]", code);
        await gate.ClickAsync("[data-testid=gate-submit]");
        await Assertions.Expect(result).ToHaveAttributeAsync("data-state", "again");
        await Assertions.Expect(result).ToContainTextAsync("Đã vào lúc");
        await gate.FillAsync("[data-testid=gate-code]", "KHONG-CO");
        await gate.ClickAsync("[data-testid=gate-submit]");
        await Assertions.Expect(result).ToHaveAttributeAsync("data-state", "error");
        await Assertions.Expect(result).ToContainTextAsync("Không tìm thấy thẻ tham dự");
        await Assertions.Expect(gate.Locator("[data-testid=gate-scans] li")).ToHaveCountAsync(2);
        await BrowserFixture.CheckPageAsync(gate, "buyer-gate");

        // The buyer's badge now says when they came in.
        await page.GotoAsync($"/fairs/{fairId}/badge");
        await Assertions.Expect(page.Locator("[data-testid=badge-checked-in]")).ToContainTextAsync("Bạn đã vào cổng lúc");
    }

    [Fact]
    public async Task A_signed_out_buyer_without_a_profile_is_led_through_sign_in_and_the_profile_to_the_badge()
    {
        using var http = fixture.Server.CreateClient();
        var email = $"buyer-{Guid.NewGuid():N}@example.vn";
        (await http.PostAsJsonAsync("api/auth/register", new { email, password = "Mat-khau-9", role = "Buyer", displayName = "Phạm Minh", locale = "vi" }))
            .EnsureSuccessStatusCode();
        using var organiserApi = fixture.Server.CreateClient();
        organiserApi.As(await Api.LoginAsync(organiserApi, "organiser@demo.ocop"));
        var fairId = await Catalog.PublishedFairAsync(organiserApi);

        var page = await fixture.NewPageAsync(360, 740);
        await page.GotoAsync($"/fairs/{fairId}");
        await page.ClickAsync("[data-testid=buyer-register-sign-in]");
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", "Mat-khau-9");
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => url.EndsWith($"/fairs/{fairId}/badge"));

        // Not registered yet, and without a profile the server says so in words, with the way to make one.
        await page.ClickAsync("[data-testid=badge-register]");
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("Hãy tạo hồ sơ người mua trước khi đăng ký tham dự.");
        await page.ClickAsync("text=Tạo hồ sơ người mua");
        await page.WaitForURLAsync(url => url.Contains("/buyer?next="));
        await page.FillAsync("[data-testid=buyer-organisation]", "Nhà hàng Sen");
        await page.SelectOptionAsync("[data-testid=buyer-kind]", "Restaurant");
        await page.CheckAsync("[data-testid=need-0-group-Beverages]");
        await page.ClickAsync("[data-testid=buyer-save]");
        await page.ClickAsync("[data-testid=buyer-continue]");
        await page.WaitForURLAsync(url => url.EndsWith($"/fairs/{fairId}/badge"));
        await page.ClickAsync("[data-testid=badge-register]");
        await Assertions.Expect(page.Locator("[data-testid=badge-organisation]")).ToHaveTextAsync("Nhà hàng Sen");

        // Printed, the badge is the card alone: no header, no buttons.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.topbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=badge-print]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=badge-code]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_organiser_sets_matching_hours_and_sees_a_refused_field_beside_it()
    {
        using var organiserApi = fixture.Server.CreateClient();
        organiserApi.As(await Api.LoginAsync(organiserApi, "organiser@demo.ocop"));
        var fairId = await Catalog.PublishedFairAsync(organiserApi);

        var page = await fixture.NewPageAsync(360, 740);
        await BrowserFixture.SignInAsync(page, "organiser@demo.ocop", Api.DemoPassword);
        await page.GotoAsync($"/fairs/{fairId}/matching");
        // Every day of the fair is proposed (it lasts three days and a bit, in Vietnam's time).
        await Assertions.Expect(page.Locator("[data-testid=hours-form]")).ToBeVisibleAsync();
        Assert.True(await page.Locator(".hours-day").CountAsync() >= 3);
        await page.FillAsync("[data-testid=hours-slotMinutes]", "200");
        await page.ClickAsync("[data-testid=hours-save]");
        await Assertions.Expect(page.Locator("[data-testid=error-slotMinutes]")).ToHaveTextAsync("Giá trị nằm ngoài khoảng cho phép.");
        await page.FillAsync("[data-testid=hours-slotMinutes]", "30");
        await page.FillAsync("[data-testid=hours-quota-Exporter]", "4");
        await BrowserFixture.CheckPageAsync(page, "buyer-matching-hours");
        await page.ClickAsync("[data-testid=hours-save]");
        await Assertions.Expect(page.Locator("[data-testid=hours-saved]")).ToBeVisibleAsync();

        var hours = await (await organiserApi.GetAsync($"api/fairs/{fairId}/matching-hours")).ReadJsonAsync();
        Assert.Equal(30, hours["slotMinutes"]!.GetValue<int>());
        Assert.Equal(4, hours["quotas"]!["Exporter"]!.GetValue<int>());
    }

    /// <summary>Nothing wider than the phone's screen.</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the screen");
    }
}
