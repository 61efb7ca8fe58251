using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class BoothHoldTests(ServerFixture fixture)
{
    private static async Task<JsonNode> BoothAsync(HttpClient http, string fairId, string code) =>
        (await (await http.GetAsync($"api/fairs/{fairId}/floor")).ReadJsonAsync())["booths"]!.AsArray()
            .First(b => b!["code"]!.GetValue<string>() == code)!;

    [Fact]
    public async Task Approved_producer_holds_confirms_and_releases_a_booth()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 6, holdMinutes: 30);
        var producer = (await Rush.ApprovedProducersAsync(fixture.Server, organiser, fairId, 1))[0];

        var hold = await producer.Http.PostAsync($"api/fairs/{fairId}/booths/H01/hold", null);
        Assert.Equal(HttpStatusCode.OK, hold.StatusCode);
        var held = await hold.ReadJsonAsync();
        Assert.Equal("Held", held["status"]!.GetValue<string>());
        var expires = held["holdExpiresAt"]!.GetValue<DateTimeOffset>();
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddMinutes(29), DateTimeOffset.UtcNow.AddMinutes(31));
        Assert.Equal(producer.ProducerId, (await BoothAsync(organiser, fairId, "H01"))["producerId"]!.GetValue<string>());

        var second = await producer.Http.PostAsync($"api/fairs/{fairId}/booths/H02/hold", null);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("booth.limit", (await second.ReadJsonAsync())["code"]!.GetValue<string>());

        var confirmed = await (await producer.Http.PostAsync($"api/fairs/{fairId}/booths/H01/confirm", null)).ReadJsonAsync();
        Assert.Equal("Confirmed", confirmed["status"]!.GetValue<string>());
        Assert.Null(confirmed["holdExpiresAt"]);
        Assert.Equal(["H01"], JsonNode.Parse(await producer.Http.GetStringAsync($"api/fairs/{fairId}/booths/mine"))!.AsArray().Select(c => c!.GetValue<string>()));

        Assert.Equal("Free", (await (await producer.Http.PostAsync($"api/fairs/{fairId}/booths/H01/release", null)).ReadJsonAsync())["status"]!.GetValue<string>());
        Assert.Equal("Free", (await BoothAsync(organiser, fairId, "H01"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Producers_who_are_not_approved_cannot_hold_and_taken_booths_are_409()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 4);
        var approved = (await Rush.ApprovedProducersAsync(fixture.Server, organiser, fairId, 2));
        var stranger = await Catalog.NewProducerAsync(fixture.Server);

        var refused = await stranger.Http.PostAsync($"api/fairs/{fairId}/booths/H01/hold", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("booth.notApproved", (await refused.ReadJsonAsync())["code"]!.GetValue<string>());

        (await approved[0].Http.PostAsync($"api/fairs/{fairId}/booths/H01/hold", null)).EnsureSuccessStatusCode();
        var taken = await approved[1].Http.PostAsync($"api/fairs/{fairId}/booths/H01/hold", null);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("booth.taken", (await taken.ReadJsonAsync())["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await approved[1].Http.PostAsync($"api/fairs/{fairId}/booths/H01/release", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await approved[1].Http.PostAsync($"api/fairs/{fairId}/booths/Z99/hold", null)).StatusCode);

        using var anonymous = fixture.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"api/fairs/{fairId}/booths/H02/hold", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await organiser.PostAsync($"api/fairs/{fairId}/booths/H02/hold", null)).StatusCode);
    }

    [Fact]
    public async Task A_refused_hold_is_the_same_problem_as_a_refusal_through_the_exception_handler()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 2);
        var producers = await Rush.ApprovedProducersAsync(fixture.Server, organiser, fairId, 2);
        (await producers[0].Http.PostAsync($"api/fairs/{fairId}/booths/H01/hold", null)).EnsureSuccessStatusCode();

        foreach (var language in new[] { "vi", "en" })
        {
            // The hold endpoint answers "taken" itself; blocking a held booth throws the same code to the handler.
            using var hold = new HttpRequestMessage(HttpMethod.Post, $"api/fairs/{fairId}/booths/H01/hold") { Headers = { { "Accept-Language", language } } };
            using var block = new HttpRequestMessage(HttpMethod.Post, $"api/fairs/{fairId}/booths/H01/block") { Headers = { { "Accept-Language", language } } };
            var answered = await producers[1].Http.SendAsync(hold);
            var handled = await organiser.SendAsync(block);

            Assert.Equal(HttpStatusCode.Conflict, answered.StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, handled.StatusCode);
            Assert.Equal("application/problem+json", answered.Content.Headers.ContentType?.MediaType);
            var a = await answered.ReadJsonAsync();
            var h = await handled.ReadJsonAsync();
            Assert.Equal(h.AsObject().Select(p => p.Key).Order(), a.AsObject().Select(p => p.Key).Order());
            foreach (var field in new[] { "type", "title", "status", "code" })
            {
                Assert.Equal(h[field]?.ToJsonString(), a[field]?.ToJsonString());
            }

            Assert.False(string.IsNullOrEmpty(a["traceId"]?.GetValue<string>()));
            Assert.Equal(language == "en" ? "The booth is taken or blocked." : "Gian hàng đã có người giữ hoặc bị khóa.", a["title"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Two_hundred_concurrent_holds_on_one_booth_leave_exactly_one_holder()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 2);
        var producers = await Rush.ApprovedProducersAsync(fixture.Server, organiser, fairId, 40);

        // 40 producers, five requests each, all at once: 200 holds on booth H01.
        var results = new ConcurrentBag<(string ProducerId, HttpStatusCode Status)>();
        using var start = new ManualResetEventSlim();
        await Task.WhenAll(producers.SelectMany(p => Enumerable.Range(0, 5).Select(async _ =>
        {
            var response = await p.Http.PostAsync($"api/fairs/{fairId}/booths/H01/hold", null);
            results.Add((p.ProducerId, response.StatusCode));
        })));

        Assert.Equal(200, results.Count);
        var winners = results.Where(r => r.Status == HttpStatusCode.OK).Select(r => r.ProducerId).Distinct().ToList();
        var winner = Assert.Single(winners);
        Assert.All(results.Where(r => r.ProducerId != winner), r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
        Assert.Equal(winner, (await BoothAsync(organiser, fairId, "H01"))["producerId"]!.GetValue<string>());

        // One hold, one event: the floor moved by exactly one version for H01.
        var changes = await (await organiser.GetAsync($"api/fairs/{fairId}/floor?sinceVersion=2")).ReadJsonAsync();
        Assert.Single(changes["events"]!.AsArray(), e => e!["data"]!["code"]?.GetValue<string>() == "H01");
    }

    [Fact]
    public async Task Retried_hold_with_the_same_idempotency_key_answers_the_first_result()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 3);
        var producer = (await Rush.ApprovedProducersAsync(fixture.Server, organiser, fairId, 1))[0];
        var key = Guid.NewGuid().ToString();

        async Task<JsonObject> HoldAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/fairs/{fairId}/booths/H02/hold");
            request.Headers.Add("Idempotency-Key", key);
            var response = await producer.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.ReadJsonAsync();
        }

        var first = await HoldAsync();
        (await producer.Http.PostAsync($"api/fairs/{fairId}/booths/H02/confirm", null)).EnsureSuccessStatusCode();
        var retry = await HoldAsync();
        Assert.Equal("Held", retry["status"]!.GetValue<string>());
        Assert.Equal(first["holdExpiresAt"]!.GetValue<DateTimeOffset>(), retry["holdExpiresAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Confirmed", (await BoothAsync(organiser, fairId, "H02"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Organiser_assigns_and_unassigns_with_idempotency()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 3);
        var producer = (await Rush.ApprovedProducersAsync(fixture.Server, organiser, fairId, 1))[0];
        var key = Guid.NewGuid().ToString();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/fairs/{fairId}/booths/H03/assign") { Content = JsonContent.Create(new { producerId = producer.ProducerId }) };
            request.Headers.Add("Idempotency-Key", key);
            Assert.Equal(HttpStatusCode.OK, (await organiser.SendAsync(request)).StatusCode);
        }

        Assert.Equal("Confirmed", (await BoothAsync(organiser, fairId, "H03"))["status"]!.GetValue<string>());
        Assert.Equal("Free", (await (await organiser.PostAsync($"api/fairs/{fairId}/booths/H03/unassign", null)).ReadJsonAsync())["status"]!.GetValue<string>());
    }
}
