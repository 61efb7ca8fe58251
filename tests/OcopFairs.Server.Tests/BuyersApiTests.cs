using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class BuyersApiTests(ServerFixture fixture)
{
    private static object Supermarket(string organisation = "Siêu thị Xanh Hà Nội", string kind = "Supermarket") => BuyerAccounts.Supermarket(organisation, kind);

    private async Task<(HttpClient Http, string BuyerId)> NewBuyerAsync(object? profile = null)
    {
        var buyer = await BuyerAccounts.NewAsync(fixture.Server, profile, withProfile: profile is not null);
        return (buyer.Http, buyer.BuyerId);
    }

    [Fact]
    public async Task A_buyer_saves_its_needs_with_units_made_canonical_and_ids_given_by_the_server()
    {
        var (http, buyerId) = await NewBuyerAsync(Supermarket());
        var me = await (await http.GetAsync("api/buyers/me")).ReadJsonAsync();
        Assert.Equal(buyerId, me["buyerId"]!.GetValue<string>());
        var need = me["needs"]![0]!;
        Assert.StartsWith("n-", need["needId"]!.GetValue<string>());
        Assert.Equal("tan", need["quantityPerMonth"]!["unit"]!.GetValue<string>());

        // Saving again with the same need id keeps it.
        var again = await http.PutAsJsonAsync("api/buyers/me", JsonSerializerHelpers.With(Supermarket(), ("needs", new JsonArray(JsonNode.Parse(need.ToJsonString())))));
        Assert.Equal(need["needId"]!.GetValue<string>(), (await again.ReadJsonAsync())["needs"]![0]!["needId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("vi", "Cần từ 1 đến 3 người đại diện tham dự.", "Hãy nêu từ khóa hoặc nhóm sản phẩm cần tìm.")]
    [InlineData("en", "Name 1 to 3 representatives who attend.", "Give keywords or product groups to look for.")]
    public async Task An_invalid_profile_is_400_with_localized_field_errors_and_changes_nothing(string language, string reps, string keywords)
    {
        var (http, _) = await NewBuyerAsync();
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await http.PutAsJsonAsync("api/buyers/me", new
        {
            organisation = "Cửa hàng Sạch",
            kind = "CleanFoodStore",
            representatives = Array.Empty<object>(),
            needs = new[] { new { minStars = 7, keywords = Array.Empty<string>(), quantityPerMonth = new { quantity = 5, unit = "thùng" } } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!;
        Assert.Equal(reps, errors["representatives"]![0]!.GetValue<string>());
        Assert.Equal(keywords, errors["needs[0].keywords"]![0]!.GetValue<string>());
        Assert.NotNull(errors["needs[0].minStars"]);
        Assert.NotNull(errors["needs[0].quantityPerMonth.unit"]);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("api/buyers/me")).StatusCode);
    }

    [Fact]
    public async Task A_producer_cannot_touch_buyer_profiles()
    {
        var producer = await Catalog.NewProducerAsync(fixture.Server);
        Assert.Equal(HttpStatusCode.Forbidden, (await producer.Http.PutAsJsonAsync("api/buyers/me", Supermarket())).StatusCode);
    }

    [Fact]
    public async Task A_registered_buyer_gets_one_badge_and_the_gate_checks_it_in_once()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Catalog.PublishedFairAsync(organiser);
        var (noProfile, _) = await NewBuyerAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await noProfile.PostAsync($"api/fairs/{fairId}/buyers/me", null)).StatusCode);

        var (http, buyerId) = await NewBuyerAsync(Supermarket());
        var first = await (await http.PostAsync($"api/fairs/{fairId}/buyers/me", null)).ReadJsonAsync();
        var again = await (await http.PostAsync($"api/fairs/{fairId}/buyers/me", null)).ReadJsonAsync();
        var badge = first["badgeCode"]!.GetValue<string>();
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", badge);
        Assert.Equal(badge, again["badgeCode"]!.GetValue<string>());
        var svg = await http.GetAsync($"api/fairs/{fairId}/buyers/me/badge.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);

        // The buyer cannot check itself in; the organiser can, typing the code loosely; a second scan changes nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsJsonAsync($"api/fairs/{fairId}/check-in", new { badgeCode = badge })).StatusCode);
        var typed = badge.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant();
        var checkedIn = await (await organiser.PostAsJsonAsync($"api/fairs/{fairId}/check-in", new { badgeCode = typed })).ReadJsonAsync();
        Assert.False(checkedIn["alreadyCheckedIn"]!.GetValue<bool>());
        var at = checkedIn["buyer"]!["checkedInAt"]!.GetValue<DateTimeOffset>();
        var second = await (await organiser.PostAsJsonAsync($"api/fairs/{fairId}/check-in", new { badgeCode = badge })).ReadJsonAsync();
        Assert.True(second["alreadyCheckedIn"]!.GetValue<bool>());
        Assert.Equal(at, second["buyer"]!["checkedInAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.PostAsJsonAsync($"api/fairs/{fairId}/check-in", new { badgeCode = "ZZZZ-ZZZZ" })).StatusCode);

        // The organiser counts registered and present buyers by kind; a kind changed later is counted under the new one.
        var (other, _) = await NewBuyerAsync(Supermarket("HTX Xuất khẩu", "Exporter"));
        (await other.PostAsync($"api/fairs/{fairId}/buyers/me", null)).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync("api/buyers/me", Supermarket(kind: "Distributor"))).EnsureSuccessStatusCode();
        var list = await (await organiser.GetAsync($"api/fairs/{fairId}/buyers")).ReadJsonAsync();
        Assert.Equal((2, 1), (list["registered"]!.GetValue<int>(), list["present"]!.GetValue<int>()));
        var byKind = list["byKind"]!.AsArray().ToDictionary(k => k!["kind"]!.GetValue<string>(), k => (k!["registered"]!.GetValue<int>(), k["present"]!.GetValue<int>()));
        Assert.Equal((1, 1), byKind["Distributor"]);
        Assert.Equal((1, 0), byKind["Exporter"]);
        Assert.Equal((0, 0), byKind["Supermarket"]);
        Assert.Contains(list["items"]!.AsArray(), i => i!["buyerId"]!.GetValue<string>() == buyerId);
    }
}
