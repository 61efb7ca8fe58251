using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ProductCardTests(BrowserFixture fixture)
{
    /// <summary>A 1×1 PNG, the smallest photo there is.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Producer_uploads_a_photo_and_a_visitor_at_360px_sees_the_card_with_its_booth_and_contact_behind_sign_in()
    {
        using var organiser = fixture.Server.CreateClient();
        organiser.As(await Api.LoginAsync(organiser, "organiser@demo.ocop"));
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 3);
        var producer = (await Rush.ApprovedProducersAsync(fixture.Server, organiser, fairId, 1))[0];
        var productId = JsonNode.Parse(await producer.Http.GetStringAsync("api/producers/me"))!["products"]![0]!["productId"]!.GetValue<string>();
        (await producer.Http.PostAsync($"api/fairs/{fairId}/booths/H02/hold", null)).EnsureSuccessStatusCode();

        // The producer adds a photo in the product form.
        var producerPage = await fixture.NewPageAsync(360, 740);
        await BrowserFixture.SignInAsync(producerPage, producer.Email, "Mat-khau-9");
        await producerPage.GotoAsync("/producer");
        await producerPage.ClickAsync($"[data-testid=edit-product-{productId}]");
        await producerPage.SetInputFilesAsync("[data-testid=product-photo-input]",
            new FilePayload { Name = "cam.png", MimeType = "image/png", Buffer = Png });
        await Assertions.Expect(producerPage.Locator("[data-testid=product-photo-preview]")).ToBeVisibleAsync();
        await Assertions.Expect(producerPage.Locator("[data-testid=product-photo-status]")).ToHaveTextAsync("Đã lưu ảnh.");

        // Its inbox already tells of the hold, in Vietnamese.
        await producerPage.GotoAsync("/inbox");
        await Assertions.Expect(producerPage.Locator("text=bạn đang giữ gian hàng H02")).ToBeVisibleAsync();

        // A visitor at the fair scans the card on a phone.
        var visitor = await fixture.NewPageAsync(360, 740);
        await visitor.GotoAsync($"/products/{productId}?fair={fairId}");
        var photo = visitor.Locator("[data-testid=product-card-photo]");
        await Assertions.Expect(photo).ToBeVisibleAsync();
        Assert.True(await photo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the photo did not load");
        await Assertions.Expect(visitor.Locator("[data-testid=product-card-group]")).ToHaveTextAsync("Thực phẩm");
        await Assertions.Expect(visitor.Locator("[data-testid=product-card-booth]")).ToContainTextAsync("Gian H02 · Thực phẩm");
        var contact = visitor.Locator("[data-testid=product-card-contact]");
        await Assertions.Expect(contact).ToContainTextAsync("Đăng nhập để xem");
        await Assertions.Expect(contact).Not.ToContainTextAsync("lienhe@example.vn");
        Assert.True(await visitor.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the card is wider than the phone");
        await BrowserFixture.ScreenshotAsync(visitor, "product-card-at-fair-360");
        await visitor.SetViewportSizeAsync(1366, 900);
        await Assertions.Expect(photo).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(visitor, "product-card-at-fair-1366");

        // Signed in, the same card shows how to reach the producer.
        await BrowserFixture.SignInAsync(visitor, "organiser@demo.ocop", Api.DemoPassword);
        await visitor.GotoAsync($"/products/{productId}?fair={fairId}");
        await Assertions.Expect(visitor.Locator("[data-testid=product-card-contact]")).ToContainTextAsync("lienhe@example.vn");
    }
}
