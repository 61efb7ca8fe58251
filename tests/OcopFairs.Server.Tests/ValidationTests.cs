using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OcopFairs.Server.Fairs;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

/// <summary>
/// Bad input is refused with a 4xx problem, never a 500, and a refused request changes nothing: each test reads the
/// resource back after the refusal.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ValidationTests(ServerFixture fixture)
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.ReadJsonAsync();
    }

    /// <summary>The codes of a field in a validation problem.</summary>
    private static string[] Codes(JsonObject problem, string field) =>
        [.. problem["codes"]![field]!.AsArray().Select(c => c!.GetValue<string>())];

    private static async Task<string> FloorAsync(HttpClient http, string fairId) =>
        await http.GetStringAsync($"api/fairs/{fairId}/floor");

    // ---- Producers and products --------------------------------------------------------------------------------

    [Fact]
    public async Task A_NUL_in_a_producer_name_is_400_and_the_profile_keeps_its_name()
    {
        var producer = await Catalog.NewProducerAsync(fixture.Server, "Hợp tác xã Giữ Tên");
        var before = await producer.Http.GetStringAsync("api/producers/me");

        var response = await producer.Http.PutAsJsonAsync("api/producers/me", Catalog.Profile("Hợp tác xã\0 Giữ Tên"));

        Assert.Equal(["controlCharacter"], Codes(await ProblemAsync(response, HttpStatusCode.BadRequest), "name"));
        Assert.Equal(before, await producer.Http.GetStringAsync("api/producers/me"));
    }

    [Fact]
    public async Task A_NUL_in_a_product_name_is_400_and_the_catalogue_is_unchanged()
    {
        var producer = await Catalog.NewProducerAsync(fixture.Server);
        var productId = await Catalog.AddProductAsync(producer.Http, Catalog.Product("Gạo nếp cái hoa vàng"));
        var before = await producer.Http.GetStringAsync("api/producers/me");

        var added = await producer.Http.PostAsJsonAsync("api/producers/me/products", Catalog.Product("Gạo\0 nếp"));
        var edited = await producer.Http.PutAsJsonAsync($"api/producers/me/products/{productId}", Catalog.Product("Gạo\u0085nếp"));

        Assert.Equal(["controlCharacter"], Codes(await ProblemAsync(added, HttpStatusCode.BadRequest), "name"));
        Assert.Equal(["controlCharacter"], Codes(await ProblemAsync(edited, HttpStatusCode.BadRequest), "name"));
        Assert.Equal(before, await producer.Http.GetStringAsync("api/producers/me"));
    }

    [Theory]
    [InlineData("""{"kind": 42}""", "kind")]
    [InlineData("""{"kind": "42"}""", "kind")]
    [InlineData("""{"kind": "Guild"}""", "kind")]
    public async Task An_unknown_producer_kind_is_400_and_the_kind_is_unchanged(string change, string field)
    {
        var producer = await Catalog.NewProducerAsync(fixture.Server);
        var before = await producer.Http.GetStringAsync("api/producers/me");
        var body = JsonSerializerHelpers.With(Catalog.Profile("Hợp tác xã Đổi Loại"));
        foreach (var (name, value) in JsonNode.Parse(change)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        var response = await producer.Http.PutAsync("api/producers/me", Json(body.ToJsonString()));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["malformedValue"], Codes(problem, field));
        Assert.Equal("malformed", problem["code"]!.GetValue<string>());
        Assert.Equal(before, await producer.Http.GetStringAsync("api/producers/me"));
    }

    [Fact]
    public async Task A_certificate_date_at_the_end_of_the_calendar_is_400_not_500()
    {
        var producer = await Catalog.NewProducerAsync(fixture.Server);
        var before = await producer.Http.GetStringAsync("api/producers/me");

        var response = await producer.Http.PostAsJsonAsync("api/producers/me/products", Catalog.Product("Mật ong", certifiedOn: DateOnly.MaxValue));

        Assert.Equal(["outOfRange"], Codes(await ProblemAsync(response, HttpStatusCode.BadRequest), "certifiedOn"));
        Assert.Equal(before, await producer.Http.GetStringAsync("api/producers/me"));
    }

    [Fact]
    public async Task A_body_larger_than_an_endpoint_takes_is_413_and_changes_nothing()
    {
        var producer = await Catalog.NewProducerAsync(fixture.Server);
        var before = await producer.Http.GetStringAsync("api/producers/me");
        var profile = JsonSerializerHelpers.With(Catalog.Profile("Hợp tác xã Dài"), ("description", new string('x', 300 * 1024)));

        var response = await producer.Http.PutAsync("api/producers/me", Json(profile.ToJsonString()));

        Assert.Equal("tooLong", (await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge))["code"]!.GetValue<string>());
        Assert.Equal(before, await producer.Http.GetStringAsync("api/producers/me"));
    }

    // ---- Floor plans ---------------------------------------------------------------------------------------------

    public static TheoryData<string, string> WrongShapes => new()
    {
        { "\"x\"", "body" },
        { "[]", "body" },
        { "42", "body" },
        { new string('[', 200) + new string(']', 200), "body" },
        { "{\"zones\": " + new string('[', 100) + new string(']', 100) + ", \"booths\": []}", "zones" },
        { "{\"zones\": \"A\", \"booths\": []}", "zones" },
        { "{\"zones\": [], \"booths\": {}}", "booths" },
    };

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task A_floor_plan_of_the_wrong_shape_is_400_and_the_plan_is_unchanged(string json, string field)
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        var before = await FloorAsync(organiser, fairId);

        var response = await organiser.PutAsync($"api/fairs/{fairId}/floor-plan", Json(json));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("malformed", problem["code"]!.GetValue<string>());
        Assert.Contains(problem["codes"]!.AsObject(), e => e.Key.StartsWith(field, StringComparison.Ordinal));
        Assert.Equal(before, await FloorAsync(organiser, fairId));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("")]
    public async Task A_null_or_empty_floor_plan_is_400_and_does_not_wipe_the_plan(string json)
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        var before = await FloorAsync(organiser, fairId);

        var response = await organiser.PutAsync($"api/fairs/{fairId}/floor-plan", Json(json));

        Assert.Equal("malformed", (await ProblemAsync(response, HttpStatusCode.BadRequest))["code"]!.GetValue<string>());
        Assert.Equal(before, await FloorAsync(organiser, fairId));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"zones": [{"code": "A", "groups": ["Food"]}]}""")]
    [InlineData("""{"booths": []}""")]
    public async Task A_floor_plan_without_its_lists_is_400_and_does_not_wipe_the_plan(string json)
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        var before = await FloorAsync(organiser, fairId);

        var response = await organiser.PutAsync($"api/fairs/{fairId}/floor-plan", Json(json));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(problem["codes"]!.AsObject(), e => e.Value!.AsArray().Any(c => c!.GetValue<string>() == "required"));
        Assert.Equal(before, await FloorAsync(organiser, fairId));
    }

    [Fact]
    public async Task An_explicitly_empty_plan_still_empties_the_floor()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);

        var response = await organiser.PutAsync($"api/fairs/{fairId}/floor-plan", Json("""{"zones": [], "booths": []}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.ReadJsonAsync())["booths"]!.AsArray());
    }

    private const string Zone = """{"code": "A", "name": "Thực phẩm", "groups": ["Food"]}""";

    [Theory]
    [InlineData("\"areaM2\": 1e300", "booths[0].areaM2", "malformedValue")]
    [InlineData("\"areaM2\": \"12\"", "booths[0].areaM2", "malformedValue")]
    [InlineData("\"areaM2\": 1001", "booths[0].areaM2", "outOfRange")]
    [InlineData("\"priceVnd\": 1e20", "booths[0].priceVnd", "malformedValue")]
    [InlineData("\"priceVnd\": 99000000000", "booths[0].priceVnd", "outOfRange")]
    [InlineData("\"x\": 1e300", "booths[0].position", "invalidGeometry")]
    [InlineData("\"y\": -1e300", "booths[0].position", "invalidGeometry")]
    [InlineData("\"w\": 1e9", "booths[0].position", "invalidGeometry")]
    [InlineData("\"type\": 42", "booths[0].type", "malformedValue")]
    [InlineData("\"amenities\": [\"power\\u0000\"]", "booths[0].amenities", "invalidAmenity")]
    [InlineData("\"code\": \"A\\u000001\"", "booths[0].code", "invalidCode")]
    public async Task A_booth_no_fair_can_have_is_400_and_the_plan_is_unchanged(string field, string key, string code)
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        var before = await FloorAsync(organiser, fairId);
        var booth = "{\"code\": \"A01\", \"zone\": \"A\", " + field + "}"; // a repeated name: the last one counts

        var response = await organiser.PutAsync($"api/fairs/{fairId}/floor-plan", Json($$"""{"zones": [{{Zone}}], "booths": [{{booth}}]}"""));

        Assert.Equal([code], Codes(await ProblemAsync(response, HttpStatusCode.BadRequest), key));
        Assert.Equal(before, await FloorAsync(organiser, fairId));
    }

    [Theory]
    [InlineData("""{"zones": [{"code": "A", "groups": [7], "booths": 5}]}""", "zones[0].groups[0]")]
    [InlineData("""{"zones": [{"code": "A", "groups": ["Food"], "booths": 100000}]}""", "zones[0].booths")]
    [InlineData("""{"zones": [{"code": "A", "groups": ["Food"], "booths": 5}], "perRow": 0}""", "perRow")]
    [InlineData("""{"zones": [{"code": "A", "groups": ["Food"], "booths": 5}], "boothWidth": 1e300}""", "boothWidth")]
    [InlineData("""{"zones": [{"code": "A", "groups": ["Food"], "booths": 5}], "boothDepth": -3}""", "boothDepth")]
    [InlineData("""{"zones": [{"code": "A", "name": "Khu\u0007", "groups": ["Food"], "booths": 5}]}""", "zones[0].name")]
    [InlineData("""{"zones": [null]}""", "zones[0]")]
    [InlineData("""{"zones": []}""", "zones")]
    public async Task A_grid_no_fair_can_have_is_400_and_the_plan_is_unchanged(string json, string field)
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        var before = await FloorAsync(organiser, fairId);

        var response = await organiser.PostAsync($"api/fairs/{fairId}/floor-plan/grid", Json(json));

        Assert.NotNull((await ProblemAsync(response, HttpStatusCode.BadRequest))["codes"]![field]);
        Assert.Equal(before, await FloorAsync(organiser, fairId));
    }

    [Theory]
    [InlineData("A01,A,Standard,9,1000,1,1,3,3,po\u0001wer", "booths[0].amenities")]
    [InlineData("A\u000001,A,Standard,9,1000,1,1,3,3,power", "booths[0].code")]
    [InlineData("A01,A,Standard,1e300,1000,1,1,3,3,power", "csv")]
    [InlineData("A01,A,Standard,9,1000,1e300,1,3,3,power", "booths[0].position")]
    public async Task A_csv_plan_no_fair_can_have_is_400_and_the_plan_is_unchanged(string row, string field)
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        var before = await FloorAsync(organiser, fairId);
        var csv = "code,zone,type,areaM2,priceVnd,x,y,w,h,amenities\n" + row + "\n";

        var response = await organiser.PutAsync($"api/fairs/{fairId}/floor-plan", new StringContent(csv, Encoding.UTF8, "text/csv"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(problem["codes"]!.AsObject(), e => e.Key.StartsWith(field, StringComparison.Ordinal));
        Assert.Equal(before, await FloorAsync(organiser, fairId));
    }

    [Fact]
    public async Task A_body_of_a_content_type_an_endpoint_does_not_read_is_415_and_changes_nothing()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        var before = await FloorAsync(organiser, fairId);

        var plan = await organiser.PutAsync($"api/fairs/{fairId}/floor-plan", new StringContent("zones", Encoding.UTF8, "text/plain"));
        var fair = await organiser.PostAsync("api/fairs", new StringContent("<fair/>", Encoding.UTF8, "application/xml"));

        Assert.Equal("unsupportedMediaType", (await ProblemAsync(plan, HttpStatusCode.UnsupportedMediaType))["code"]!.GetValue<string>());
        Assert.Equal("unsupportedMediaType", (await ProblemAsync(fair, HttpStatusCode.UnsupportedMediaType))["code"]!.GetValue<string>());
        Assert.Equal(before, await FloorAsync(organiser, fairId));
    }

    // ---- Fairs -----------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("""{"allocationMode": 7}""", "allocationMode", "malformedValue")]
    [InlineData("""{"allocationMode": "7"}""", "allocationMode", "malformedValue")]
    [InlineData("""{"acceptedGroups": ["Food", 42]}""", "acceptedGroups[1]", "malformedValue")]
    [InlineData("""{"name": "Hội chợ\u0000"}""", "name", "controlCharacter")]
    [InlineData("""{"name": "  "}""", "name", "required")]
    [InlineData("""{"venue": "Nhà văn hóa\u001b[2J"}""", "venue", "controlCharacter")]
    [InlineData("""{"holdMinutes": 1e300}""", "holdMinutes", "malformedValue")]
    [InlineData("""{"holdMinutes": 99999999}""", "holdMinutes", "outOfRange")]
    [InlineData("""{"minStars": "4"}""", "minStars", "malformedValue")]
    [InlineData("""{"startsAt": "9999-12-31T00:00:00Z", "endsAt": "9999-12-31T23:00:00Z"}""", "startsAt", "outOfRange")]
    [InlineData("""{"registrationOpensAt": "0001-01-01T00:00:00Z"}""", "registrationOpensAt", "outOfRange")]
    public async Task A_fair_edit_no_fair_can_have_is_400_and_the_fair_is_unchanged(string json, string field, string code)
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        var before = await organiser.GetStringAsync($"api/fairs/{fairId}");

        var response = await organiser.PatchAsync($"api/fairs/{fairId}", Json(json));

        Assert.Equal([code], Codes(await ProblemAsync(response, HttpStatusCode.BadRequest), field));
        Assert.Equal(before, await organiser.GetStringAsync($"api/fairs/{fairId}"));
    }

    [Fact]
    public async Task A_fair_created_with_an_unknown_mode_is_400_and_no_fair_exists()
    {
        using var organiser = await fixture.OrganiserAsync();
        var me = await (await organiser.GetAsync("api/me")).ReadJsonAsync();
        var key = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/fairs")
        {
            Content = Json(JsonSerializerHelpers.With(Api.NewFair(), ("allocationMode", 7)).ToJsonString()),
        };
        request.Headers.Add("Idempotency-Key", key);

        var response = await organiser.SendAsync(request);

        Assert.Equal(["malformedValue"], Codes(await ProblemAsync(response, HttpStatusCode.BadRequest), "allocationMode"));
        var fairId = FairsApi.NewFairId(me["userId"]!.GetValue<string>(), key);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync($"api/fairs/{fairId}")).StatusCode);
    }

    [Fact]
    public async Task A_caller_who_may_not_act_is_told_so_before_what_is_wrong_with_the_body()
    {
        using var admin = fixture.Client();
        admin.As(await Api.LoginAsync(admin, "admin@demo.ocop"));
        var email = $"organiser-{Guid.NewGuid():N}@example.vn";
        (await admin.PostAsJsonAsync("api/admin/users", new { email, password = "Mat-khau-9", role = "Organiser", displayName = "Sở Công Thương khác" }))
            .EnsureSuccessStatusCode();
        using var stranger = fixture.Client();
        stranger.As(await Api.LoginAsync(stranger, email, "Mat-khau-9"));
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        // Published, so another organiser sees it (a Draft fair would be 404 to them) and is refused for not running it.
        (await organiser.PostAsync($"api/fairs/{fairId}/publish", null)).EnsureSuccessStatusCode();
        var before = await FloorAsync(organiser, fairId);

        var notTheirs = await stranger.PutAsync($"api/fairs/{fairId}/floor-plan", Json("{}"));
        var noFair = await organiser.PatchAsync("api/fairs/no-such-fair", Json("""{"name": "\u0000"}"""));

        Assert.Equal("forbidden", (await ProblemAsync(notTheirs, HttpStatusCode.Forbidden))["code"]!.GetValue<string>());
        Assert.Equal("fair.notFound", (await ProblemAsync(noFair, HttpStatusCode.NotFound))["code"]!.GetValue<string>());
        Assert.Equal(before, await FloorAsync(organiser, fairId));
    }

    // ---- Applications --------------------------------------------------------------------------------------------

    [Fact]
    public async Task An_application_note_or_rejection_reason_with_control_characters_is_400_and_changes_nothing()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Catalog.PublishedFairAsync(organiser);
        var applicant = await Catalog.NewProducerAsync(fixture.Server);
        var productId = await Catalog.AddProductAsync(applicant.Http, Catalog.Product("Cam Cao Phong"));
        var applicationId = await Catalog.ApplyAsync(applicant.Http, fairId, productId);
        var other = await Catalog.NewProducerAsync(fixture.Server);
        var otherProduct = await Catalog.AddProductAsync(other.Http, Catalog.Product("Bưởi đỏ"));

        var note = await other.Http.PostAsJsonAsync($"api/fairs/{fairId}/applications", new { productIds = new[] { otherProduct }, note = "Cần điện\0" });
        var ids = await other.Http.PostAsJsonAsync($"api/fairs/{fairId}/applications/check", new { productIds = new[] { "pr-1\u0000" } });
        var reason = await organiser.PostAsJsonAsync($"api/fairs/{fairId}/applications/{applicationId}/reject", new { reason = "Thiếu\u0000giấy tờ" });
        var bulk = await organiser.PostAsJsonAsync($"api/fairs/{fairId}/applications/bulk", new { action = "reject", applicationIds = new[] { applicationId }, reason = "\u0007" });

        Assert.Equal(["controlCharacter"], Codes(await ProblemAsync(note, HttpStatusCode.BadRequest), "note"));
        Assert.Equal(["invalidId"], Codes(await ProblemAsync(ids, HttpStatusCode.BadRequest), "productIds"));
        Assert.Equal(["controlCharacter"], Codes(await ProblemAsync(reason, HttpStatusCode.BadRequest), "reason"));
        Assert.NotNull((await ProblemAsync(bulk, HttpStatusCode.BadRequest))["codes"]!["reason"]);
        Assert.Empty((await (await other.Http.GetAsync("api/me/applications")).Content.ReadFromJsonAsync<JsonArray>())!);
        var application = await (await organiser.GetAsync($"api/fairs/{fairId}/applications/{applicationId}")).ReadJsonAsync();
        Assert.Equal("Submitted", application["status"]!.GetValue<string>());
    }

    // ---- Accounts and queries ------------------------------------------------------------------------------------

    [Fact]
    public async Task Accounts_refuse_control_characters_and_overlong_input_with_400_not_500()
    {
        using var http = fixture.Client();
        var email = $"buyer-{Guid.NewGuid():N}@example.vn";

        var register = await http.PostAsJsonAsync("api/auth/register", new { email, password = "Mat-khau-9", role = "Buyer", displayName = "Siêu thị\0" });
        var login = await http.PostAsJsonAsync("api/auth/login", new { email = "buyer\0@example.vn", password = "Mat-khau-9" });
        var password = await http.PostAsJsonAsync("api/auth/login", new { email, password = new string('x', 10_000) });
        var refresh = await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = new string('x', 10_000) });

        Assert.Equal(["controlCharacter"], Codes(await ProblemAsync(register, HttpStatusCode.BadRequest), "displayName"));
        Assert.Equal(["controlCharacter"], Codes(await ProblemAsync(login, HttpStatusCode.BadRequest), "email"));
        Assert.Equal(["tooLong"], Codes(await ProblemAsync(password, HttpStatusCode.BadRequest), "password"));
        Assert.Equal(["tooLong"], Codes(await ProblemAsync(refresh, HttpStatusCode.BadRequest), "refreshToken"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("api/auth/login", new { email, password = "Mat-khau-9" })).StatusCode);
    }

    [Theory]
    [InlineData("api/products?q=g%E1%BA%A1o%00", "q")]
    [InlineData("api/producers?district=Kim%01B%C3%B4i", "district")]
    [InlineData("api/products?group=7", "group")]
    [InlineData("api/fairs?status=Draft&x%00=1", "query")]
    [InlineData("api/fairs/hoa-binh-ocop-fair/applications?district=Kim%00", "district")]
    public async Task A_query_with_control_characters_or_unknown_values_is_400(string url, string field)
    {
        using var organiser = await fixture.OrganiserAsync();

        var response = await organiser.GetAsync(url);

        Assert.NotNull((await ProblemAsync(response, HttpStatusCode.BadRequest))["codes"]![field]);
    }

    [Fact]
    public async Task Field_errors_are_localized_text_never_the_raw_codes()
    {
        using var organiser = await fixture.OrganiserAsync();
        organiser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");
        var fairId = await Api.CreateFairWithFloorAsync(organiser);

        var response = await organiser.PatchAsync($"api/fairs/{fairId}", Json("""{"name": "a\u0000", "allocationMode": "Lottery"}"""));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        foreach (var (field, codes) in problem["codes"]!.AsObject())
        {
            var texts = problem["errors"]![field]!.AsArray().Select(t => t!.GetValue<string>()).ToArray();
            Assert.DoesNotContain(texts, t => codes!.AsArray().Any(c => c!.GetValue<string>() == t));
        }
    }
}
