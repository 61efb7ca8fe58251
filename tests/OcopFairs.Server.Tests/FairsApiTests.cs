using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class FairsApiTests(ServerFixture fixture)
{
    [Fact]
    public async Task Demo_fair_has_about_sixty_booths_in_zones_by_group()
    {
        using var http = fixture.Client();
        var floor = await (await http.GetAsync("api/fairs/hoa-binh-ocop-fair/floor")).ReadJsonAsync();
        Assert.Equal(60, floor["booths"]!.AsArray().Count);
        Assert.Equal(6, floor["zones"]!.AsArray().Count);
        var a01 = floor["booths"]!.AsArray().First(b => b!["code"]!.GetValue<string>() == "A01")!;
        Assert.Equal("Confirmed", a01["status"]!.GetValue<string>());
        Assert.Equal("Hợp tác xã Nông nghiệp 3T Cao Phong", a01["producerName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Organiser_creates_a_fair_and_a_floor_plan_that_reads_back_with_its_version()
    {
        using var organiser = await fixture.OrganiserAsync();
        var created = await organiser.PostAsJsonAsync("api/fairs", Api.NewFair("Hội chợ Bưởi Diễn"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var fair = await created.ReadJsonAsync();
        Assert.Equal("Draft", fair["status"]!.GetValue<string>());
        var fairId = fair["fairId"]!.GetValue<string>();
        Assert.Equal($"/api/fairs/{fairId}", created.Headers.Location?.OriginalString);

        var grid = await organiser.PostAsJsonAsync($"api/fairs/{fairId}/floor-plan/grid", Api.SmallGrid);
        Assert.Equal(HttpStatusCode.OK, grid.StatusCode);

        // A Draft fair: its organiser reads it (DraftFairVisibilityTests: nobody else does).
        var floor = await (await organiser.GetAsync($"api/fairs/{fairId}/floor")).ReadJsonAsync();
        Assert.Equal(1, floor["version"]!.GetValue<long>());
        Assert.Equal(10, floor["booths"]!.AsArray().Count);
        Assert.All(floor["booths"]!.AsArray(), b => Assert.Equal("Free", b!["status"]!.GetValue<string>()));

        var list = JsonNode.Parse(await organiser.GetStringAsync("api/fairs"))!.AsArray();
        Assert.Contains(list, f => f!["fairId"]!.GetValue<string>() == fairId && f["name"]!.GetValue<string>() == "Hội chợ Bưởi Diễn");
    }

    [Fact]
    public async Task Retried_create_with_the_same_idempotency_key_returns_the_same_fair()
    {
        using var organiser = await fixture.OrganiserAsync();
        var key = Guid.NewGuid().ToString();
        async Task<string> CreateAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/fairs") { Content = JsonContent.Create(Api.NewFair()) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await organiser.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.ReadJsonAsync())["fairId"]!.GetValue<string>();
        }

        Assert.Equal(await CreateAsync(), await CreateAsync());
    }

    [Theory]
    [InlineData("en", "One or more fields are invalid.", "Stars must be 3 to 5.")]
    [InlineData("vi", "Dữ liệu gửi lên không hợp lệ.", "Số sao phải từ 3 đến 5.")]
    public async Task Invalid_fair_is_400_with_localized_field_errors(string language, string title, string starsMessage)
    {
        using var organiser = await fixture.OrganiserAsync();
        organiser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var body = JsonSerializerHelpers.With(Api.NewFair(), ("minStars", 7), ("name", ""));
        var response = await organiser.PostAsJsonAsync("api/fairs", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(title, problem["title"]!.GetValue<string>());
        Assert.Equal(starsMessage, problem["errors"]!["minStars"]![0]!.GetValue<string>());
        Assert.NotNull(problem["errors"]!["name"]);
    }

    [Fact]
    public async Task Malformed_json_and_unknown_enum_are_400_problems_not_500()
    {
        using var organiser = await fixture.OrganiserAsync();
        var broken = await organiser.PostAsync("api/fairs", new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);

        var badEnum = JsonSerializerHelpers.With(Api.NewFair(), ("allocationMode", "Lottery"));
        Assert.Equal(HttpStatusCode.BadRequest, (await organiser.PostAsJsonAsync("api/fairs", badEnum)).StatusCode);
    }

    [Fact]
    public async Task Creating_fairs_needs_an_organiser()
    {
        using var anonymous = fixture.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("api/fairs", Api.NewFair())).StatusCode);

        using var producer = fixture.Client();
        producer.As(await Api.LoginAsync(producer, "producer2@demo.ocop"));
        Assert.Equal(HttpStatusCode.Forbidden, (await producer.PostAsJsonAsync("api/fairs", Api.NewFair())).StatusCode);
    }

    [Fact]
    public async Task Another_organiser_cannot_change_the_fair()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);

        using var admin = fixture.Client();
        admin.As(await Api.LoginAsync(admin, "admin@demo.ocop"));
        var email = $"other-{Guid.NewGuid():N}@example.vn";
        (await admin.PostAsJsonAsync("api/admin/users", new { email, password = "Mat-khau-9", role = "Organiser", displayName = "Khác" })).EnsureSuccessStatusCode();
        using var other = fixture.Client();
        other.As(await Api.LoginAsync(other, email, "Mat-khau-9"));

        // While Draft, the fair does not exist for them; once published they see it but may not change it.
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"api/fairs/{fairId}/booths/A01/block", null)).StatusCode);
        (await organiser.PostAsync($"api/fairs/{fairId}/publish", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"api/fairs/{fairId}/booths/A01/block", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"api/fairs/{fairId}/booths/A01/block", null)).StatusCode);
    }

    [Fact]
    public async Task Unknown_fair_and_booth_are_404_and_blocking_a_confirmed_booth_is_409()
    {
        using var organiser = await fixture.OrganiserAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync($"api/fairs/{Guid.NewGuid():N}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync("api/fairs/bad%20id%27;--")).StatusCode);

        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.PostAsync($"api/fairs/{fairId}/booths/Z99/block", null)).StatusCode);

        // The demo producer has not applied to this fair: the organiser may place it only as an explicit override.
        var refused = await organiser.PostAsJsonAsync($"api/fairs/{fairId}/booths/A02/assign", new { producerId = "p-demo-hop-tien" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("booth.notApproved", (await refused.ReadJsonAsync())["code"]!.GetValue<string>());
        Assert.Equal("Free", (await (await organiser.GetAsync($"api/fairs/{fairId}/floor")).ReadJsonAsync())["booths"]!.AsArray()
            .Single(b => b!["code"]!.GetValue<string>() == "A02")!["status"]!.GetValue<string>());
        var assign = await organiser.PostAsJsonAsync($"api/fairs/{fairId}/booths/A02/assign", new { producerId = "p-demo-hop-tien", overrideReason = "Đơn vị khách mời" });
        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        Assert.Equal("Đơn vị khách mời", (await assign.ReadJsonAsync())["overrideReason"]!.GetValue<string>());
        var conflict = await organiser.PostAsync($"api/fairs/{fairId}/booths/A02/block", null);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("booth.taken", (await conflict.ReadJsonAsync())["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Floor_plan_that_drops_a_confirmed_booth_is_409_and_changes_nothing()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        (await organiser.PostAsJsonAsync($"api/fairs/{fairId}/booths/B04/assign", new { producerId = "p-demo-ha-phong", overrideReason = "Gian trưng bày của tỉnh" })).EnsureSuccessStatusCode();

        var smaller = new { zones = new[] { new { code = "A", name = "A", groups = new[] { "Food" } } }, booths = new[] { new { code = "A01", zone = "A", type = "Standard", areaM2 = 9, priceVnd = 1_000_000, x = 1, y = 1, w = 3, h = 3 } } };
        var refused = await organiser.PutAsJsonAsync($"api/fairs/{fairId}/floor-plan", smaller);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        // The booths in use come as data, and in the Vietnamese detail too, not only in the English text.
        var problem = await refused.ReadJsonAsync();
        Assert.Equal("floorPlan.boothInUse", problem["code"]!.GetValue<string>());
        Assert.Equal(["B04"], problem["items"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Contains("B04", problem["detail"]!.GetValue<string>());
        var floor = await (await organiser.GetAsync($"api/fairs/{fairId}/floor")).ReadJsonAsync();
        Assert.Equal(10, floor["booths"]!.AsArray().Count);
    }

    [Fact]
    public async Task Unknown_api_path_is_a_404_problem_and_app_paths_serve_the_web_app()
    {
        using var http = fixture.Client();
        var api = await http.GetAsync("api/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        var page = await http.GetAsync("fairs/hoa-binh-ocop-fair");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<div id=\"root\">", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_openapi_docs_and_protected_dashboard_are_served()
    {
        using var http = fixture.Client();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health/ready")).StatusCode);
        var openApi = await http.GetStringAsync("openapi/v1.json");
        Assert.Contains("/api/fairs/{fairId}/floor", openApi);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/docs/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("hangfire")).StatusCode);

        using var organiser = await fixture.OrganiserAsync();
        Assert.True((await organiser.GetAsync("api/docs/")).IsSuccessStatusCode);
        var dashboard = await organiser.GetAsync("hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.DoesNotContain("Password=", await dashboard.Content.ReadAsStringAsync());
    }
}

internal static class JsonSerializerHelpers
{
    /// <summary>The object as JSON with some properties replaced.</summary>
    public static JsonObject With(object value, params (string Name, object? Value)[] changes)
    {
        var node = JsonSerializerDefaultsNode(value);
        foreach (var (name, v) in changes)
        {
            node[name] = System.Text.Json.JsonSerializer.SerializeToNode(v, Api.Json);
        }

        return node;
    }

    private static JsonObject JsonSerializerDefaultsNode(object value) =>
        (JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(value, Api.Json)!;
}
