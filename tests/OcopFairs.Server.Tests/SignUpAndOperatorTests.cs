using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

/// <summary>What the sign-up and admin pages ask the server, and how the operators' pages send a signed-out browser to sign in.</summary>
[Collection(ServerCollection.Name)]
public sealed class SignUpAndOperatorTests(ServerFixture fixture)
{
    [Fact]
    public async Task Password_rules_are_identitys_configured_options()
    {
        using var http = fixture.Client();
        var rules = await (await http.GetAsync("api/auth/password-rules")).ReadJsonAsync();
        Assert.Equal(8, rules["requiredLength"]!.GetValue<int>());
        Assert.Equal(256, rules["maxLength"]!.GetValue<int>());
        Assert.True(rules["requireDigit"]!.GetValue<bool>());
        Assert.True(rules["requireLowercase"]!.GetValue<bool>());
        Assert.True(rules["requireUppercase"]!.GetValue<bool>());
        Assert.True(rules["requireNonAlphanumeric"]!.GetValue<bool>());
        Assert.Equal(1, rules["requiredUniqueChars"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_one_localized_message_per_unmet_rule()
    {
        using var http = fixture.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/register")
        {
            Content = JsonContent.Create(new { email = $"weak-{Guid.NewGuid():N}@example.vn", password = "abcdefgh", role = "Buyer", displayName = "X" }),
        };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var refused = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        var messages = problem["errors"]!["password"]!.AsArray().Select(m => m!.GetValue<string>()).ToArray();
        Assert.Contains("The password needs a digit (0–9).", messages);
        Assert.Contains("The password needs an upper-case letter (A–Z).", messages);
        Assert.Contains("The password needs a symbol (such as - @ #).", messages);
        var codes = problem["codes"]!["password"]!.AsArray().Select(m => m!.GetValue<string>()).ToArray();
        Assert.Equal(["password.requiresDigit", "password.requiresNonAlphanumeric", "password.requiresUpper"], codes.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Admin_lists_accounts_with_their_roles_organisers_first()
    {
        using var admin = await OperatorEndpointsTests.AdminAsync(fixture.Server);
        var users = (await admin.GetFromJsonAsync<UserRow[]>("api/admin/users", Api.Json))!;
        Assert.Contains(users, u => u.Email == "organiser@demo.ocop" && u.Roles.SequenceEqual(["Organiser"]));
        Assert.Contains(users, u => u.Email == "producer1@demo.ocop" && u.Roles.SequenceEqual(["Producer"]));
        Assert.True(Array.FindIndex(users, u => u.Email == "organiser@demo.ocop") < Array.FindIndex(users, u => u.Email == "producer1@demo.ocop"));

        using var organiser = await fixture.OrganiserAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await organiser.GetAsync("api/admin/users")).StatusCode);
    }

    [Theory]
    [InlineData("/hangfire")]
    [InlineData("/orleans/")]
    [InlineData("/api/docs/")]
    public async Task A_signed_out_browser_is_sent_to_sign_in_and_back(string path)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = fixture.Server.BaseAddress };
        using var page = new HttpRequestMessage(HttpMethod.Get, path + "?x=1");
        page.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        var answer = await browser.SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/login?next=" + Uri.EscapeDataString(path + "?x=1"), answer.Headers.Location!.OriginalString);

        // A script or an API call keeps its 401 (the Orleans dashboard is mapped once the node has started).
        Assert.True(await Api.EventuallyAsync(async () => (await browser.GetAsync(path)).StatusCode == HttpStatusCode.Unauthorized, 10));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Signed_in_the_api_docs_load_only_from_this_server()
    {
        using var organiser = await fixture.OrganiserAsync();
        var docs = await organiser.GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        var html = await docs.Content.ReadAsStringAsync();
        Assert.Contains("OcopFairs API", html);
        Assert.DoesNotContain("https://", html);
        Assert.Contains("OcopFairs API", await organiser.GetStringAsync("/openapi/v1.json"));
    }

    private sealed record UserRow(string UserId, string Email, string DisplayName, string[] Roles, string Locale);
}
