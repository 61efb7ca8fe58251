using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class ApplicationsApiTests(ServerFixture fixture)
{
    private async Task<(Catalog.ProducerAccount Producer, string ProductId)> ProducerWithProductAsync(string district = "Kim Bôi", int stars = 4, string group = "Food")
    {
        var producer = await Catalog.NewProducerAsync(fixture.Server, district: district);
        return (producer, await Catalog.AddProductAsync(producer.Http, Catalog.Product("Bưởi Diễn", group, stars)));
    }

    private static async Task<JsonObject> StatusAsync(HttpClient http, string fairId, string applicationId) =>
        await (await http.GetAsync($"api/fairs/{fairId}/applications/{applicationId}")).ReadJsonAsync();

    [Fact]
    public async Task Eligible_application_is_submitted_once_and_seen_by_its_producer_and_the_organiser()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Catalog.PublishedFairAsync(organiser);
        var (producer, productId) = await ProducerWithProductAsync();

        var response = await producer.Http.PostAsJsonAsync($"api/fairs/{fairId}/applications", new { productIds = new[] { productId }, boothPreferences = new { types = new[] { "Corner" }, zones = new[] { "A" } }, needs = new { power = true, coldStorage = true, water = false }, note = "Cần tủ mát" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var application = await response.ReadJsonAsync();
        Assert.Equal("Submitted", application["status"]!.GetValue<string>());
        Assert.True(application["eligibility"]!["eligible"]!.GetValue<bool>());
        Assert.True(application["needs"]!["coldStorage"]!.GetValue<bool>());

        var again = await producer.Http.PostAsJsonAsync($"api/fairs/{fairId}/applications", new { productIds = new[] { productId } });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        Assert.Single(JsonNode.Parse(await producer.Http.GetStringAsync($"api/fairs/{fairId}/applications"))!.AsArray());
        var mine = JsonNode.Parse(await producer.Http.GetStringAsync("api/me/applications"))!.AsArray();
        Assert.Contains(mine, a => a!["fairId"]!.GetValue<string>() == fairId);
        var queue = JsonNode.Parse(await organiser.GetStringAsync($"api/fairs/{fairId}/applications"))!.AsArray();
        Assert.Contains(queue, a => a!["producerId"]!.GetValue<string>() == producer.ProducerId);
    }

    [Fact]
    public async Task Ineligible_application_is_422_with_every_reason_and_the_form_check_shows_them_first()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Catalog.PublishedFairAsync(organiser, minStars: 4, groups: ["Food"]);
        var producer = await Catalog.NewProducerAsync(fixture.Server);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var threeStar = await Catalog.AddProductAsync(producer.Http, Catalog.Product("Cam 3 sao", stars: 3));
        var drink = await Catalog.AddProductAsync(producer.Http, Catalog.Product("Rượu cam", group: "Beverages", stars: 4));
        var lapsing = await Catalog.AddProductAsync(producer.Http, Catalog.Product("Mật ong", stars: 4, certifiedOn: today.AddMonths(-35), expiresOn: today.AddDays(11)));
        var body = new { productIds = new[] { threeStar, drink, lapsing } };

        producer.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var check = await (await producer.Http.PostAsJsonAsync($"api/fairs/{fairId}/applications/check", body)).ReadJsonAsync();
        Assert.False(check["eligible"]!.GetValue<bool>());
        var expected = new[] { ("starsBelowMinimum", threeStar), ("groupNotAccepted", drink), ("certificateExpiresBeforeFairEnds", lapsing) };
        var reasons = check["reasons"]!.AsArray().Select(r => (r!["code"]!.GetValue<string>(), r["productId"]!.GetValue<string>())).ToList();
        Assert.Equal(expected.Order(), reasons.Order());
        Assert.Contains(check["reasons"]!.AsArray(), r => r!["message"]!.GetValue<string>() == "The OCOP certificate expires before the fair ends.");

        var refused = await producer.Http.PostAsJsonAsync($"api/fairs/{fairId}/applications", body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal(3, problem["reasons"]!.AsArray().Count);
        Assert.Empty(JsonNode.Parse(await producer.Http.GetStringAsync($"api/fairs/{fairId}/applications"))!.AsArray());
    }

    [Fact]
    public async Task Incomplete_profile_and_draft_fair_are_reasons_too()
    {
        using var organiser = await fixture.OrganiserAsync();
        var draft = await Api.CreateFairWithFloorAsync(organiser);
        var (producer, productId) = await ProducerWithProductAsync();
        (await producer.Http.PutAsJsonAsync("api/producers/me", new { name = "Hộ Thử", kind = "Household", province = "Hòa Bình", district = "Lạc Sơn", commune = "Vụ Bản" })).EnsureSuccessStatusCode();
        var check = await (await producer.Http.PostAsJsonAsync($"api/fairs/{draft}/applications/check", new { productIds = new[] { productId } })).ReadJsonAsync();
        var codes = check["reasons"]!.AsArray().Select(r => r!["code"]!.GetValue<string>()).ToList();
        Assert.Contains("registrationClosed", codes);
        Assert.Contains("profileIncomplete", codes);
    }

    [Fact]
    public async Task Organiser_decisions_reach_the_producer_live_and_in_the_inbox()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Catalog.PublishedFairAsync(organiser);
        var (producer, productId) = await ProducerWithProductAsync();
        var events = new ConcurrentQueue<JsonObject>();
        await using var hub = Api.Hub(fixture.Server.BaseAddress, producer.Token);
        hub.On<JsonObject>("PrivateEvent", events.Enqueue);
        await hub.StartAsync();

        var applicationId = await Catalog.ApplyAsync(producer.Http, fairId, productId);
        var approved = await organiser.PostAsync($"api/fairs/{fairId}/applications/{applicationId}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Approved", (await StatusAsync(producer.Http, fairId, applicationId))["status"]!.GetValue<string>());

        Assert.True(await Api.EventuallyAsync(() => Task.FromResult(events.Any(e =>
            e["type"]!.GetValue<string>() == "ApplicationChanged" && e["data"]!["status"]!.GetValue<string>() == "Approved")), 10));
        var inbox = JsonNode.Parse(await producer.Http.GetStringAsync("api/me/notifications"))!.AsArray();
        Assert.Contains(inbox, n => n!["kind"]!.GetValue<string>() == "application.approved" && n["fairId"]!.GetValue<string>() == fairId);
    }

    [Fact]
    public async Task Reject_needs_a_reason_reaches_the_producer_and_frees_the_way_for_a_new_application()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Catalog.PublishedFairAsync(organiser);
        var (producer, productId) = await ProducerWithProductAsync();
        var applicationId = await Catalog.ApplyAsync(producer.Http, fairId, productId);

        var rejected = await (await organiser.PostAsJsonAsync($"api/fairs/{fairId}/applications/{applicationId}/reject", new { reason = "Thiếu giấy VSATTP" })).ReadJsonAsync();
        Assert.Equal("Rejected", rejected["status"]!.GetValue<string>());
        Assert.Equal("Thiếu giấy VSATTP", (await StatusAsync(producer.Http, fairId, applicationId))["rejectionReason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await organiser.PostAsync($"api/fairs/{fairId}/applications/{applicationId}/approve", null)).StatusCode);

        var second = await Catalog.ApplyAsync(producer.Http, fairId, productId);
        Assert.NotEqual(applicationId, second);
    }

    [Fact]
    public async Task Withdrawing_an_approved_place_promotes_the_first_waitlisted_in_order()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Catalog.PublishedFairAsync(organiser);
        var (approved, p0) = await ProducerWithProductAsync();
        var (first, p1) = await ProducerWithProductAsync();
        var (second, p2) = await ProducerWithProductAsync();
        var a0 = await Catalog.ApplyAsync(approved.Http, fairId, p0);
        var a1 = await Catalog.ApplyAsync(first.Http, fairId, p1);
        var a2 = await Catalog.ApplyAsync(second.Http, fairId, p2);
        (await organiser.PostAsync($"api/fairs/{fairId}/applications/{a0}/approve", null)).EnsureSuccessStatusCode();
        (await organiser.PostAsync($"api/fairs/{fairId}/applications/{a1}/waitlist", null)).EnsureSuccessStatusCode();
        (await organiser.PostAsync($"api/fairs/{fairId}/applications/{a2}/waitlist", null)).EnsureSuccessStatusCode();

        var queue = JsonNode.Parse(await organiser.GetStringAsync($"api/fairs/{fairId}/applications?status=Waitlisted"))!.AsArray();
        Assert.Equal([(a1, 1), (a2, 2)], queue.Select(a => (a!["applicationId"]!.GetValue<string>(), a["waitlistPosition"]!.GetValue<int>())));

        Assert.Equal(HttpStatusCode.Forbidden, (await first.Http.PostAsync($"api/fairs/{fairId}/applications/{a0}/withdraw", null)).StatusCode);
        var withdrawn = await (await approved.Http.PostAsync($"api/fairs/{fairId}/applications/{a0}/withdraw", null)).ReadJsonAsync();
        Assert.Equal("Withdrawn", withdrawn["status"]!.GetValue<string>());

        Assert.Equal("Approved", (await StatusAsync(first.Http, fairId, a1))["status"]!.GetValue<string>());
        Assert.Equal("Waitlisted", (await StatusAsync(second.Http, fairId, a2))["status"]!.GetValue<string>());
        var inbox = JsonNode.Parse(await first.Http.GetStringAsync("api/me/notifications"))!.AsArray();
        Assert.Contains(inbox, n => n!["kind"]!.GetValue<string>() == "application.approved");
    }

    [Fact]
    public async Task Bulk_approve_reports_each_application_and_refuses_illegal_ones()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Catalog.PublishedFairAsync(organiser);
        var (p1, x1) = await ProducerWithProductAsync();
        var (p2, x2) = await ProducerWithProductAsync();
        var (p3, x3) = await ProducerWithProductAsync();
        var a1 = await Catalog.ApplyAsync(p1.Http, fairId, x1);
        var a2 = await Catalog.ApplyAsync(p2.Http, fairId, x2);
        var a3 = await Catalog.ApplyAsync(p3.Http, fairId, x3);
        (await organiser.PostAsJsonAsync($"api/fairs/{fairId}/applications/{a3}/reject", new { reason = "Trùng lặp" })).EnsureSuccessStatusCode();

        var bulk = await (await organiser.PostAsJsonAsync($"api/fairs/{fairId}/applications/bulk", new { action = "approve", applicationIds = new[] { a1, a2, a3, "nope" } })).ReadJsonAsync();
        var results = bulk["results"]!.AsArray().ToDictionary(r => r!["applicationId"]!.GetValue<string>(), r => r!["ok"]!.GetValue<bool>());
        Assert.True(results[a1]);
        Assert.True(results[a2]);
        Assert.False(results[a3]);
        Assert.False(results["nope"]);

        var approved = JsonNode.Parse(await organiser.GetStringAsync($"api/fairs/{fairId}/applications?status=Approved"))!.AsArray();
        Assert.Equal(2, approved.Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await organiser.PostAsJsonAsync($"api/fairs/{fairId}/applications/bulk", new { action = "reject", applicationIds = new[] { a1 } })).StatusCode);
    }

    [Fact]
    public async Task Queue_filters_by_district_group_stars_and_certificate_state()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Catalog.PublishedFairAsync(organiser);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (caoPhong, orange) = await ProducerWithProductAsync("Cao Phong", stars: 5);
        var maiChau = await Catalog.NewProducerAsync(fixture.Server, district: "Mai Châu");
        var wine = await Catalog.AddProductAsync(maiChau.Http, Catalog.Product("Rượu cần", "Beverages", 3, today.AddMonths(-35).AddDays(-10), today.AddDays(60)));
        await Catalog.ApplyAsync(caoPhong.Http, fairId, orange);
        // Ends within 90 days but after the fair's last day: eligible, flagged as expiring soon.
        await Catalog.ApplyAsync(maiChau.Http, fairId, wine);

        async Task<List<string>> ProducersAsync(string query) =>
            [.. JsonNode.Parse(await organiser.GetStringAsync($"api/fairs/{fairId}/applications?{query}"))!.AsArray().Select(a => a!["producerId"]!.GetValue<string>())];

        Assert.Equal([maiChau.ProducerId], await ProducersAsync("district=mai%20chau"));
        Assert.Equal([caoPhong.ProducerId], await ProducersAsync("group=Food"));
        Assert.Equal([caoPhong.ProducerId], await ProducersAsync("minStars=4"));
        Assert.Equal([maiChau.ProducerId], await ProducersAsync("certificate=ExpiringSoon"));
        Assert.Equal([caoPhong.ProducerId], await ProducersAsync("certificate=Valid"));
    }

    [Fact]
    public async Task Producers_see_only_their_own_applications_and_cannot_review()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Catalog.PublishedFairAsync(organiser);
        var (owner, productId) = await ProducerWithProductAsync();
        var (other, _) = await ProducerWithProductAsync();
        var applicationId = await Catalog.ApplyAsync(owner.Http, fairId, productId);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync($"api/fairs/{fairId}/applications/{applicationId}")).StatusCode);
        Assert.Empty(JsonNode.Parse(await other.Http.GetStringAsync($"api/fairs/{fairId}/applications"))!.AsArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.Http.PostAsync($"api/fairs/{fairId}/applications/{applicationId}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Http.GetAsync($"api/fairs/{fairId}/applications/{Guid.NewGuid():N}")).StatusCode);
        using var anonymous = fixture.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"api/fairs/{fairId}/applications")).StatusCode);
    }

    [Fact]
    public async Task Demo_fair_has_applications_in_several_states()
    {
        using var organiser = await fixture.OrganiserAsync();
        var statuses = JsonNode.Parse(await organiser.GetStringAsync("api/fairs/hoa-binh-ocop-fair/applications"))!.AsArray()
            .Select(a => a!["status"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "Approved", "Submitted", "Waitlisted", "Rejected" }, statuses);
    }

    [Fact]
    public async Task The_second_demo_fair_is_allocated_by_the_organiser_and_has_an_application_in_every_state_and_no_booth_yet()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fair = JsonNode.Parse(await organiser.GetStringAsync("api/fairs/hoa-binh-ket-noi-giao-thuong"))!;
        Assert.Equal(("Organiser", "Published"), (fair["allocationMode"]!.GetValue<string>(), fair["status"]!.GetValue<string>()));
        var statuses = JsonNode.Parse(await organiser.GetStringAsync("api/fairs/hoa-binh-ket-noi-giao-thuong/applications"))!.AsArray()
            .Select(a => a!["status"]!.GetValue<string>()).ToHashSet();
        Assert.Equal(Enum.GetNames<OcopFairs.Abstractions.ApplicationStatus>().ToHashSet(), statuses);
        var floor = JsonNode.Parse(await organiser.GetStringAsync("api/fairs/hoa-binh-ket-noi-giao-thuong/floor"))!;
        Assert.All(floor["booths"]!.AsArray(), b => Assert.Equal("Free", b!["status"]!.GetValue<string>()));

        // Every booth of the first demo fair went to an approved exhibitor, by the rules.
        var approved = JsonNode.Parse(await organiser.GetStringAsync("api/fairs/hoa-binh-ocop-fair/applications?status=Approved"))!.AsArray()
            .Select(a => a!["producerId"]!.GetValue<string>()).ToHashSet();
        var first = JsonNode.Parse(await organiser.GetStringAsync("api/fairs/hoa-binh-ocop-fair/floor"))!["booths"]!.AsArray();
        Assert.Contains(first, b => b!["producerId"] is not null);
        Assert.All(first.Where(b => b!["producerId"] is not null), b =>
        {
            Assert.Contains(b!["producerId"]!.GetValue<string>(), approved);
            Assert.Null(b["overrideReason"]);
        });
    }
}
