using Microsoft.Playwright;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.E2E;

[Collection(BrowserCollection.Name)]
public sealed class BoothRaceTests(BrowserFixture fixture)
{
    private static async Task<IPage> ProducerOnBoothAsync(BrowserFixture fixture, Catalog.ProducerAccount producer, string fairId)
    {
        var page = await fixture.NewPageAsync(390, 844);
        await BrowserFixture.SignInAsync(page, producer.Email, "Mat-khau-9");
        await page.GotoAsync($"/fairs/{fairId}");
        await Assertions.Expect(page.Locator("[data-testid=live-status]")).ToHaveAttributeAsync("data-state", "live");
        await page.Locator("[data-testid=booth-H01]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=booth-hold]")).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task Two_producers_race_for_one_booth_one_wins_and_the_other_sees_it_taken_live()
    {
        using var organiser = fixture.Server.CreateClient();
        organiser.As(await Api.LoginAsync(organiser, "organiser@demo.ocop"));
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 4);
        var producers = await Rush.ApprovedProducersAsync(fixture.Server, organiser, fairId, 2);
        var first = await ProducerOnBoothAsync(fixture, producers[0], fairId);
        var second = await ProducerOnBoothAsync(fixture, producers[1], fairId);

        // Both press Hold at the same moment (dispatched in the pages, so neither waits for the other's result).
        const string press = "() => document.querySelector('[data-testid=booth-hold]').click()";
        await Task.WhenAll(first.EvaluateAsync(press), second.EvaluateAsync(press));

        // Both maps show the booth held; exactly one of them shows it as the viewer's own.
        foreach (var page in new[] { first, second })
        {
            await Assertions.Expect(page.Locator("[data-testid=booth-H01]")).ToHaveAttributeAsync("data-status", "Held");
        }

        var mine = new[]
        {
            await first.Locator("[data-testid=booth-H01]").GetAttributeAsync("data-mine"),
            await second.Locator("[data-testid=booth-H01]").GetAttributeAsync("data-mine"),
        };
        Assert.Equal(1, mine.Count(m => m == "true"));
        var loser = mine[0] == "true" ? second : first;
        await Assertions.Expect(loser.Locator("[data-testid=booth-hold]")).Not.ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(loser, "race-loser");
    }
}
