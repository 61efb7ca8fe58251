using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.E2E;

/// <summary>The organiser's own screens: the floor-plan editor, publishing, and the booth allocation seen live on the map.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OrganiserFlowTests(BrowserFixture fixture)
{
    private static async Task<double> AttributeAsync(ILocator locator, string name) =>
        double.Parse((await locator.GetAttributeAsync(name))!, CultureInfo.InvariantCulture);

    private static async Task AssertFitsAsync(IPage page, string what)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{what} is {overflow}px wider than the phone");
    }

    [Fact]
    public async Task Organiser_generates_edits_and_saves_a_floor_plan_in_the_editor_then_publishes_the_fair()
    {
        using var api = fixture.Server.CreateClient();
        api.As(await Api.LoginAsync(api, "organiser@demo.ocop"));
        var fairId = await Catalog.DraftFairAsync(api);

        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "organiser@demo.ocop", Api.DemoPassword);
        await page.GotoAsync($"/fairs/{fairId}");
        await Assertions.Expect(page.Locator("[data-testid=lifecycle-needs-floor]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=floor-plan-link]");
        await page.WaitForURLAsync(url => url.EndsWith($"/fairs/{fairId}/floor-plan"));

        // Generate a grid: zone T (Food, taken from the fair's groups) with 4 booths, zone D (Beverages) with 2.
        await Assertions.Expect(page.Locator("[data-testid=plan-empty]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=grid-zone-0-group-Food]")).ToBeCheckedAsync();
        await page.FillAsync("[data-testid=grid-zone-code-0]", "T");
        await page.FillAsync("[data-testid=grid-zone-name-0]", "Thực phẩm");
        await page.FillAsync("[data-testid=grid-zone-booths-0]", "4");
        await page.ClickAsync("[data-testid=grid-zone-add]");
        await page.FillAsync("[data-testid=grid-zone-code-1]", "D");
        await page.FillAsync("[data-testid=grid-zone-name-1]", "Đồ uống");
        await page.CheckAsync("[data-testid=grid-zone-1-group-Beverages]");
        await page.FillAsync("[data-testid=grid-zone-booths-1]", "2");
        await page.FillAsync("[data-testid=grid-per-row]", "4");
        await page.ClickAsync("[data-testid=grid-generate]");
        await Assertions.Expect(page.Locator("[data-testid=plan-message-ok]")).ToContainTextAsync("Đã tạo và lưu 6 gian hàng.");
        await Assertions.Expect(page.Locator("[data-testid=pe-booth-D02]")).ToBeVisibleAsync();

        // Edit: T02 becomes a premium booth with water; T01 moves half a metre up by keyboard.
        var t01 = page.Locator("[data-testid=pe-booth-T01]");
        var t02 = page.Locator("[data-testid=pe-booth-T02]");
        await t02.ClickAsync();
        await page.SelectOptionAsync("[data-testid=prop-type]", "Premium");
        await page.FillAsync("[data-testid=prop-price]", "3500000");
        await page.CheckAsync("[data-testid=prop-amenity-water]");
        var y01 = await AttributeAsync(t01, "data-y");
        await t01.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(page.Locator("[data-testid=plan-announce]")).ToContainTextAsync(string.Create(CultureInfo.InvariantCulture, $"Gian T01: x 1 m, y {y01 - 0.5} m"));
        await Assertions.Expect(page.Locator("[data-testid=plan-dirty]")).ToBeVisibleAsync();

        // Drag D02 to the right with the mouse, on the half-metre grid.
        var d02 = page.Locator("[data-testid=pe-booth-D02]");
        var xBefore = await AttributeAsync(d02, "data-x");
        var box = (await d02.BoundingBoxAsync())!;
        var svg = page.Locator("[data-testid=plan-canvas]");
        var canvas = (await svg.BoundingBoxAsync())!;
        // The drawing keeps its proportions inside the SVG box ("meet"): the smaller scale applies.
        var pxPerMetre = (float)Math.Min(canvas.Width / await AttributeAsync(svg, "data-width"), canvas.Height / await AttributeAsync(svg, "data-height"));
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + (box.Width / 2) + (3 * pxPerMetre), box.Y + (box.Height / 2), new MouseMoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();
        var xAfter = await AttributeAsync(d02, "data-x");
        Assert.InRange(xAfter - xBefore, 2.5, 3.5);
        Assert.Equal(0, xAfter * 2 % 1); // on the 0.5 m grid

        await page.ClickAsync("[data-testid=plan-save]");
        await Assertions.Expect(page.Locator("[data-testid=plan-message-ok]")).ToContainTextAsync("Đã lưu sơ đồ (6 gian).");
        await Assertions.Expect(page.Locator("[data-testid=plan-status]")).ToHaveAttributeAsync("data-dirty", "false");
        await BrowserFixture.ScreenshotAsync(page, "organiser-floor-plan-editor");

        // The server has what the editor showed.
        var floor = await api.GetFromJsonAsync<JsonObject>($"api/fairs/{fairId}/floor");
        var booths = floor!["booths"]!.AsArray().ToDictionary(b => b!["code"]!.GetValue<string>(), b => b!);
        Assert.Equal(6, booths.Count);
        Assert.Equal("Premium", booths["T02"]["type"]!.GetValue<string>());
        Assert.Equal(3_500_000, booths["T02"]["priceVnd"]!.GetValue<long>());
        Assert.Contains("water", booths["T02"]["amenities"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(y01 - 0.5, booths["T01"]["y"]!.GetValue<double>());
        Assert.Equal(xAfter, booths["D02"]["x"]!.GetValue<double>());
        Assert.Equal("Beverages", floor["zones"]!.AsArray().Single(z => z!["code"]!.GetValue<string>() == "D")!["groups"]![0]!.GetValue<string>());

        // Back on the fair page, publish it.
        await page.ClickAsync(".crumb a");
        await page.WaitForURLAsync(url => url.EndsWith($"/fairs/{fairId}"));
        await Assertions.Expect(page.Locator("[data-testid=booth-T01]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=lifecycle-publish]");
        await page.ClickAsync("[data-testid=lifecycle-confirm-yes]");
        await Assertions.Expect(page.Locator(".fair-head .badge--fair")).ToHaveAttributeAsync("data-status", "Published");
        await Assertions.Expect(page.Locator("[data-testid=lifecycle-close-registration]")).ToBeVisibleAsync();
        var fair = await api.GetFromJsonAsync<JsonObject>($"api/fairs/{fairId}");
        Assert.Equal("Published", fair!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Floor_plan_editor_fits_a_phone_and_asks_before_leaving_with_unsaved_changes()
    {
        using var api = fixture.Server.CreateClient();
        api.As(await Api.LoginAsync(api, "organiser@demo.ocop"));
        var fairId = await Catalog.DraftFairAsync(api);
        (await api.PostAsJsonAsync($"api/fairs/{fairId}/floor-plan/grid", Api.SmallGrid)).EnsureSuccessStatusCode();

        var page = await fixture.NewPageAsync(360, 740);
        await BrowserFixture.SignInAsync(page, "organiser@demo.ocop", Api.DemoPassword);
        await page.GotoAsync($"/fairs/{fairId}/floor-plan");
        // A phone is told to use a larger screen first; the organiser may still open the editor.
        await Assertions.Expect(page.Locator("[data-testid=pe-small-screen]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=pe-small-continue]");
        var a01 = page.Locator("[data-testid=pe-booth-A01]");
        await Assertions.Expect(a01).ToBeVisibleAsync();
        await AssertFitsAsync(page, "the floor-plan editor");

        // A press selects; the fields edit.
        await a01.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=booth-properties]")).ToContainTextAsync("Gian A01");
        await page.FillAsync("[data-testid=prop-code]", "A01X");
        await AssertFitsAsync(page, "the booth panel");
        await BrowserFixture.ScreenshotAsync(page, "phone-floor-plan-editor");

        // Leaving asks; dismissing keeps the page and its changes.
        // The blocker asks from an effect after the click has returned, so wait for the dialog rather than count at once.
        var asked = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Dialog += async (_, dialog) =>
        {
            var message = dialog.Message;
            await dialog.DismissAsync();
            asked.TrySetResult(message);
        };
        await page.ClickAsync(".crumb a");
        Assert.Contains("chưa lưu", await asked.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.EndsWith("/floor-plan", page.Url);
        await Assertions.Expect(page.Locator("[data-testid=pe-booth-A01X]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Organiser_runs_a_dry_run_reads_the_reasons_applies_and_a_viewer_sees_the_booths_taken_live()
    {
        using var organiser = fixture.Server.CreateClient();
        organiser.As(await Api.LoginAsync(organiser, "organiser@demo.ocop"));
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 4, allocationMode: "Organiser");
        string[] districts = ["Kim Bôi", "Lạc Sơn", "Kim Bôi"];
        var producers = await Rush.ApprovedProducersAsync(fixture.Server, organiser, fairId, 3, i => districts[i]);

        // An anonymous visitor watches the map on a phone.
        var viewer = await fixture.NewPageAsync(360, 740);
        await viewer.GotoAsync($"/fairs/{fairId}");
        await Assertions.Expect(viewer.Locator("[data-testid=live-status]")).ToHaveAttributeAsync("data-state", "live");
        foreach (var code in new[] { "H01", "H02", "H03", "H04" })
        {
            await Assertions.Expect(viewer.Locator($"[data-testid=booth-{code}]")).ToHaveAttributeAsync("data-status", "Free");
        }

        await viewer.EvaluateAsync("() => { window.__ocopMarker = 'no-reload'; }");

        // The organiser allocates on a phone too.
        var page = await fixture.NewPageAsync(360, 740);
        await BrowserFixture.SignInAsync(page, "organiser@demo.ocop", Api.DemoPassword);
        await page.GotoAsync($"/fairs/{fairId}");
        await page.ClickAsync("[data-testid=allocation-link]");
        await page.WaitForURLAsync(url => url.EndsWith($"/fairs/{fairId}/allocation"));
        await page.ClickAsync("[data-testid=allocation-dry-run]");
        await Assertions.Expect(page.Locator("[data-testid=allocation-summary]")).ToHaveTextAsync("Chạy thử: 3 gian sẽ được giao, 0 chủ thể chưa có gian.");
        var rows = page.Locator("[data-testid=assignments] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);

        // The reasons are on screen, in Vietnamese: stars, the district share, the zone's group.
        var first = page.Locator("[data-testid=reasons-H01]");
        await Assertions.Expect(first).ToContainTextAsync("Ưu tiên theo hạng sao: 4★.");
        await Assertions.Expect(first).ToContainTextAsync("Suất của huyện");
        await Assertions.Expect(page.Locator("[data-testid=district-shares]")).ToContainTextAsync("Kim Bôi");
        await Assertions.Expect(page.Locator("[data-testid=district-shares]")).ToContainTextAsync("Lạc Sơn");
        await AssertFitsAsync(page, "the allocation dry run");
        await BrowserFixture.ScreenshotAsync(page, "phone-allocation-dry-run");

        // Nothing changed on the map during the dry run.
        await Assertions.Expect(viewer.Locator("[data-testid=booth-H01]")).ToHaveAttributeAsync("data-status", "Free");

        var planned = new Dictionary<string, string>();
        foreach (var row in await rows.AllAsync())
        {
            var code = (await row.GetAttributeAsync("data-testid"))!["assignment-".Length..];
            planned[code] = (await row.GetAttributeAsync("data-producer"))!;
        }

        Assert.Equal(producers.Select(p => p.ProducerId).Order(), planned.Values.Order());

        await page.ClickAsync("[data-testid=allocation-apply]");
        await Assertions.Expect(page.Locator("[data-testid=allocation-confirm]")).ToContainTextAsync("Giao 3 gian");
        await page.ClickAsync("[data-testid=allocation-confirm-yes]");
        await Assertions.Expect(page.Locator("[data-testid=allocation-done]")).ToContainTextAsync("Đã phân bổ 3 gian.");
        await Assertions.Expect(page.Locator("[data-testid=allocation-applied]")).ToBeVisibleAsync();

        // The viewer's map turns the booths confirmed, live, without a reload; the fourth stays free.
        foreach (var code in planned.Keys)
        {
            await Assertions.Expect(viewer.Locator($"[data-testid=booth-{code}]")).ToHaveAttributeAsync("data-status", "Confirmed");
        }

        await Assertions.Expect(viewer.Locator("[data-testid=booth-H04]")).ToHaveAttributeAsync("data-status", "Free");
        Assert.Equal("no-reload", await viewer.EvaluateAsync<string>("() => window.__ocopMarker"));
        await BrowserFixture.ScreenshotAsync(viewer, "viewer-after-allocation");

        // The server agrees with what the screen planned.
        var floor = await organiser.GetFromJsonAsync<JsonObject>($"api/fairs/{fairId}/floor");
        foreach (var b in floor!["booths"]!.AsArray())
        {
            var code = b!["code"]!.GetValue<string>();
            if (planned.TryGetValue(code, out var producerId))
            {
                Assert.Equal(producerId, b["producerId"]!.GetValue<string>());
            }
        }

        // The map link leads back to the floor, which shows the same.
        await page.ClickAsync("[data-testid=allocation-map-link]");
        await Assertions.Expect(page.Locator($"[data-testid=booth-{planned.Keys.First()}]")).ToHaveAttributeAsync("data-status", "Confirmed");
    }
}
