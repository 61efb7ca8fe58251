using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

/// <summary>
/// Who exhibits where: a fair's exhibitors and a producer's upcoming booths (public past Draft), producers' shop links
/// and zones' English names.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ExhibitorsApiTests(ServerFixture fixture)
{
    private const string DemoFair = "hoa-binh-ocop-fair";
    private const string Honey = "p-demo-da-bac-honey";

    [Fact]
    public async Task Anyone_sees_a_published_fairs_approved_exhibitors_with_their_booths()
    {
        using var http = fixture.Client();
        var response = await http.GetAsync($"api/fairs/{DemoFair}/exhibitors");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
        var honey = list.Single(e => e!["producerId"]!.GetValue<string>() == Honey)!;
        Assert.Equal("Hợp tác xã Mật ong rừng Đà Bắc", honey["name"]!.GetValue<string>());
        Assert.Equal("Đà Bắc", honey["district"]!.GetValue<string>());
        Assert.Equal(4, honey["maxStars"]!.GetValue<int>());
        Assert.Equal(["Food"], honey["groups"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Contains("Mật ong rừng Đà Bắc", honey["products"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Contains("A05", honey["boothCodes"]!.AsArray().Select(b => b!.GetValue<string>()));
        Assert.Contains("A", honey["zones"]!.AsArray().Select(z => z!.GetValue<string>()));

        // Only approved exhibitors: the waitlisted, submitted and rejected applicants are not listed.
        var ids = list.Select(e => e!["producerId"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain("p-demo-hop-tien", ids);
        Assert.DoesNotContain("p-demo-kim-boi-green", ids);
        Assert.DoesNotContain("p-demo-muong-pa", ids);
    }

    [Fact]
    public async Task A_producers_public_page_lists_its_upcoming_booths_and_shop_links()
    {
        using var http = fixture.Client();
        var fairs = (await http.GetFromJsonAsync<JsonArray>($"api/producers/{Honey}/fairs"))!;
        var fair = fairs.Single(f => f!["fairId"]!.GetValue<string>() == DemoFair)!;
        Assert.Contains("A05", fair["boothCodes"]!.AsArray().Select(b => b!.GetValue<string>()));
        Assert.Equal("Hội chợ OCOP Hòa Bình", fair["name"]!.GetValue<string>());

        var producer = (await http.GetFromJsonAsync<JsonObject>($"api/producers/{Honey}"))!;
        var platforms = producer["shopLinks"]!.AsArray().Select(l => l!["platform"]!.GetValue<string>()).ToList();
        Assert.Equal(["Postmart", "Shopee", "Website"], platforms);
        Assert.Null(producer["phone"]); // contacts are for signed-in users

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("api/producers/p-no-such-producer/fairs")).StatusCode);
    }

    [Fact]
    public async Task A_draft_fairs_exhibitors_are_hidden_from_the_public()
    {
        using var organiser = fixture.Client();
        organiser.As(await Api.LoginAsync(organiser, "organiser@demo.ocop"));
        var fairId = await Api.CreateFairWithFloorAsync(organiser, "Hội chợ nháp nhà trưng bày");

        using var anonymous = fixture.Client();
        var hidden = await anonymous.GetAsync($"api/fairs/{fairId}/exhibitors");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("fair.notFound", (await hidden.ReadJsonAsync())["code"]!.GetValue<string>());

        var own = await organiser.GetAsync($"api/fairs/{fairId}/exhibitors");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Empty((await own.Content.ReadFromJsonAsync<JsonArray>())!);
    }

    [Fact]
    public async Task Shop_links_are_http_addresses_whose_platform_is_recognised()
    {
        var producer = await Catalog.NewProducerAsync(fixture.Server);
        var saved = await producer.Http.PutAsJsonAsync("api/producers/me", WithLinks(
            new { platform = (string?)null, url = "https://shopee.vn/htx-thu" },
            new { platform = (string?)null, url = " https://tiki.vn/cua-hang/htx-thu " },
            new { platform = (string?)"Voso", url = "https://voso.vn/shop/123" },
            new { platform = (string?)null, url = "http://htx-thu.example.vn" }));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var links = (await saved.ReadJsonAsync())["shopLinks"]!.AsArray();
        Assert.Equal(["Shopee", "Tiki", "Voso", "Website"], links.Select(l => l!["platform"]!.GetValue<string>()));
        Assert.Equal("https://tiki.vn/cua-hang/htx-thu", links[1]!["url"]!.GetValue<string>());

        // Kept with the profile, and a profile saved without the field has none.
        var again = (await producer.Http.GetFromJsonAsync<JsonObject>("api/producers/me"))!;
        Assert.Equal(4, again["shopLinks"]!.AsArray().Count);
        var without = await producer.Http.PutAsJsonAsync("api/producers/me", Catalog.Profile("Hợp tác xã Thử không link"));
        Assert.Empty((await without.ReadJsonAsync())["shopLinks"]!.AsArray());
    }

    [Theory]
    [InlineData("vi", "Đường dẫn không hợp lệ.", "Sàn thương mại điện tử không hợp lệ.")]
    [InlineData("en", "The link is not a valid web address.", "Unknown e-commerce platform.")]
    public async Task Shop_links_that_are_not_web_addresses_are_refused_in_the_readers_language(string language, string badUrl, string badPlatform)
    {
        var producer = await Catalog.NewProducerAsync(fixture.Server);
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/producers/me")
        {
            Content = JsonContent.Create(WithLinks(
                new { platform = (string?)null, url = "javascript:alert(1)" },
                new { platform = (string?)"Lazada", url = "https://lazada.vn/shop" },
                new { platform = (string?)null, url = "ftp://files.example.vn" })),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await producer.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!;
        Assert.Equal(badUrl, errors["shopLinks[0].url"]![0]!.GetValue<string>());
        Assert.Equal(badPlatform, errors["shopLinks[1].platform"]![0]!.GetValue<string>());
        Assert.Equal(badUrl, errors["shopLinks[2].url"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Zones_carry_an_optional_english_name()
    {
        using var organiser = fixture.Client();
        organiser.As(await Api.LoginAsync(organiser, "organiser@demo.ocop"));
        var created = await organiser.PostAsJsonAsync("api/fairs", Api.NewFair("Hội chợ khu song ngữ"));
        var fairId = (await created.ReadJsonAsync())["fairId"]!.GetValue<string>();
        var grid = await organiser.PostAsJsonAsync($"api/fairs/{fairId}/floor-plan/grid", new
        {
            zones = new object[]
            {
                new { code = "A", name = "Thực phẩm", nameEn = "Food", groups = new[] { "Food" }, booths = 2 },
                new { code = "B", name = "Đồ uống", groups = new[] { "Beverages" }, booths = 2 },
            },
            perRow = 5,
        });
        grid.EnsureSuccessStatusCode();
        var floor = (await organiser.GetFromJsonAsync<JsonObject>($"api/fairs/{fairId}/floor"))!;
        var zones = floor["zones"]!.AsArray();
        Assert.Equal("Food", zones[0]!["nameEn"]!.GetValue<string>());
        Assert.Null(zones[1]!["nameEn"]);

        var tooLong = await organiser.PutAsJsonAsync($"api/fairs/{fairId}/floor-plan", new
        {
            zones = new object[] { new { code = "A", name = "Thực phẩm", nameEn = new string('x', 500), groups = new[] { "Food" } } },
            booths = Array.Empty<object>(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.NotNull((await tooLong.ReadJsonAsync())["errors"]!["zones[0].nameEn"]);
    }

    private static object WithLinks(params object[] links) => new
    {
        name = "Hợp tác xã Thử có gian hàng trực tuyến",
        kind = "Cooperative",
        province = "Hòa Bình",
        district = "Kim Bôi",
        commune = "Du Sáng",
        phone = "0218 3880 999",
        shopLinks = links,
    };
}
