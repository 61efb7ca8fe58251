using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class ProducersApiTests(ServerFixture fixture)
{
    [Fact]
    public async Task Vietnamese_profile_text_is_stored_in_nfc_and_reads_back_the_same()
    {
        var producer = await Catalog.NewProducerAsync(fixture.Server);
        var decomposed = "Hợp tác xã Bưởi Diễn".Normalize(NormalizationForm.FormD);
        var saved = await producer.Http.PutAsJsonAsync("api/producers/me", Catalog.Profile(decomposed, "Kim Bôi".Normalize(NormalizationForm.FormD)));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var me = await (await producer.Http.GetAsync("api/producers/me")).ReadJsonAsync();
        Assert.Equal("Hợp tác xã Bưởi Diễn".Normalize(NormalizationForm.FormC), me["name"]!.GetValue<string>());
        Assert.True(me["name"]!.GetValue<string>().IsNormalized(NormalizationForm.FormC));
        Assert.True(me["complete"]!.GetValue<bool>());

        using var anonymous = fixture.Client();
        var open = await (await anonymous.GetAsync($"api/producers/{producer.ProducerId}")).ReadJsonAsync();
        Assert.Equal("Kim Bôi", open["district"]!.GetValue<string>());
        Assert.Null(open["phone"]);
    }

    [Theory]
    [InlineData("vi", "Trường này là bắt buộc.", "Số điện thoại không hợp lệ.")]
    [InlineData("en", "This field is required.", "The phone number is not valid.")]
    public async Task Invalid_profile_is_400_with_localized_field_errors(string language, string required, string phone)
    {
        var producer = await Catalog.NewProducerAsync(fixture.Server);
        producer.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await producer.Http.PutAsJsonAsync("api/producers/me", new { name = "", kind = "Household", province = "Hòa Bình", district = "Lạc Sơn", commune = "", phone = "abc" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!;
        Assert.Equal(required, errors["name"]![0]!.GetValue<string>());
        Assert.Equal(required, errors["commune"]![0]!.GetValue<string>());
        Assert.Equal(phone, errors["phone"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Product_gets_a_36_month_certificate_by_default_and_its_capacity_in_kg()
    {
        var producer = await Catalog.NewProducerAsync(fixture.Server);
        var certified = new DateOnly(2025, 2, 28);
        var product = Catalog.Product("Cam Cao Phong", certifiedOn: certified);
        var response = await producer.Http.PostAsJsonAsync("api/producers/me/products", JsonSerializerHelpers.With(product, ("capacityPerMonth", new { quantity = 3, unit = "tạ" })));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        Assert.Equal("2028-02-28", created["certificateExpiresOn"]!.GetValue<string>());
        Assert.Equal("ta", created["capacityPerMonth"]!["unit"]!.GetValue<string>());
        Assert.Equal(300m, created["capacityPerMonth"]!["baseQuantity"]!.GetValue<decimal>());
        Assert.Equal("kg", created["capacityPerMonth"]!["baseUnit"]!.GetValue<string>());
        Assert.False(created["expiringSoon"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Certificate_expiring_within_90_days_is_flagged_and_one_ending_before_certification_is_refused()
    {
        var producer = await Catalog.NewProducerAsync(fixture.Server);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var soon = await (await producer.Http.PostAsJsonAsync("api/producers/me/products",
            Catalog.Product("Mật ong rừng", certifiedOn: today.AddMonths(-35), expiresOn: today.AddDays(30)))).ReadJsonAsync();
        Assert.True(soon["expiringSoon"]!.GetValue<bool>());

        var refused = await producer.Http.PostAsJsonAsync("api/producers/me/products",
            Catalog.Product("Mật ong", certifiedOn: today, expiresOn: today.AddDays(-1)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await refused.ReadJsonAsync())["errors"]!["certificateExpiresOn"]);
    }

    [Fact]
    public async Task Producer_changes_only_its_own_products()
    {
        var owner = await Catalog.NewProducerAsync(fixture.Server);
        var other = await Catalog.NewProducerAsync(fixture.Server);
        var productId = await Catalog.AddProductAsync(owner.Http, Catalog.Product("Chè Tân Lạc", group: "Beverages"));

        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.PutAsJsonAsync($"api/producers/me/products/{productId}", Catalog.Product("Bị sửa"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.DeleteAsync($"api/producers/me/products/{productId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.DeleteAsync($"api/producers/me/products/pr-{Guid.NewGuid():N}")).StatusCode);

        var updated = await owner.Http.PutAsJsonAsync($"api/producers/me/products/{productId}", Catalog.Product("Chè Tân Lạc thượng hạng", group: "Beverages", stars: 5));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(5, (await updated.ReadJsonAsync())["stars"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Http.DeleteAsync($"api/producers/me/products/{productId}")).StatusCode);
        using var anonymous = fixture.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"api/products/{productId}")).StatusCode);
    }

    [Fact]
    public async Task Producer_routes_need_a_producer_account()
    {
        using var anonymous = fixture.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/producers/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/products?q=cam")).StatusCode);
        using var buyer = fixture.Client();
        buyer.As(await Api.LoginAsync(buyer, "buyer1@demo.ocop"));
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.PutAsJsonAsync("api/producers/me", Catalog.Profile("X"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.PostAsJsonAsync("api/producers/me/products", Catalog.Product("X"))).StatusCode);
    }

    [Fact]
    public async Task Search_ignores_diacritics_and_case_and_filters_by_district_group_and_stars()
    {
        var district = "Huyện Thử " + Guid.NewGuid().ToString("N")[..6];
        var a = await Catalog.NewProducerAsync(fixture.Server, "Hợp tác xã Đà Bắc", district);
        await Catalog.AddProductAsync(a.Http, Catalog.Product("Bưởi Diễn Đặc Biệt", stars: 5));
        await Catalog.AddProductAsync(a.Http, Catalog.Product("Trà Shan tuyết Đà Bắc", group: "Beverages", stars: 3));
        var b = await Catalog.NewProducerAsync(fixture.Server, "Hộ kinh doanh Bưởi", district);
        await Catalog.AddProductAsync(b.Http, Catalog.Product("BƯỞI DIỄN", stars: 3));

        var folded = Uri.EscapeDataString(district.ToLowerInvariant().Replace("ệ", "e").Replace("ử", "u"));
        async Task<JsonObject> SearchAsync(string query) => await (await a.Http.GetAsync($"api/products?district={folded}&{query}")).ReadJsonAsync();

        var pomelo = await SearchAsync("q=buoi%20dien");
        Assert.Equal(2, pomelo["total"]!.GetValue<long>());
        Assert.Equal("Bưởi Diễn Đặc Biệt", pomelo["items"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(1, (await SearchAsync("q=dac%20biet")).GetTotal());
        Assert.Equal(1, (await SearchAsync("q=DA%20BAC&group=Beverages")).GetTotal());
        Assert.Equal(1, (await SearchAsync("q=buoi&minStars=4")).GetTotal());
        var paged = await SearchAsync("pageSize=2&page=2");
        Assert.Equal(3, paged.GetTotal());
        Assert.Single(paged["items"]!.AsArray());

        var producers = await (await a.Http.GetAsync($"api/producers?district={folded}&q=da%20bac")).ReadJsonAsync();
        Assert.Equal(a.ProducerId, Assert.Single(producers["items"]!.AsArray())!["producerId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await a.Http.GetAsync("api/products?pageSize=1000")).StatusCode);
    }

    [Fact]
    public async Task Producer_search_finds_producers_by_their_products_after_those_found_by_name()
    {
        var district = "Huyện Thử " + Guid.NewGuid().ToString("N")[..6];
        var named = await Catalog.NewProducerAsync(fixture.Server, "Hợp tác xã Bưởi Diễn Phú Lão", district);
        await Catalog.AddProductAsync(named.Http, Catalog.Product("Cam Cao Phong", stars: 3));
        var seller = await Catalog.NewProducerAsync(fixture.Server, "Hợp tác xã Nông nghiệp Yên Trị", district);
        var pomelo = await Catalog.AddProductAsync(seller.Http, Catalog.Product("Bưởi Diễn Yên Trị", stars: 5));
        var honey = await Catalog.AddProductAsync(seller.Http, Catalog.Product("Mật ong rừng", stars: 4));
        var other = await Catalog.NewProducerAsync(fixture.Server, "Hộ kinh doanh Mường", district);
        await Catalog.AddProductAsync(other.Http, Catalog.Product("Rượu cần", group: "Beverages", stars: 5));
        var redPomelo = await Catalog.AddProductAsync(other.Http, Catalog.Product("Bưởi đỏ", stars: 3));

        async Task<JsonArray> SearchAsync(string query, long total)
        {
            var page = await (await named.Http.GetAsync($"api/producers?district={Uri.EscapeDataString(district)}&{query}")).ReadJsonAsync();
            Assert.Equal(total, page.GetTotal());
            return page["items"]!.AsArray();
        }

        static string Id(JsonNode? item) => item!["producerId"]!.GetValue<string>();
        static string? Matched(JsonNode? item) => item!["matchedProduct"]?["productId"]!.GetValue<string>();

        // A buyer types the product without diacritics: the cooperative named after it first, though the one that
        // only sells it has more stars, and that one says which product matched.
        var pomeloSellers = await SearchAsync("q=buoi%20dien", 2);
        Assert.Equal([named.ProducerId, seller.ProducerId], pomeloSellers.Select(Id));
        Assert.Equal([null, pomelo], pomeloSellers.Select(Matched));
        Assert.Equal("Bưởi Diễn Yên Trị", pomeloSellers[1]!["matchedProduct"]!["name"]!.GetValue<string>());

        // Product-only matches rank by the stars of the product that matched; a page further on keeps that order.
        var allPomelo = await SearchAsync("q=BƯỞI", 3);
        Assert.Equal([named.ProducerId, seller.ProducerId, other.ProducerId], allPomelo.Select(Id));
        Assert.Equal([null, pomelo, redPomelo], allPomelo.Select(Matched));
        Assert.Equal([other.ProducerId], (await SearchAsync("q=buoi&pageSize=1&page=3", 3)).Select(Id));

        // Words may come from the producer and the product together, as in the product search.
        Assert.Equal([honey], (await SearchAsync("q=yen%20tri%20mat%20ong", 1)).Select(Matched));

        // The product that matched must itself pass group and stars: Mường's 5 stars are its rice wine, not its pomelo.
        Assert.Equal([seller.ProducerId], (await SearchAsync("q=buoi&minStars=4", 1)).Select(Id));
        await SearchAsync("q=buoi&group=Beverages", 0);

        // Without the product, its seller is no longer found through it.
        Assert.Equal(HttpStatusCode.NoContent, (await seller.Http.DeleteAsync($"api/producers/me/products/{pomelo}")).StatusCode);
        Assert.Equal([named.ProducerId], (await SearchAsync("q=buoi%20dien", 1)).Select(Id));
    }

    [Fact]
    public async Task Public_product_card_and_its_qr_code_need_no_sign_in()
    {
        var producer = await Catalog.NewProducerAsync(fixture.Server, "Hợp tác xã Hà Phong Thử");
        var productId = await Catalog.AddProductAsync(producer.Http, Catalog.Product("Nước cam lên men", group: "Beverages"));
        using var anonymous = fixture.Client();
        var card = await (await anonymous.GetAsync($"api/products/{productId}")).ReadJsonAsync();
        Assert.Equal("Nước cam lên men", card["name"]!.GetValue<string>());
        Assert.Equal("Hợp tác xã Hà Phong Thử", card["producer"]!["name"]!.GetValue<string>());
        Assert.Equal("Postmart", card["shopLinks"]![0]!["platform"]!.GetValue<string>());

        var qr = await anonymous.GetAsync($"api/products/{productId}/qr.svg");
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await qr.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"api/products/pr-{Guid.NewGuid():N}/qr.svg")).StatusCode);
    }

    [Fact]
    public async Task Booth_sign_is_printable_for_the_organiser_and_the_producer_only()
    {
        var producer = await Catalog.NewProducerAsync(fixture.Server, "Hợp tác xã Biển Hiệu");
        await Catalog.AddProductAsync(producer.Http, Catalog.Product("Gạo nếp Lạc Sơn"));
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Catalog.PublishedFairAsync(organiser);

        var sign = await organiser.GetAsync($"api/fairs/{fairId}/exhibitors/{producer.ProducerId}/sign");
        Assert.Equal("text/html", sign.Content.Headers.ContentType?.MediaType);
        var html = await sign.Content.ReadAsStringAsync();
        Assert.Contains("Gạo nếp Lạc Sơn", html);
        Assert.Contains("size: A4", html);
        Assert.Contains("<svg", html);

        Assert.Equal(HttpStatusCode.OK, (await producer.Http.GetAsync($"api/fairs/{fairId}/exhibitors/{producer.ProducerId}/sign")).StatusCode);
        var other = await Catalog.NewProducerAsync(fixture.Server);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync($"api/fairs/{fairId}/exhibitors/{producer.ProducerId}/sign")).StatusCode);
    }
}

internal static class SearchJson
{
    public static long GetTotal(this JsonObject page) => page["total"]!.GetValue<long>();
}
