using Microsoft.Playwright;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.E2E;

/// <summary>A seeded real server and Debian's Chromium driven by Playwright (never a downloaded browser).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private TestDatabase? _db;
    private IPlaywright? _playwright;

    public ServerProcess Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("OCOP_CHROMIUM") ?? "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        Server = new ServerProcess(_db.ConnectionString, "e2e-" + _db.Name, seedDemo: true);
        await Server.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    public async Task<IPage> NewPageAsync(int width = 1200, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login page and waits until it has moved on.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
    }

    /// <summary>
    /// Saves a full-page screenshot for a person to look at, under <c>TestResults/screenshots</c> of the test project
    /// (kept as a test artefact; <c>OCOP_SCREENSHOTS</c> chooses another folder).
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("OCOP_SCREENSHOTS") ?? Path.Combine(RepositoryRoot, "tests", "OcopFairs.E2E", "TestResults", "screenshots");

    /// <summary>
    /// Runs axe-core (web/node_modules/axe-core, installed with the web app) on the page as it is now and fails with
    /// every violation (rule, impact, the elements) when there is any. Rules are WCAG 2.1 A and AA.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') refuses an inline script tag.
            await page.EvaluateAsync(AxeSource.Value + "\n;void 0");
        }

        // As JSON text: Playwright cannot fill a positional record itself.
        var json = await page.EvaluateAsync<string>(
            """
            async () => JSON.stringify((await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
                .violations.map(v => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) })))
            """);
        var violations = System.Text.Json.JsonSerializer.Deserialize<AxeViolation[]>(json, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        Assert.True(violations.Length == 0, $"axe found {violations.Length} violation(s) on {page.Url}:\n"
            + string.Join("\n", violations.Select(v => $"- {v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Targets)}")));
    }

    /// <summary>Checks the page with axe and keeps a screenshot of it at a phone's width and at a laptop's.</summary>
    public static async Task CheckPageAsync(IPage page, string name)
    {
        var size = page.ViewportSize;
        foreach (var width in new[] { 360, 1366 })
        {
            await page.SetViewportSizeAsync(width, width == 360 ? 740 : 900);
            await AssertAccessibleAsync(page);
            await ScreenshotAsync(page, $"{name}-{width}");
        }

        if (size is not null)
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
        }
    }

    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(Path.Combine(RepositoryRoot, "web", "node_modules", "axe-core", "axe.min.js")));

    private static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OcopFairs.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("The repository root (OcopFairs.sln) was not found.");
        }
    }

    private sealed record AxeViolation(string Id, string Impact, string Help, string[] Targets);
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
