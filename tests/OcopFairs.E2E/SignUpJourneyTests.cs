using Microsoft.Playwright;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.E2E;

/// <summary>Self sign-up on a phone, and a signed-out visitor who tries to hold a booth being brought back after signing in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignUpJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_producer_signs_up_on_a_360_pixel_phone_and_lands_signed_in_on_the_profile_page()
    {
        var page = await fixture.NewPageAsync(360, 740);
        await page.GotoAsync("/login");
        await page.ClickAsync("[data-testid=login-to-signup]");
        await page.WaitForURLAsync(url => url.Contains("/signup"));

        // The header is one line on a phone: the brand, the languages, sign-in and the menu button side by side.
        var header = await page.Locator("header.topbar").BoundingBoxAsync();
        Assert.True(header!.Height < 70, $"the header is {header.Height}px high at 360px");
        var menu = await page.Locator("[data-testid=menu-button]").BoundingBoxAsync();
        Assert.True(menu!.Width >= 44 && menu.Height >= 44, "the menu button is a 44px tap target");

        var email = $"htx-{Guid.NewGuid():N}@example.vn";
        await page.CheckAsync("[data-testid=signup-role-Producer]");
        await page.FillAsync("[data-testid=signup-displayName]", "Hợp tác xã Đăng Ký");
        await page.FillAsync("[data-testid=signup-email]", email);
        await page.FillAsync("[data-testid=signup-password]", "mat-khau");
        // The rules the server states are ticked as one types.
        await Assertions.Expect(page.Locator("[data-testid=password-rule-length]")).ToHaveAttributeAsync("data-met", "true");
        await Assertions.Expect(page.Locator("[data-testid=password-rule-upper]")).ToHaveAttributeAsync("data-met", "false");
        await Assertions.Expect(page.Locator("[data-testid=password-rule-digit]")).ToHaveAttributeAsync("data-met", "false");
        await page.FillAsync("[data-testid=signup-password]", "Mat-khau-9");
        await Assertions.Expect(page.Locator("[data-testid=password-rules] li[data-met=false]")).ToHaveCountAsync(0);
        await BrowserFixture.CheckPageAsync(page, "signup");
        await page.ClickAsync("[data-testid=signup-submit]");

        await page.WaitForURLAsync(url => url.EndsWith("/producer"));
        await page.ClickAsync("[data-testid=menu-button]");
        await Assertions.Expect(page.Locator("[data-testid=user-name]")).ToHaveTextAsync("Hợp tác xã Đăng Ký");
        await Assertions.Expect(page.Locator("[data-testid=nav-producer]")).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "signup-producer-landed");

        // The same e-mail again is refused beside its field, in the page's language.
        var again = await fixture.NewPageAsync(360, 740);
        await again.GotoAsync("/signup");
        await again.CheckAsync("[data-testid=signup-role-Buyer]");
        await again.FillAsync("[data-testid=signup-displayName]", "Siêu thị");
        await again.FillAsync("[data-testid=signup-email]", email);
        await again.FillAsync("[data-testid=signup-password]", "Mat-khau-9");
        await again.ClickAsync("[data-testid=signup-submit]");
        await Assertions.Expect(again.Locator("[data-testid=error-email]")).ToHaveTextAsync("Email đã được đăng ký.");
    }

    [Fact]
    public async Task A_signed_out_visitor_who_tries_to_hold_a_booth_signs_in_and_comes_back_to_it()
    {
        using var organiserApi = fixture.Server.CreateClient();
        organiserApi.As(await Api.LoginAsync(organiserApi, "organiser@demo.ocop"));
        var fairId = await Catalog.PublishedFairAsync(organiserApi);

        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"/fairs/{fairId}");
        await page.ClickAsync("[data-testid=booth-A01]");
        await page.ClickAsync("[data-testid=booth-sign-in]");
        await page.WaitForURLAsync(url => url.Contains("/login?next="));
        Assert.Contains("next=" + Uri.EscapeDataString($"/fairs/{fairId}?booth=A01"), page.Url);

        await page.FillAsync("input[name=email]", "producer1@demo.ocop");
        await page.FillAsync("input[name=password]", Api.DemoPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => url.EndsWith($"/fairs/{fairId}?booth=A01"));
        await Assertions.Expect(page.Locator("[data-testid=booth-panel]")).ToContainTextAsync("A01");
        await Assertions.Expect(page.Locator("[data-testid=booth-sign-in]")).ToHaveCountAsync(0);

        // The apply link takes a signed-out visitor to sign in first, then to the apply page.
        var visitor = await fixture.NewPageAsync(360, 740);
        await visitor.GotoAsync($"/fairs/{fairId}");
        await visitor.ClickAsync("[data-testid=apply-sign-in]");
        await visitor.WaitForURLAsync(url => url.Contains("/login?next="));
        await visitor.FillAsync("input[name=email]", "producer2@demo.ocop");
        await visitor.FillAsync("input[name=password]", Api.DemoPassword);
        await visitor.ClickAsync("[data-testid=login-submit]");
        await visitor.WaitForURLAsync(url => url.EndsWith($"/fairs/{fairId}/apply"));
    }

    /// <summary>Nothing wider than the phone's screen.</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the screen");
    }
}
