using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class AccountsTests(ServerFixture fixture)
{
    [Fact]
    public async Task Demo_accounts_sign_in_with_their_roles()
    {
        foreach (var (email, role) in new[] { ("admin@demo.ocop", "Admin"), ("organiser@demo.ocop", "Organiser"), ("producer1@demo.ocop", "Producer"), ("buyer1@demo.ocop", "Buyer") })
        {
            using var http = fixture.Client();
            http.As(await Api.LoginAsync(http, email));
            var me = await (await http.GetAsync("api/me")).ReadJsonAsync();
            Assert.Equal(email, me["email"]!.GetValue<string>());
            Assert.Contains(role, me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Demo_producer_account_owns_its_seeded_producer()
    {
        using var http = fixture.Client();
        http.As(await Api.LoginAsync(http, "producer1@demo.ocop"));
        var me = await (await http.GetAsync("api/me")).ReadJsonAsync();
        Assert.Equal("p-demo-3t-cao-phong", me["producerId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Registered_producer_gets_a_producer_id_and_can_refresh_its_token()
    {
        using var http = fixture.Client();
        var email = $"hop-tac-xa-{Guid.NewGuid():N}@example.vn";
        var register = await http.PostAsJsonAsync("api/auth/register", new { email, password = "Mat-khau-9", role = "Producer", displayName = "Hợp tác xã Thử", locale = "vi" });
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);

        var login = await (await http.PostAsJsonAsync("api/auth/login", new { email, password = "Mat-khau-9" })).ReadJsonAsync();
        Assert.Equal("Bearer", login["tokenType"]!.GetValue<string>());
        var refreshed = await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = login["refreshToken"]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var token = (await refreshed.ReadJsonAsync())["accessToken"]!.GetValue<string>();

        var me = await (await http.As(token).GetAsync("api/me")).ReadJsonAsync();
        Assert.StartsWith("p-", me["producerId"]!.GetValue<string>());
        Assert.Equal("Hợp tác xã Thử", me["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Logout_voids_the_refresh_token()
    {
        using var http = fixture.Client();
        var email = $"buyer-{Guid.NewGuid():N}@example.vn";
        await http.PostAsJsonAsync("api/auth/register", new { email, password = "Mat-khau-9", role = "Buyer", displayName = "Siêu thị Thử" });
        var login = await (await http.PostAsJsonAsync("api/auth/login", new { email, password = "Mat-khau-9" })).ReadJsonAsync();
        http.As(login["accessToken"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("api/auth/logout", null)).StatusCode);
        var refreshed = await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = login["refreshToken"]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
    }

    [Fact]
    public async Task Cookie_sign_in_works_for_the_web_app()
    {
        var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = fixture.Server.BaseAddress };
        var login = await http.PostAsJsonAsync("api/auth/login?useCookies=true", new { email = "organiser@demo.ocop", password = Api.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/me")).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_is_401_problem_and_me_without_sign_in_is_401()
    {
        using var http = fixture.Client();
        var login = await http.PostAsJsonAsync("api/auth/login", new { email = "organiser@demo.ocop", password = "sai-mat-khau" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal("application/problem+json", login.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/me")).StatusCode);
    }

    [Fact]
    public async Task Registration_refuses_organiser_role_and_bad_email_with_field_errors()
    {
        using var http = fixture.Client();
        var organiser = await http.PostAsJsonAsync("api/auth/register", new { email = $"x{Guid.NewGuid():N}@example.vn", password = "Mat-khau-9", role = "Organiser", displayName = "X" });
        Assert.Equal(HttpStatusCode.BadRequest, organiser.StatusCode);
        Assert.NotNull((await organiser.ReadJsonAsync())["errors"]!["role"]);

        var badEmail = await http.PostAsJsonAsync("api/auth/register", new { email = "not-an-email", password = "Mat-khau-9", role = "Buyer", displayName = "X" });
        Assert.NotNull((await badEmail.ReadJsonAsync())["errors"]!["email"]);
    }

    [Fact]
    public async Task Only_admin_creates_organisers()
    {
        using var admin = fixture.Client();
        admin.As(await Api.LoginAsync(admin, "admin@demo.ocop"));
        var email = $"organiser-{Guid.NewGuid():N}@example.vn";
        var created = await admin.PostAsJsonAsync("api/admin/users", new { email, password = "Mat-khau-9", role = "Organiser", displayName = "Ban tổ chức" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        using var organiser = await fixture.OrganiserAsync();
        var refused = await organiser.PostAsJsonAsync("api/admin/users", new { email = "y" + email, password = "Mat-khau-9", role = "Organiser", displayName = "Y" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
