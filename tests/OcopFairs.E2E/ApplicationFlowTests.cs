using System.Net.Http.Json;
using Microsoft.Playwright;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ApplicationFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Producer_applies_and_sees_the_organisers_approval_from_another_browser_without_reload()
    {
        using var organiserApi = fixture.Server.CreateClient();
        organiserApi.As(await Api.LoginAsync(organiserApi, "organiser@demo.ocop"));
        var fairId = await Catalog.PublishedFairAsync(organiserApi);
        var producer = await Catalog.NewProducerAsync(fixture.Server, "Hợp tác xã Trình Duyệt");
        var productId = await Catalog.AddProductAsync(producer.Http, Catalog.Product("Bưởi Diễn Trình Duyệt"));

        // The producer applies in one browser context …
        var producerPage = await fixture.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(producerPage, producer.Email, "Mat-khau-9");
        await producerPage.GotoAsync($"/fairs/{fairId}");
        await producerPage.ClickAsync("[data-testid=apply-button]");
        await producerPage.CheckAsync($"[data-testid=apply-product-{productId}]");
        await Assertions.Expect(producerPage.Locator("[data-testid=eligibility-ok]")).ToBeVisibleAsync();
        await Assertions.Expect(producerPage.Locator("[data-testid=apply-submit]")).ToBeEnabledAsync();
        await producerPage.ClickAsync("[data-testid=apply-submit]");
        await producerPage.WaitForURLAsync(url => url.Contains("/producer/applications"));
        var badge = producerPage.Locator("[data-testid^=application-status-]").First;
        await Assertions.Expect(badge).ToHaveAttributeAsync("data-status", "Submitted");
        var applicationId = (await badge.GetAttributeAsync("data-testid"))!["application-status-".Length..];
        await producerPage.EvaluateAsync("() => { window.__ocopMarker = 'no-reload'; }");

        // … and the organiser approves it in another.
        var organiserPage = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(organiserPage, "organiser@demo.ocop", Api.DemoPassword);
        await organiserPage.GotoAsync($"/fairs/{fairId}/applications");
        await organiserPage.ClickAsync($"[data-testid=approve-{applicationId}]");
        await Assertions.Expect(organiserPage.Locator($"[data-testid=row-status-{applicationId}]")).ToHaveAttributeAsync("data-status", "Approved");

        await Assertions.Expect(producerPage.Locator($"[data-testid=application-status-{applicationId}]")).ToHaveAttributeAsync("data-status", "Approved");
        Assert.Equal("no-reload", await producerPage.EvaluateAsync<string>("() => window.__ocopMarker"));
        await BrowserFixture.ScreenshotAsync(producerPage, "producer-approved");
        await BrowserFixture.ScreenshotAsync(organiserPage, "organiser-review");
    }

    [Fact]
    public async Task Apply_form_shows_the_reasons_and_keeps_submit_disabled_for_an_ineligible_product()
    {
        using var organiserApi = fixture.Server.CreateClient();
        organiserApi.As(await Api.LoginAsync(organiserApi, "organiser@demo.ocop"));
        var fairId = await Catalog.PublishedFairAsync(organiserApi, minStars: 4);
        var producer = await Catalog.NewProducerAsync(fixture.Server, "Hộ kinh doanh Ba Sao");
        var productId = await Catalog.AddProductAsync(producer.Http, Catalog.Product("Măng khô ba sao", stars: 3));

        var page = await fixture.NewPageAsync(360, 740);
        await BrowserFixture.SignInAsync(page, producer.Email, "Mat-khau-9");
        await page.GotoAsync($"/fairs/{fairId}/apply");
        await page.CheckAsync($"[data-testid=apply-product-{productId}]");
        await Assertions.Expect(page.Locator("[data-testid=reason-starsBelowMinimum]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=apply-submit]")).ToBeDisabledAsync();
        await BrowserFixture.ScreenshotAsync(page, "apply-ineligible");
    }

    [Fact]
    public async Task Public_product_card_opens_without_sign_in()
    {
        var producer = await Catalog.NewProducerAsync(fixture.Server, "Hợp tác xã Thẻ Sản Phẩm");
        var productId = await Catalog.AddProductAsync(producer.Http, Catalog.Product("Chè Shan tuyết Đà Bắc", group: "Beverages"));
        var page = await fixture.NewPageAsync(360, 740);
        await page.GotoAsync($"/products/{productId}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Chè Shan tuyết Đà Bắc");
        await Assertions.Expect(page.Locator("img[src$='qr.svg']")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "product-card");
    }
}
