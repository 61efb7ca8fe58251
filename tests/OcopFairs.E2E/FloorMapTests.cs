using Microsoft.Playwright;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.E2E;

[Collection(BrowserCollection.Name)]
public sealed class FloorMapTests(BrowserFixture fixture)
{
    private const string FairId = "hoa-binh-ocop-fair";

    [Fact]
    public async Task Organiser_signs_in_opens_the_fair_and_sees_a_booth_blocked_through_the_api_without_reload()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "organiser@demo.ocop", Api.DemoPassword);

        await page.GotoAsync($"/fairs/{FairId}");
        var booth = page.Locator("[data-testid=booth-A07]");
        await Assertions.Expect(booth).ToHaveAttributeAsync("data-status", "Free");
        await Assertions.Expect(page.Locator("[data-testid=live-status]")).ToHaveAttributeAsync("data-state", "live");

        // A marker on the window proves the page is not reloaded while the map changes.
        await page.EvaluateAsync("() => { window.__ocopMarker = 'still-here'; }");

        using var api = fixture.Server.CreateClient();
        api.As(await Api.LoginAsync(api, "organiser@demo.ocop"));
        (await api.PostAsync($"api/fairs/{FairId}/booths/A07/block", null)).EnsureSuccessStatusCode();

        await Assertions.Expect(booth).ToHaveAttributeAsync("data-status", "Blocked");
        Assert.Equal("still-here", await page.EvaluateAsync<string>("() => window.__ocopMarker"));
        await BrowserFixture.ScreenshotAsync(page, "organiser-fair-blocked");

        (await api.PostAsync($"api/fairs/{FairId}/booths/A07/unblock", null)).EnsureSuccessStatusCode();
        await Assertions.Expect(booth).ToHaveAttributeAsync("data-status", "Free");
    }

    [Fact]
    public async Task Fair_page_fits_a_360_pixel_phone_and_shows_booth_details_on_tap()
    {
        var page = await fixture.NewPageAsync(360, 740);
        await page.GotoAsync($"/fairs/{FairId}");
        await Assertions.Expect(page.Locator("[data-testid=booth-A01]")).ToHaveAttributeAsync("data-status", "Confirmed");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone");

        await page.Locator("[data-testid=booth-A01]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=booth-panel]")).ToContainTextAsync("3T Cao Phong");
        await BrowserFixture.ScreenshotAsync(page, "phone-fair");
    }

    [Fact]
    public async Task Language_switch_shows_english()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator($"[data-testid=fair-card-{FairId}]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=lang-en]");
        await Assertions.Expect(page.Locator("[data-testid=sign-in]")).ToContainTextAsync("Sign in");
        await page.ClickAsync("[data-testid=lang-vi]");
        await Assertions.Expect(page.Locator("[data-testid=sign-in]")).ToContainTextAsync("Đăng nhập");
    }
}
