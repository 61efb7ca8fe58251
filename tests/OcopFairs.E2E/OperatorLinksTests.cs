using Microsoft.Playwright;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.E2E;

/// <summary>The operators' pages the server serves (Hangfire, Orleans, the API docs), reached from the web app.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OperatorLinksTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_signed_out_visit_to_the_job_dashboard_signs_in_first_and_comes_back()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/hangfire");
        Assert.EndsWith("/login?next=%2Fhangfire", page.Url);
        await page.FillAsync("input[name=email]", "organiser@demo.ocop");
        await page.FillAsync("input[name=password]", Api.DemoPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/hangfire"));
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("OcopFairs jobs"));
    }

    [Fact]
    public async Task An_organiser_finds_the_operator_links_and_an_admin_also_the_orleans_dashboard()
    {
        var page = await fixture.NewPageAsync(360, 740);
        await BrowserFixture.SignInAsync(page, "organiser@demo.ocop", Api.DemoPassword);
        await page.ClickAsync("[data-testid=menu-button]");
        await page.ClickAsync("[data-testid=nav-operations]");
        await page.WaitForURLAsync(url => url.EndsWith("/operations"));
        await Assertions.Expect(page.Locator("[data-testid=ops-hangfire]")).ToHaveAttributeAsync("href", "/hangfire");
        await Assertions.Expect(page.Locator("[data-testid=ops-apiDocs]")).ToHaveAttributeAsync("href", "/api/docs/");
        await Assertions.Expect(page.Locator("[data-testid=ops-orleans]")).ToHaveCountAsync(0);
        await BrowserFixture.CheckPageAsync(page, "operations");

        var admin = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, "admin@demo.ocop", Api.DemoPassword);
        await admin.ClickAsync("[data-testid=nav-operations]");
        await Assertions.Expect(admin.Locator("[data-testid=ops-orleans]")).ToHaveAttributeAsync("href", "/orleans/");

        // The admin makes an organiser account on the accounts page and sees it listed.
        await admin.ClickAsync("[data-testid=nav-users]");
        await admin.WaitForURLAsync(url => url.EndsWith("/admin/users"));
        var email = $"btc-{Guid.NewGuid():N}@example.vn";
        await admin.FillAsync("[data-testid=admin-user-displayName]", "Ban tổ chức Mai Châu");
        await admin.FillAsync("[data-testid=admin-user-email]", email);
        await admin.FillAsync("[data-testid=admin-user-password]", "Mat-khau-9");
        await admin.ClickAsync("[data-testid=admin-user-submit]");
        await Assertions.Expect(admin.Locator("[data-testid=admin-user-created]")).ToContainTextAsync(email);
        await Assertions.Expect(admin.Locator("[data-testid=admin-users-table]")).ToContainTextAsync(email);
        await BrowserFixture.CheckPageAsync(admin, "admin-users");
    }

    [Fact]
    public async Task The_api_docs_load_nothing_from_outside_the_server()
    {
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "organiser@demo.ocop", Api.DemoPassword);
        var origin = fixture.Server.BaseAddress.GetLeftPart(UriPartial.Authority);
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync("/api/docs/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.GetByText("OcopFairs API").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var outside = requests.Where(url => !url.StartsWith(origin, StringComparison.Ordinal) && !url.StartsWith("data:") && !url.StartsWith("blob:")).ToArray();
        Assert.True(outside.Length == 0, "requests outside the server: " + string.Join(", ", outside));
        Assert.Contains(requests, url => url.EndsWith("/openapi/v1.json"));
    }
}
