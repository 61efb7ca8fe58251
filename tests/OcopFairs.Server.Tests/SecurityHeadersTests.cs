using System.Net;
using System.Net.Http.Json;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

/// <summary>Every answer carries the security headers; pages that need looser rules get a policy of their own.</summary>
[Collection(ServerCollection.Name)]
public sealed class SecurityHeadersTests(ServerFixture fixture)
{
    private static string Csp(HttpResponseMessage response) =>
        string.Join(", ", response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values : []);

    private static void AssertCommonHeaders(HttpResponseMessage response, string path)
    {
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", path);
        Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frames) && frames.Single() == "DENY", path);
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "same-origin", path);
    }

    /// <summary>GETs a page that must answer 200 with the common headers; returns its Content-Security-Policy.</summary>
    private static async Task<string> PolicyOfAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response, path);
        return Csp(response);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/fairs/hoa-binh-ocop-fair")]
    [InlineData("/api/fairs")]
    [InlineData("/api/fairs/no-such-fair")]
    [InlineData("/openapi/v1.json")]
    public async Task The_app_and_the_api_answer_with_the_strict_policy(string path)
    {
        using var http = fixture.Client();
        var response = await http.GetAsync(path);
        AssertCommonHeaders(response, path);
        var csp = Csp(response);
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("style-src 'self';", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains($"connect-src 'self' ws://{fixture.Server.BaseAddress.Authority};", csp);
        Assert.DoesNotContain("unsafe", csp);
    }

    [Fact]
    public async Task The_api_docs_have_their_own_policy_that_lets_scalar_start()
    {
        using var http = await fixture.OrganiserAsync();
        var csp = await PolicyOfAsync(http, "/api/docs/");
        Assert.Contains("script-src 'self' 'unsafe-inline'", csp);
        Assert.DoesNotContain("https:", csp);
        Assert.Contains("frame-ancestors 'none'", csp);

        // Scalar's scripts come from this server, which the policy allows; no CDN is needed.
        Assert.Contains("<script src=\"scalar.js\"></script>", await http.GetStringAsync("/api/docs/"));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/docs/scalar.js")).StatusCode);
    }

    [Fact]
    public async Task The_job_dashboard_has_its_own_policy_signed_in_or_not()
    {
        using var anonymous = fixture.Client();
        var refused = await anonymous.GetAsync("/hangfire");
        AssertCommonHeaders(refused, "/hangfire");
        Assert.StartsWith("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';", Csp(refused));

        // Signed in, the dashboard's own branch answers (with the path moved into PathBase): still its policy.
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var organiser = new HttpClient(handler) { BaseAddress = fixture.Server.BaseAddress };
        var login = await organiser.PostAsJsonAsync("api/auth/login?useCookies=true", new { email = "organiser@demo.ocop", password = Api.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.StartsWith("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';", await PolicyOfAsync(organiser, "/hangfire"));
    }

    [Fact]
    public async Task The_printable_booth_sign_may_use_its_inline_stylesheet_but_no_script()
    {
        using var organiser = await fixture.OrganiserAsync();
        var csp = await PolicyOfAsync(organiser, "api/fairs/hoa-binh-ocop-fair/exhibitors/p-demo-3t-cao-phong/sign");
        Assert.StartsWith("default-src 'none'; style-src 'unsafe-inline';", csp);
        Assert.DoesNotContain("script-src", csp);
    }
}
