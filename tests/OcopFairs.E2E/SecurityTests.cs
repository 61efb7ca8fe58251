using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.E2E;

/// <summary>The web app under its Content-Security-Policy, and the sign-in page's word on a lock.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityTests(BrowserFixture fixture)
{
    private const string FairId = "hoa-binh-ocop-fair";

    /// <summary>A recurring job the dashboard lists (registered by the server's security feature).</summary>
    private const string SignInFailuresCleanupJob = "sign-in-failures-cleanup";

    /// <summary>
    /// Every CSP violation the page meets: Chromium's own console report ("Refused to … Content Security Policy …") and
    /// the page's <c>securitypolicyviolation</c> events, from before its first script.
    /// </summary>
    private static async Task<List<string>> WatchViolationsAsync(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (violations)
                {
                    violations.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
              console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));
            """);
        return violations;
    }

    [Fact]
    public async Task The_web_app_the_api_docs_and_the_job_dashboard_work_under_their_content_security_policies()
    {
        var page = await fixture.NewPageAsync();
        var violations = await WatchViolationsAsync(page);

        var login = await page.GotoAsync("/login");
        Assert.Contains("script-src 'self';", login!.Headers["content-security-policy"]);
        await BrowserFixture.SignInAsync(page, "organiser@demo.ocop", Api.DemoPassword);

        // The fair page: the map, and the live connection over the WebSocket the policy names.
        await page.GotoAsync($"/fairs/{FairId}");
        await Assertions.Expect(page.Locator("[data-testid=booth-A01]")).ToHaveAttributeAsync("data-status", "Confirmed");
        await Assertions.Expect(page.Locator("[data-testid=live-status]")).ToHaveAttributeAsync("data-state", "live");
        await page.Locator("[data-testid=booth-A01]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=booth-panel]")).ToContainTextAsync("3T Cao Phong");

        // Scalar starts from an inline script and the dashboard styles inline: their own policies let them.
        // Its 5 MB script takes long to parse on a busy machine (it loads nothing from outside: OperatorLinksTests).
        await page.GotoAsync("/api/docs/", new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 90_000 });
        await Assertions.Expect(page.Locator("[data-sidebar-id*='api/auth/login']").First).ToBeAttachedAsync(new() { Timeout = 60_000 });
        await page.GotoAsync("/hangfire");
        await Assertions.Expect(page.Locator(".navbar-brand")).ToContainTextAsync("OcopFairs jobs");
        await page.GotoAsync("/hangfire/recurring");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(SignInFailuresCleanupJob);

        // Scalar's schema library probes whether it may compile code (`try { Function('') } catch`) and goes on without;
        // the probe is reported, the page works, and the docs need no 'unsafe-eval'.
        violations.RemoveAll(v => v.Contains("/api/docs/", StringComparison.Ordinal) && v.EndsWith("violation: script-src eval", StringComparison.Ordinal));
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_sign_in_page_says_until_when_sign_in_is_locked_in_vietnamese_and_english()
    {
        using var api = fixture.Server.CreateClient();
        var email = $"bi-khoa-{Guid.NewGuid():N}@example.vn";
        (await api.PostAsJsonAsync("api/auth/register", new { email, password = "Mat-khau-9", role = "Buyer", displayName = "Người mua" })).EnsureSuccessStatusCode();

        var page = await fixture.NewPageAsync();
        var violations = await WatchViolationsAsync(page);
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", "sai-mat-khau");

        // Five wrong passwords from this browser: the first four are wrong, the fifth locks it.
        JsonObject? locked = null;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var response = await page.RunAndWaitForResponseAsync(
                () => page.ClickAsync("[data-testid=login-submit]"), r => r.Url.Contains("/api/auth/login", StringComparison.Ordinal));
            Assert.Equal(attempt < 5 ? 401 : 429, response.Status);
            if (attempt < 5)
            {
                await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToHaveTextAsync("Email hoặc mật khẩu không đúng.");
                await Assertions.Expect(page.Locator("[data-testid=login-submit]")).ToBeEnabledAsync();
            }
            else
            {
                locked = JsonNode.Parse(await response.TextAsync())!.AsObject();
            }
        }

        // The lock's end, as the browser's clock shows it.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await page.EvaluateAsync<string>("() => Intl.DateTimeFormat().resolvedOptions().timeZone"));
        var until = TimeZoneInfo.ConvertTime(locked!["lockedUntil"]!.GetValue<DateTimeOffset>(), zone).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("[data-testid=login-error]"))
            .ToHaveTextAsync($"Nhập sai mật khẩu nhiều lần: đăng nhập từ thiết bị này bị tạm khóa đến {until}.");
        await BrowserFixture.ScreenshotAsync(page, "sign-in-locked");

        // Still locked, even with the right password; now in English.
        await page.ClickAsync("[data-testid=lang-en]");
        await page.FillAsync("input[name=password]", "Mat-khau-9");
        await page.ClickAsync("[data-testid=login-submit]");
        await Assertions.Expect(page.Locator("[data-testid=login-error]"))
            .ToHaveTextAsync($"Too many wrong passwords: signing in from this device is locked until {until}.");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
