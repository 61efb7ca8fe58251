using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class MatchingApiTests(ServerFixture fixture)
{
    private static object Orange(string name, int stars, int tonnes, string[] certifications) => new
    {
        name,
        group = "Food",
        stars,
        certificateNo = "HB-" + Guid.NewGuid().ToString("N")[..8],
        certificateLevel = "Province",
        certifiedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-6),
        certifications,
        capacityPerMonth = new { quantity = tonnes, unit = "tấn" },
        priceRange = new { min = 25_000, max = 30_000, unit = "kg" },
    };

    /// <summary>A published fair whose approved exhibitors are an orange grower, a rice cooperative and a 3-star orange grower.</summary>
    private async Task<(HttpClient Organiser, string FairId, Catalog.ProducerAccount Orange, Catalog.ProducerAccount Rice, Catalog.ProducerAccount ThreeStar)> FairAsync()
    {
        var organiser = await fixture.OrganiserAsync();
        var fairId = await Catalog.PublishedFairAsync(organiser);
        async Task<Catalog.ProducerAccount> ExhibitorAsync(string name, object product)
        {
            var p = await Catalog.NewProducerAsync(fixture.Server, name, "Cao Phong");
            var productId = await Catalog.AddProductAsync(p.Http, product);
            var applicationId = await Catalog.ApplyAsync(p.Http, fairId, productId);
            (await organiser.PostAsync($"api/fairs/{fairId}/applications/{applicationId}/approve", null)).EnsureSuccessStatusCode();
            return p;
        }

        var orange = await ExhibitorAsync("HTX Cam Cao Phong Xanh", Orange("Cam Cao Phong", 4, 25, ["VietGAP"]));
        var rice = await ExhibitorAsync("HTX Gạo Nếp Thử", Catalog.Product("Gạo nếp cái hoa vàng"));
        var threeStar = await ExhibitorAsync("Tổ hợp tác Cam Ba Sao", Orange("Cam Cao Phong loại hai", 3, 30, ["VietGAP"]));
        return (organiser, fairId, orange, rice, threeStar);
    }

    private static async Task<JsonArray> MatchesAsync(HttpClient buyer, string fairId, string language = "vi")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/fairs/{fairId}/matches?limit=10");
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await buyer.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync())["items"]!.AsArray();
    }

    [Fact]
    public async Task A_buyer_sees_suppliers_ranked_with_reasons_in_numbers_and_in_their_language_and_can_dismiss_or_save_one()
    {
        var (_, fairId, orange, rice, threeStar) = await FairAsync();
        var buyer = await BuyerAccounts.NewAsync(fixture.Server, registerFor: fairId);

        var items = await MatchesAsync(buyer.Http, fairId);
        var ids = items.Select(i => i!["producerId"]!.GetValue<string>()).ToList();
        Assert.Equal(orange.ProducerId, ids[0]);
        Assert.Contains(rice.ProducerId, ids);
        Assert.DoesNotContain(threeStar.ProducerId, ids); // under the need's 4 stars: vetoed
        var best = items[0]!;
        Assert.True(best["score"]!.GetValue<int>() > items[1]!["score"]!.GetValue<int>());
        var reasons = best["reasons"]!.AsArray().Select(r => r!["message"]!.GetValue<string>()).ToList();
        Assert.Contains("cung 25 tấn/tháng ≥ cầu 20 tấn/tháng", reasons);
        Assert.Equal(best["score"]!.GetValue<int>(), best["reasons"]!.AsArray().Sum(r => r!["weight"]!.GetValue<int>()));

        var english = (await MatchesAsync(buyer.Http, fairId, "en"))[0]!["reasons"]!.AsArray().Select(r => r!["message"]!.GetValue<string>());
        Assert.Contains("supplies 25 tonnes/month ≥ the 20 tonnes/month needed", english);

        // Dismissed: gone from the ranking, and back once cleared; saved: marked, and the exhibitor sees the buyer.
        Assert.Equal(HttpStatusCode.OK, (await buyer.Http.PostAsync($"api/fairs/{fairId}/matches/{orange.ProducerId}/dismiss", null)).StatusCode);
        Assert.DoesNotContain(await MatchesAsync(buyer.Http, fairId), i => i!["producerId"]!.GetValue<string>() == orange.ProducerId);
        Assert.Empty((await (await orange.Http.GetAsync($"api/fairs/{fairId}/interested-buyers")).ReadJsonAsync())["items"]!.AsArray());
        (await buyer.Http.PostAsync($"api/fairs/{fairId}/matches/{orange.ProducerId}/save", null)).EnsureSuccessStatusCode();
        var saved = (await MatchesAsync(buyer.Http, fairId))[0]!;
        Assert.Equal((orange.ProducerId, "Saved"), (saved["producerId"]!.GetValue<string>(), saved["mark"]!.GetValue<string>()));

        var interested = (await (await orange.Http.GetAsync($"api/fairs/{fairId}/interested-buyers")).ReadJsonAsync())["items"]!.AsArray();
        var entry = Assert.Single(interested)!;
        Assert.Equal(("Siêu thị Xanh Hà Nội", "Supermarket", buyer.BuyerId), (entry["organisation"]!.GetValue<string>(), entry["buyerKind"]!.GetValue<string>(), entry["buyerId"]!.GetValue<string>()));
        Assert.Equal(saved["score"]!.GetValue<int>(), entry["score"]!.GetValue<int>());

        // Refusals: an unknown supplier, someone else's role, a malformed id.
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.Http.PostAsync($"api/fairs/{fairId}/matches/p-nobody/save", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await orange.Http.GetAsync($"api/fairs/{fairId}/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.Http.PostAsync($"api/fairs/{fairId}/matches/..%2Fx/save", null)).StatusCode);
    }

    [Fact]
    public async Task Ranks_change_live_when_a_need_changes_or_an_exhibitor_withdraws_and_both_sides_are_told_privately()
    {
        var (_, fairId, orange, riceCoop, _) = await FairAsync();
        var buyer = await BuyerAccounts.NewAsync(fixture.Server, registerFor: fairId);
        Assert.Equal(orange.ProducerId, (await MatchesAsync(buyer.Http, fairId))[0]!["producerId"]!.GetValue<string>());

        var buyerEvents = new ConcurrentQueue<JsonObject>();
        var producerEvents = new ConcurrentQueue<JsonObject>();
        await using var buyerHub = Api.Hub(fixture.Server.BaseAddress, buyer.Http.DefaultRequestHeaders.Authorization!.Parameter);
        await using var producerHub = Api.Hub(fixture.Server.BaseAddress, orange.Http.DefaultRequestHeaders.Authorization!.Parameter);
        buyerHub.On<JsonObject>("PrivateEvent", buyerEvents.Enqueue);
        producerHub.On<JsonObject>("PrivateEvent", producerEvents.Enqueue);
        await buyerHub.StartAsync();
        await producerHub.StartAsync();

        // The buyer now wants rice: the rice cooperative comes first, and both the buyer and the orange grower are told.
        var profile = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(BuyerAccounts.Supermarket()))!.AsObject();
        profile["needs"]![0]!["keywords"] = new JsonArray("gạo nếp");
        profile["needs"]![0]!["certifications"] = new JsonArray();
        (await buyer.Http.PutAsJsonAsync("api/buyers/me", profile)).EnsureSuccessStatusCode();
        bool Told(ConcurrentQueue<JsonObject> events) => events.Any(e => e["type"]!.GetValue<string>() == "MatchesChanged" && e["data"]!["fairId"]!.GetValue<string>() == fairId);
        Assert.True(await Api.EventuallyAsync(() => Task.FromResult(Told(buyerEvents)), 10), "the buyer was not told");
        Assert.True(await Api.EventuallyAsync(() => Task.FromResult(Told(producerEvents)), 10), "the exhibitor the buyer lost interest in was not told");
        var items = await MatchesAsync(buyer.Http, fairId);
        Assert.Contains("gạo nếp", items[0]!["productName"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);

        // The rice cooperative withdraws: it leaves the ranking, and the buyer is told.
        var rice = items[0]!["producerId"]!.GetValue<string>();
        Assert.Equal(riceCoop.ProducerId, rice);
        buyerEvents.Clear();
        var application = await fixture.Database.ScalarAsync<string>($"SELECT application_id FROM app.applications WHERE fair_id = '{fairId}' AND producer_id = '{rice}'");
        (await riceCoop.Http.PostAsync($"api/fairs/{fairId}/applications/{application}/withdraw", null)).EnsureSuccessStatusCode();
        Assert.True(await Api.EventuallyAsync(() => Task.FromResult(Told(buyerEvents)), 10), "the buyer was not told of the withdrawal");
        Assert.DoesNotContain(await MatchesAsync(buyer.Http, fairId), i => i!["producerId"]!.GetValue<string>() == rice);
    }

    [Fact]
    public async Task The_demo_buyers_have_needs_matches_with_reasons_and_meetings_in_several_states()
    {
        using var supermarket = fixture.Client();
        supermarket.As(await Api.LoginAsync(supermarket, "buyer1@demo.ocop"));
        var profile = await (await supermarket.GetAsync("api/buyers/me")).ReadJsonAsync();
        Assert.Equal("Hệ thống siêu thị BigGreen Hà Nội", profile["organisation"]!.GetValue<string>());

        var matches = await MatchesAsync(supermarket, "hoa-binh-ocop-fair");
        Assert.Equal("p-demo-3t-cao-phong", matches[0]!["producerId"]!.GetValue<string>());
        Assert.Contains(matches[0]!["reasons"]!.AsArray(), r => r!["message"]!.GetValue<string>().StartsWith("Khớp", StringComparison.Ordinal));
        Assert.Contains("A01", matches[0]!["boothCodes"]!.AsArray().Select(b => b!.GetValue<string>()));

        using var organiser = await fixture.OrganiserAsync();
        var statuses = (await (await organiser.GetAsync("api/fairs/hoa-binh-ocop-fair/meetings")).ReadJsonAsync())["items"]!.AsArray()
            .Select(m => m!["status"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "Requested", "Accepted", "Declined", "Cancelled" }, statuses);

        using var grower = fixture.Client();
        grower.As(await Api.LoginAsync(grower, "producer1@demo.ocop"));
        var interested = (await (await grower.GetAsync("api/fairs/hoa-binh-ocop-fair/interested-buyers")).ReadJsonAsync())["items"]!.AsArray();
        Assert.Contains(interested, i => i!["organisation"]!.GetValue<string>() == "Hệ thống siêu thị BigGreen Hà Nội");
    }
}
