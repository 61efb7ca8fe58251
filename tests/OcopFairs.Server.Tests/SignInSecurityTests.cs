using System.Net;
using System.Net.Http.Json;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

/// <summary>
/// A server of its own with low sign-in limits that believes <c>X-Forwarded-For</c> from loopback, as behind a reverse
/// proxy: each test signs in from addresses of its own, so the tests' counts never meet.
/// </summary>
public sealed class SignInSecurityFixture : IAsyncLifetime
{
    public const int SignInPerMinute = 10;
    public const int RegistrationsPerHour = 3;
    public const int FailuresPerClient = 5;
    public const int FailuresPerAccount = 8;

    private static int _addresses;
    private TestDatabase? _db;

    public ServerProcess Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        Server = new ServerProcess(_db.ConnectionString, "sec-" + _db.Name, extra: new Dictionary<string, string>
        {
            ["Security__SignInPerMinute"] = SignInPerMinute.ToString(),
            ["Security__RegistrationsPerHour"] = RegistrationsPerHour.ToString(),
            ["Security__Lockout__FailuresPerClient"] = FailuresPerClient.ToString(),
            ["Security__Lockout__FailuresPerAccount"] = FailuresPerAccount.ToString(),
            ["Security__ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
        });
        await Server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    /// <summary>An address no other test of this server uses.</summary>
    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref _addresses);
        return $"198.18.{n / 250}.{1 + (n % 250)}";
    }

    /// <summary>A client the server sees at <paramref name="address"/>, speaking <paramref name="language"/>.</summary>
    public HttpClient ClientAt(string address, string language = "vi", CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler { UseCookies = cookies is not null, CookieContainer = cookies ?? new CookieContainer() };
        var http = new HttpClient(handler) { BaseAddress = Server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return http;
    }

    /// <summary>A fresh producer account, registered from an address of its own; returns its e-mail.</summary>
    public async Task<string> RegisterAsync()
    {
        using var http = ClientAt(NewAddress());
        var email = $"chu-tai-khoan-{Guid.NewGuid():N}@example.vn";
        var register = await http.PostAsJsonAsync("api/auth/register", new { email, password = SignInSecurityTests.Password, role = "Producer", displayName = "Chủ tài khoản" });
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        return email;
    }
}

/// <summary>Run apart from the parallel collections: its own server would be one more starting at once on a small machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SignInSecurityCollection : ICollectionFixture<SignInSecurityFixture>
{
    public const string Name = "sign-in security";
}

[Collection(SignInSecurityCollection.Name)]
public sealed class SignInSecurityTests(SignInSecurityFixture fixture)
{
    public const string Password = "Mat-khau-9";

    private static Task<HttpResponseMessage> LoginAsync(HttpClient http, string email, string password, bool cookies = false) =>
        http.PostAsJsonAsync(cookies ? "api/auth/login?useCookies=true" : "api/auth/login", new { email, password });

    private static async Task<DateTimeOffset> AssertLockedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("account.locked", problem["code"]!.GetValue<string>());
        var lockedUntil = problem["lockedUntil"]!.GetValue<DateTimeOffset>();
        var retryAfter = response.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("no Retry-After");
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
        Assert.InRange(lockedUntil, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(15).AddSeconds(5));
        return lockedUntil;
    }

    private static async Task AssertRateLimitedAsync(HttpResponseMessage response, TimeSpan window, string title)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), window);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("rateLimited", problem["code"]!.GetValue<string>());
        Assert.Equal(title, problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sign_in_beyond_the_per_client_limit_is_429_with_Retry_After()
    {
        using var client = fixture.ClientAt(SignInSecurityFixture.NewAddress(), "en");
        for (var i = 0; i < SignInSecurityFixture.SignInPerMinute; i++)
        {
            // A different unknown account each time, so that no lockout comes first.
            var attempt = await LoginAsync(client, $"khong-co-{Guid.NewGuid():N}@example.vn", "sai-mat-khau");
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }

        var limited = await LoginAsync(client, $"khong-co-{Guid.NewGuid():N}@example.vn", "sai-mat-khau");
        await AssertRateLimitedAsync(limited, TimeSpan.FromMinutes(1), "Too many requests from your device; try again shortly.");

        using var other = fixture.ClientAt(SignInSecurityFixture.NewAddress());
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(other, $"khong-co-{Guid.NewGuid():N}@example.vn", "sai-mat-khau")).StatusCode);
    }

    [Fact]
    public async Task Registration_beyond_the_per_client_limit_is_429_with_Retry_After()
    {
        using var client = fixture.ClientAt(SignInSecurityFixture.NewAddress());
        Task<HttpResponseMessage> RegisterAsync() => client.PostAsJsonAsync("api/auth/register", new
        {
            email = $"dang-ky-{Guid.NewGuid():N}@example.vn", password = Password, role = "Buyer", displayName = "Người mua",
        });

        for (var i = 0; i < SignInSecurityFixture.RegistrationsPerHour; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await RegisterAsync()).StatusCode);
        }

        await AssertRateLimitedAsync(await RegisterAsync(), TimeSpan.FromHours(1), "Quá nhiều yêu cầu từ thiết bị của bạn, hãy thử lại sau ít phút.");
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_client_out_and_the_answer_says_until_when()
    {
        var email = await fixture.RegisterAsync();
        var address = SignInSecurityFixture.NewAddress();
        using var english = fixture.ClientAt(address, "en");
        for (var i = 1; i < SignInSecurityFixture.FailuresPerClient; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(english, email, "sai-mat-khau")).StatusCode);
        }

        var locked = await LoginAsync(english, email, "sai-mat-khau");
        var lockedUntil = await AssertLockedAsync(locked);
        Assert.InRange(lockedUntil, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(15).AddSeconds(5));
        var problem = await locked.ReadJsonAsync();
        Assert.Equal("Sign-in is locked after too many wrong passwords.", problem["title"]!.GetValue<string>());
        Assert.Equal("Try again in 15 minute(s).", problem["detail"]!.GetValue<string>());

        // Locked means locked: the right password from this client is refused too, without being checked.
        using var vietnamese = fixture.ClientAt(address);
        var right = await LoginAsync(vietnamese, email, Password);
        Assert.Equal(lockedUntil, await AssertLockedAsync(right));
        var vi = await right.ReadJsonAsync();
        Assert.Equal("Đăng nhập tạm khóa do nhập sai mật khẩu nhiều lần.", vi["title"]!.GetValue<string>());
        Assert.Equal("Hãy thử lại sau 15 phút.", vi["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stranger_cannot_lock_the_owner_out_from_another_client()
    {
        var email = await fixture.RegisterAsync();
        using var stranger = fixture.ClientAt(SignInSecurityFixture.NewAddress());
        for (var i = 1; i < SignInSecurityFixture.FailuresPerClient; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(stranger, email, "doan-mo-" + i)).StatusCode);
        }

        await AssertLockedAsync(await LoginAsync(stranger, email, "doan-mo"));
        await AssertLockedAsync(await LoginAsync(stranger, email, "doan-mo-nua"));

        // The owner, from their own address, with a token and with the web app's cookie.
        using var owner = fixture.ClientAt(SignInSecurityFixture.NewAddress());
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(owner, email, Password)).StatusCode);
        var cookies = new CookieContainer();
        using var browser = fixture.ClientAt(SignInSecurityFixture.NewAddress(), cookies: cookies);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(browser, email, Password, cookies: true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/me")).StatusCode);
    }

    [Fact]
    public async Task Failures_from_many_addresses_lock_unknown_clients_but_not_the_owners_browser_even_on_the_attackers_address()
    {
        var email = await fixture.RegisterAsync();
        var hallWifi = SignInSecurityFixture.NewAddress();
        var cookies = new CookieContainer();
        using var ownerBrowser = fixture.ClientAt(hallWifi, cookies: cookies);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(ownerBrowser, email, Password, cookies: true)).StatusCode);

        // A stranger on the same Wi-Fi locks that address out; one from elsewhere goes on until the account-wide count.
        using var sameWifi = fixture.ClientAt(hallWifi);
        for (var i = 1; i < SignInSecurityFixture.FailuresPerClient; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(sameWifi, email, "doan-" + i)).StatusCode);
        }

        await AssertLockedAsync(await LoginAsync(sameWifi, email, "doan"));
        using var elsewhere = fixture.ClientAt(SignInSecurityFixture.NewAddress());
        for (var failures = SignInSecurityFixture.FailuresPerClient + 1; failures < SignInSecurityFixture.FailuresPerAccount; failures++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(elsewhere, email, "doan-" + failures)).StatusCode);
        }

        await AssertLockedAsync(await LoginAsync(elsewhere, email, "doan"));

        // Every client the account does not know is now locked out, even with the right password...
        using var newcomer = fixture.ClientAt(SignInSecurityFixture.NewAddress());
        await AssertLockedAsync(await LoginAsync(newcomer, email, Password));

        // ...but the browser that signed in before still signs in, from the very address the stranger used.
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(ownerBrowser, email, Password, cookies: true)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownerBrowser.GetAsync("api/me")).StatusCode);
    }

    [Fact]
    public async Task Cookies_are_Secure_when_the_request_came_over_HTTPS_through_the_proxy()
    {
        var email = await fixture.RegisterAsync();
        using var https = fixture.ClientAt(SignInSecurityFixture.NewAddress());
        https.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var overHttps = await LoginAsync(https, email, Password, cookies: true);
        Assert.Equal(HttpStatusCode.OK, overHttps.StatusCode);
        var secure = overHttps.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(secure, c => c.StartsWith("ocop.auth=", StringComparison.Ordinal));
        Assert.Contains(secure, c => c.StartsWith("ocop.device=", StringComparison.Ordinal));
        Assert.All(secure, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains($"wss://{fixture.Server.BaseAddress.Authority}", overHttps.Headers.GetValues("Content-Security-Policy").Single());

        using var http = fixture.ClientAt(SignInSecurityFixture.NewAddress());
        var overHttp = await LoginAsync(http, email, Password, cookies: true);
        Assert.Equal(HttpStatusCode.OK, overHttp.StatusCode);
        Assert.All(overHttp.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }
}
