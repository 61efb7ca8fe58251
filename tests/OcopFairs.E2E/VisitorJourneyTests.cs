using Microsoft.Playwright;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.E2E;

/// <summary>
/// Who exhibits where: a visitor on a phone finds who sells honey, its booth and its page; the hall display; and a
/// producer's map agrees with the booth rules. None of these change the demo floor.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VisitorJourneyTests(BrowserFixture fixture)
{
    private const string FairId = "hoa-binh-ocop-fair";
    private const string Honey = "p-demo-da-bac-honey";

    [Fact]
    public async Task A_visitor_on_a_phone_finds_who_sells_honey_their_booth_and_their_shops()
    {
        var page = await PhoneWithAxeAsync();
        await page.GotoAsync($"/fairs/{FairId}");
        await Assertions.Expect(page.Locator("[data-testid=booth-A05]")).ToHaveAttributeAsync("data-status", "Confirmed");

        // The exhibitor list is a tab on a phone; the search ignores diacritics either way.
        await page.ClickAsync("[data-testid=tab-list]");
        await page.FillAsync("[data-testid=exhibitor-search]", "mật ong");
        var honey = page.Locator($"[data-testid=exhibitor-{Honey}]");
        await Assertions.Expect(honey).ToContainTextAsync("Mật ong rừng Đà Bắc");
        await Assertions.Expect(honey).ToContainTextAsync("A05");
        await Assertions.Expect(page.Locator("[data-testid=exhibitor-count]")).ToHaveAttributeAsync("data-count", "1");
        await page.FillAsync("[data-testid=exhibitor-search]", "mat ong");
        await Assertions.Expect(page.Locator("[data-testid=exhibitor-count]")).ToHaveAttributeAsync("data-count", "1");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "phone-exhibitor-search");

        // Picking it shows the map with its booth outlined and open.
        await page.ClickAsync($"[data-testid=exhibitor-pick-{Honey}]");
        await Assertions.Expect(page.Locator("[data-testid=booth-A05]")).ToHaveAttributeAsync("data-highlighted", "true");
        var panel = page.Locator("[data-testid=booth-panel]");
        await Assertions.Expect(panel).ToContainTextAsync("Hợp tác xã Mật ong rừng Đà Bắc");
        Assert.Empty(await page.Locator("[data-testid=booth-hold]").AllAsync());
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the fair page is {overflow}px wider than the phone");
        await BrowserFixture.ScreenshotAsync(page, "phone-honey-booth");

        // The producer's public page: products with certificate validity, the booth, shops online.
        await page.ClickAsync("[data-testid=booth-public-page]");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/producers/{Honey}$"));
        await Assertions.Expect(page.Locator("[data-testid=public-producer-name]")).ToHaveTextAsync("Hợp tác xã Mật ong rừng Đà Bắc");
        await Assertions.Expect(page.Locator("[data-testid=public-producer-products]")).ToContainTextAsync("Hiệu lực đến");
        await Assertions.Expect(page.Locator("[data-testid=public-producer-products]")).Not.ToContainTextAsync("HSD");
        await Assertions.Expect(page.Locator($"[data-testid=producer-fair-{FairId}]")).ToContainTextAsync("A05");
        var shopee = page.Locator("[data-testid=shop-link-Shopee]");
        await Assertions.Expect(shopee).ToHaveAttributeAsync("href", "https://shopee.vn/matongrungdabac");
        await Assertions.Expect(page.Locator("[data-testid=shop-link-Postmart]")).ToBeVisibleAsync();
        overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the producer page is {overflow}px wider than the phone");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "phone-producer-page");
    }

    /// <summary>A 360 px phone whose pages accept axe-core's script (the app's CSP allows no inline script).</summary>
    private async Task<IPage> PhoneWithAxeAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            Locale = "vi-VN",
            BypassCSP = true,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task The_hall_display_fills_a_tv_with_names_and_occupancy()
    {
        var page = await fixture.NewPageAsync(1920, 1080);
        await page.GotoAsync($"/fairs/{FairId}/display");
        await Assertions.Expect(page.Locator("[data-testid=display-occupancy]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=display-exhibitors]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=booth-A05] .booth__name")).ToContainTextAsync("Đà Bắc");
        await Assertions.Expect(page.Locator("[data-testid=display-who-A05]")).ToContainTextAsync("HTX Mật ong rừng Đà Bắc");
        await Assertions.Expect(page.Locator("[data-testid=display-ticker]")).ToBeVisibleAsync();

        // One screen: nothing to scroll, and the map uses most of it.
        var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight - window.innerHeight");
        Assert.True(scroll <= 0, $"the display scrolls by {scroll}px");
        var box = (await page.Locator("[data-testid=floor-map]").BoundingBoxAsync())!;
        Assert.True(box.Y + box.Height <= 1080, "the map runs off the screen");
        Assert.True(box.Width >= 1920 * 0.6 || box.Height >= 1080 * 0.6, $"the map is small: {box.Width}×{box.Height}");

        // A change on the floor runs along the ticker.
        using var api = fixture.Server.CreateClient();
        api.As(await Api.LoginAsync(api, "organiser@demo.ocop"));
        (await api.PostAsync($"api/fairs/{FairId}/booths/E03/block", null)).EnsureSuccessStatusCode();
        try
        {
            await Assertions.Expect(page.Locator("[data-testid=display-ticker-line]").First).ToContainTextAsync("E03");
            await BrowserFixture.ScreenshotAsync(page, "hall-display-1080p");
        }
        finally
        {
            (await api.PostAsync($"api/fairs/{FairId}/booths/E03/unblock", null)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_producer_who_may_not_hold_sees_why_instead_of_a_hold_button()
    {
        // Hợp Tiến is waitlisted at the first-come fair.
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "producer4@demo.ocop", Api.DemoPassword);
        await page.GotoAsync($"/fairs/{FairId}?booth=A09");
        var refusal = page.Locator("[data-testid=booth-hold-refusal]");
        await Assertions.Expect(refusal).ToHaveAttributeAsync("data-reason", "notApproved");
        Assert.Empty(await page.Locator("[data-testid=booth-hold]").AllAsync());
        Assert.Empty(await page.Locator("[data-testid=booth-error]").AllAsync());
    }

    [Fact]
    public async Task Releasing_a_confirmed_booth_asks_first()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "producer8@demo.ocop", Api.DemoPassword);
        await page.GotoAsync($"/fairs/{FairId}?booth=A05");
        await Assertions.Expect(page.Locator("[data-testid=booth-mine]")).ToBeVisibleAsync();
        // On a desktop the exhibitor list stands beside the map, no tab needed.
        await Assertions.Expect(page.Locator("[data-testid=exhibitor-list]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=tab-list]")).ToBeHiddenAsync();
        await BrowserFixture.ScreenshotAsync(page, "desktop-fair-with-list");
        await page.ClickAsync("[data-testid=booth-release]");
        await Assertions.Expect(page.Locator("[data-testid=booth-release-confirm]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=booth-release-confirm-no]");
        await Assertions.Expect(page.Locator("[data-testid=booth-release-confirm]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=booth-A05]")).ToHaveAttributeAsync("data-status", "Confirmed");

        // A free booth of its zone is offered for holding (within the fair's two booths each).
        await page.ClickAsync("[data-testid=booth-A09]");
        await Assertions.Expect(page.Locator("[data-testid=booth-hold]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_producer_edits_shop_links_on_the_profile_and_a_bad_address_is_explained()
    {
        var account = await Catalog.NewProducerAsync(fixture.Server, "Hợp tác xã Thử gian hàng trực tuyến");
        var page = await fixture.NewPageAsync(360, 740);
        await BrowserFixture.SignInAsync(page, account.Email, "Mat-khau-9");
        await page.GotoAsync("/producer");

        await page.ClickAsync("[data-testid=profile-shop-add]");
        await page.FillAsync("[data-testid=profile-shop-url-0]", "shopee.vn/htx-thu");
        await Assertions.Expect(page.Locator("[data-testid=profile-shop-platform-0]")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-testid=profile-save]");
        await Assertions.Expect(page.Locator("[data-testid='error-shopLinks[0].url']")).ToContainTextAsync("https://");

        await page.FillAsync("[data-testid=profile-shop-url-0]", "https://shopee.vn/htx-thu");
        await Assertions.Expect(page.Locator("[data-testid=profile-shop-platform-0]")).ToHaveTextAsync("Shopee");
        await page.ClickAsync("[data-testid=profile-shop-add]");
        await page.FillAsync("[data-testid=profile-shop-url-1]", "https://tiki.vn/cua-hang/htx-thu");
        await page.ClickAsync("[data-testid=profile-save]");
        await Assertions.Expect(page.Locator("[data-testid=profile-saved]")).ToBeVisibleAsync();

        await page.GotoAsync($"/producers/{account.ProducerId}");
        await Assertions.Expect(page.Locator("[data-testid=shop-link-Shopee]")).ToHaveAttributeAsync("href", "https://shopee.vn/htx-thu");
        await Assertions.Expect(page.Locator("[data-testid=shop-link-Tiki]")).ToHaveAttributeAsync("href", "https://tiki.vn/cua-hang/htx-thu");
    }
}
