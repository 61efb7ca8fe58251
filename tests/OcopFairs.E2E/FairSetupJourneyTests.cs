using Microsoft.Playwright;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.E2E;

/// <summary>An organiser sets a fair up in the web app: creates it, edits it, and goes on to its floor plan and review queue.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FairSetupJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Organiser_creates_a_fair_edits_it_and_reaches_the_floor_plan_editor_and_review_queue()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "organiser@demo.ocop", Api.DemoPassword);
        await page.GotoAsync("/");
        await page.ClickAsync("[data-testid=new-fair]");
        await page.WaitForURLAsync(url => url.EndsWith("/fairs/new"));

        // The rules are checked before saving: save stays off with the reasons.
        await Assertions.Expect(page.Locator("[data-testid=fair-save]")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=fair-zone-hint]")).ToContainTextAsync("Asia/Ho_Chi_Minh (UTC+07:00)");
        var name = "Hội chợ Mai Châu " + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("[data-testid=fair-name]", name);
        await page.FillAsync("[data-testid=fair-venue]", "Bản Lác, Mai Châu");
        await page.FillAsync("[data-testid=fair-province]", "Hòa Bình");
        var start = DateTime.SpecifyKind(DateTime.UtcNow.AddHours(7).Date.AddDays(40), DateTimeKind.Unspecified);
        await page.FillAsync("[data-testid=fair-startsAt]", start.AddHours(8).ToString("yyyy-MM-ddTHH:mm"));
        await page.FillAsync("[data-testid=fair-endsAt]", start.AddHours(7).ToString("yyyy-MM-ddTHH:mm"));
        await Assertions.Expect(page.Locator("[data-testid=error-endsAt]")).ToHaveTextAsync("Ngày kết thúc phải sau ngày bắt đầu.");
        await Assertions.Expect(page.Locator("[data-testid=fair-save]")).ToBeDisabledAsync();
        await page.FillAsync("[data-testid=fair-endsAt]", start.AddDays(2).AddHours(17).ToString("yyyy-MM-ddTHH:mm"));
        await page.SelectOptionAsync("[data-testid=fair-minStars]", "4");
        await page.UncheckAsync("[data-testid=fair-group-Tourism]");
        await page.CheckAsync("[data-testid=fair-mode-Organiser]");
        await BrowserFixture.CheckPageAsync(page, "fair-form-new");
        await page.ClickAsync("[data-testid=fair-save]");

        await Assertions.Expect(page.Locator("[data-testid=fair-saved]")).ToContainTextAsync(name);
        await Assertions.Expect(page.Locator("[data-testid=next-allocation]")).ToBeVisibleAsync();
        var fairPath = await page.Locator("[data-testid=next-fair]").GetAttributeAsync("href");
        Assert.StartsWith("/fairs/", fairPath);

        // The fair as the server keeps it: its times in its zone.
        using var api = fixture.Server.CreateClient();
        api.As(await Api.LoginAsync(api, "organiser@demo.ocop"));
        var fair = await (await api.GetAsync("api" + fairPath)).ReadJsonAsync();
        Assert.Equal(4, fair["minStars"]!.GetValue<int>());
        Assert.Equal("Organiser", fair["allocationMode"]!.GetValue<string>());
        Assert.Equal(new DateTimeOffset(start.AddHours(8), TimeSpan.FromHours(7)), fair["startsAt"]!.GetValue<DateTimeOffset>());
        Assert.DoesNotContain("Tourism", fair["acceptedGroups"]!.AsArray().Select(g => g!.GetValue<string>()));

        await page.ClickAsync("[data-testid=next-floor-plan]");
        await page.WaitForURLAsync(url => url.EndsWith($"{fairPath}/floor-plan"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Sơ đồ");

        // Edit from the fair page.
        await page.GotoAsync(fairPath!);
        await page.ClickAsync("[data-testid=edit-fair-link]");
        await page.WaitForURLAsync(url => url.EndsWith($"{fairPath}/edit"));
        await Assertions.Expect(page.Locator("[data-testid=fair-name]")).ToHaveValueAsync(name);
        await Assertions.Expect(page.Locator("[data-testid=fair-startsAt]")).ToHaveValueAsync(start.AddHours(8).ToString("yyyy-MM-ddTHH:mm"));
        await page.FillAsync("[data-testid=fair-holdMinutes]", "45");
        await page.ClickAsync("[data-testid=fair-save]");
        await Assertions.Expect(page.Locator("[data-testid=fair-saved]")).ToBeVisibleAsync();
        Assert.Equal(45, (await (await api.GetAsync("api" + fairPath)).ReadJsonAsync())["holdMinutes"]!.GetValue<int>());

        await page.ClickAsync("[data-testid=next-review]");
        await page.WaitForURLAsync(url => url.EndsWith($"{fairPath}/applications"));
        await BrowserFixture.ScreenshotAsync(page, "fair-setup-review-queue");
    }
}
