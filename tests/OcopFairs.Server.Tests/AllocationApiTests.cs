using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class AllocationApiTests(ServerFixture fixture)
{
    private static readonly string[] Districts = ["Mai Châu", "Cao Phong", "Kim Bôi"];

    [Fact]
    public async Task Dry_run_explains_then_apply_places_and_a_retry_with_the_same_key_changes_nothing()
    {
        using var organiser = await fixture.OrganiserAsync();
        organiser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 4, allocationMode: "Organiser");
        var producers = await Rush.ApprovedProducersAsync(fixture.Server, organiser, fairId, 6, i => Districts[i % 3]);

        var dry = await (await organiser.PostAsJsonAsync($"api/fairs/{fairId}/allocation", new { dryRun = true })).ReadJsonAsync();
        Assert.True(dry["dryRun"]!.GetValue<bool>());
        Assert.Equal(4, dry["assignments"]!.AsArray().Count);
        Assert.Equal(2, dry["unplaced"]!.AsArray().Count);
        Assert.Contains(dry["assignments"]!.AsArray()[0]!["reasons"]!.AsArray(), r => r!["message"]!.GetValue<string>().StartsWith("District share of", StringComparison.Ordinal));
        Assert.Contains(dry["assignments"]!.AsArray()[0]!["reasons"]!.AsArray(), r => r!["code"]!.GetValue<string>() == "zoneGroup" && r["message"]!.GetValue<string>().EndsWith("takes Food.", StringComparison.Ordinal));

        // Product groups are named in the reader's language, not as API codes.
        using var vietnamese = new HttpRequestMessage(HttpMethod.Post, $"api/fairs/{fairId}/allocation") { Content = JsonContent.Create(new { dryRun = true }) };
        vietnamese.Headers.AcceptLanguage.ParseAdd("vi");
        var dryVi = await (await organiser.SendAsync(vietnamese)).ReadJsonAsync();
        var zoneReason = dryVi["assignments"]!.AsArray()[0]!["reasons"]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == "zoneGroup")!["message"]!.GetValue<string>();
        Assert.Contains("Thực phẩm", zoneReason, StringComparison.Ordinal);
        Assert.DoesNotContain("Food", zoneReason, StringComparison.Ordinal);
        // Six exhibitors from three districts, four booths: every district gets one before any gets a second.
        var districtsPlaced = dry["assignments"]!.AsArray().Select(a => Districts[producers.FindIndex(p => p.ProducerId == a!["producerId"]!.GetValue<string>()) % 3]).ToList();
        Assert.Equal(3, districtsPlaced.Distinct().Count());
        var floorBefore = await (await organiser.GetAsync($"api/fairs/{fairId}/floor")).ReadJsonAsync();
        Assert.All(floorBefore["booths"]!.AsArray(), b => Assert.Equal("Free", b!["status"]!.GetValue<string>()));

        var key = Guid.NewGuid().ToString();
        async Task<JsonObject> ApplyAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/fairs/{fairId}/allocation") { Content = JsonContent.Create(new { dryRun = false }) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await organiser.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.ReadJsonAsync();
        }

        var applied = await ApplyAsync();
        var floor = await (await organiser.GetAsync($"api/fairs/{fairId}/floor")).ReadJsonAsync();
        var version = floor["version"]!.GetValue<long>();
        Assert.Equal(4, floor["booths"]!.AsArray().Count(b => b!["status"]!.GetValue<string>() == "Confirmed"));

        var again = await ApplyAsync();
        Assert.True(JsonNode.DeepEquals(applied, again), "the retry did not answer the first result");
        Assert.Equal(version, (await (await organiser.GetAsync($"api/fairs/{fairId}/floor")).ReadJsonAsync())["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Concurrent_applies_with_one_key_place_each_exhibitor_once_and_all_answer_the_same()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 4, allocationMode: "Organiser");
        await Rush.ApprovedProducersAsync(fixture.Server, organiser, fairId, 6, i => Districts[i % 3]);
        var key = Guid.NewGuid().ToString();

        // Once check-then-insert: each of these could find no stored answer and run the allocation again.
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/fairs/{fairId}/allocation") { Content = JsonContent.Create(new { dryRun = false }) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await organiser.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.ReadJsonAsync();
        }));

        Assert.All(answers, a => Assert.True(JsonNode.DeepEquals(answers[0], a), "a concurrent apply answered differently"));
        var booths = (await (await organiser.GetAsync($"api/fairs/{fairId}/floor")).ReadJsonAsync())["booths"]!.AsArray();
        var placed = booths.Where(b => b!["status"]!.GetValue<string>() == "Confirmed").Select(b => b!["producerId"]!.GetValue<string>()).ToList();
        Assert.Equal(4, placed.Count);
        Assert.Equal(placed.Count, placed.Distinct().Count());
    }

    [Fact]
    public async Task Allocation_is_refused_for_first_come_fairs_and_for_producers()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 2);
        Assert.Equal(HttpStatusCode.Conflict, (await organiser.PostAsJsonAsync($"api/fairs/{fairId}/allocation", new { dryRun = true })).StatusCode);
        var producer = await Catalog.NewProducerAsync(fixture.Server);
        Assert.Equal(HttpStatusCode.Forbidden, (await producer.Http.PostAsJsonAsync($"api/fairs/{fairId}/allocation", new { dryRun = true })).StatusCode);
    }
}
