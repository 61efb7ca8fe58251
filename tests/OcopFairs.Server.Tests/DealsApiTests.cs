using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using OcopFairs.Server.Tests.Infrastructure;
using static OcopFairs.Server.Tests.Infrastructure.DealFixtures;

namespace OcopFairs.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class DealsApiTests(ServerFixture fixture)
{
    private static readonly TimeZoneInfo Hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private async Task<string> MeetingAsync(Setup s)
    {
        var fair = await (await s.Organiser.GetAsync($"api/fairs/{s.FairId}")).ReadJsonAsync();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fair["startsAt"]!.GetValue<DateTimeOffset>(), Hanoi).DateTime).AddDays(1);
        (await s.Organiser.PutAsJsonAsync($"api/fairs/{s.FairId}/matching-hours",
            new { days = new[] { new { date = day, from = "08:00", to = "10:00" } }, slotMinutes = 20, requestExpiryMinutes = 120 })).EnsureSuccessStatusCode();
        var slot = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7));
        var meeting = await CreatedAsync(s.Buyer.Http, $"api/fairs/{s.FairId}/meetings", new { producerId = s.Producer.ProducerId, startsAt = slot });
        return meeting["meetingId"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_buyer_drafts_from_a_meeting_the_producer_changes_it_and_both_sign_the_new_version()
    {
        var s = await NewAsync(fixture.Server, await fixture.OrganiserAsync());
        var meetingId = await MeetingAsync(s);

        var draft = await CreatedAsync(s.Buyer.Http, s.Deals, s.Terms(meetingId: meetingId));
        var dealId = draft["dealId"]!.GetValue<string>();
        Assert.Equal((1, "Draft", meetingId), (draft["version"]!.GetValue<int>(), draft["status"]!.GetValue<string>(), draft["meetingId"]!.GetValue<string>()));
        // 500 kg × 30,000 × 6 + 200 × 150,000 = 120,000,000 VND; 3 tonnes; boxes apart, never in tonnes.
        Assert.Equal(120_000_000m, draft["totals"]!["vnd"]!.GetValue<decimal>());
        Assert.Equal(3m, draft["totals"]!["tonnes"]!.GetValue<decimal>());
        Assert.Equal(200m, draft["totals"]!["otherUnits"]!["box"]!.GetValue<decimal>());
        Assert.Equal("Gạo nếp Kim Bôi", draft["terms"]!["lines"]![0]!["productName"]!.GetValue<string>());

        // The buyer proposes and signs version 1; the producer changes a quantity instead of signing.
        await OkAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "propose")));
        var signed1 = await OkAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "sign"), new { version = 1 }));
        Assert.Single(signed1["signatures"]!.AsArray());
        var changed = await OkAsync(s.Producer.Http.PutAsJsonAsync(s.Deal(dealId), s.Terms(riceKg: 400)));
        Assert.Equal((2, "Proposed", 0), (changed["version"]!.GetValue<int>(), changed["status"]!.GetValue<string>(), changed["signatures"]!.AsArray().Count));
        Assert.Equal(102_000_000m, changed["totals"]!["vnd"]!.GetValue<decimal>());

        // The buyer's old signature does not carry over; signing version 1 again is refused as stale.
        Assert.Equal((HttpStatusCode.Conflict, "deal.versionChanged"), await RefusalAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "sign"), new { version = 1 })));
        await OkAsync(PostAsync(s.Producer.Http, s.Deal(dealId, "sign"), new { version = 2 }));
        var done = await OkAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "sign"), new { version = 2 }));
        Assert.Equal("Active", done["status"]!.GetValue<string>()); // valid from yesterday
        Assert.NotNull(done["signedAt"]);

        var versions = await OkAsync(s.Buyer.Http.GetAsync(s.Deal(dealId, "versions")));
        var items = versions["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal(500m, items[0]!["terms"]!["lines"]![0]!["quantity"]!.GetValue<decimal>());
        Assert.Equal(["Buyer"], items[0]!["signatures"]!.AsArray().Select(x => x!["side"]!.GetValue<string>()));
        Assert.Equal(400m, items[1]!["terms"]!["lines"]![0]!["quantity"]!.GetValue<decimal>());
        Assert.Equal(2, items[1]!["signatures"]!.AsArray().Count);
        Assert.Equal("Producer", items[1]!["writtenBy"]!.GetValue<string>());

        // The ledger's row says counted, with the board entry beside it.
        await using var db = new NpgsqlConnection(fixture.Database.ConnectionString);
        await db.OpenAsync();
        await using var row = new NpgsqlCommand("SELECT counted, version, vnd, board->>'district' FROM app.deals WHERE deal_id = $1", db) { Parameters = { new() { Value = dealId } } };
        await using var reader = await row.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((true, 2, 102_000_000m, "Kim Bôi"), (reader.GetBoolean(0), reader.GetInt32(1), reader.GetDecimal(2), reader.GetString(3)));
    }

    [Fact]
    public async Task Only_the_parties_see_a_deal_before_it_is_signed_and_the_organiser_sees_the_signed_ones()
    {
        var organiser = await fixture.OrganiserAsync();
        var s = await NewAsync(fixture.Server, organiser);
        var stranger = await BuyerAccounts.NewAsync(fixture.Server, registerFor: s.FairId);
        var draft = await CreatedAsync(s.Producer.Http, s.Deals, new { kind = "Memorandum", buyerId = s.Buyer.BuyerId, lines = new[] { new { productId = s.Rice, quantity = 1, unit = "tấn", unitPriceVnd = 25_000_000 } } });
        var dealId = draft["dealId"]!.GetValue<string>();
        Assert.Equal("Producer", draft["createdBy"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await s.Buyer.Http.GetAsync(s.Deal(dealId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(s.Deal(dealId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync(s.Deal(dealId))).StatusCode);
        Assert.Empty((await OkAsync(organiser.GetAsync(s.Deals)))["items"]!.AsArray());
        Assert.Empty((await OkAsync(stranger.Http.GetAsync(s.Deals)))["items"]!.AsArray());
        Assert.Single((await OkAsync(s.Buyer.Http.GetAsync(s.Deals)))["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client().GetAsync($"api/deals/{dealId}/verify")).StatusCode);

        await OkAsync(PostAsync(s.Producer.Http, s.Deal(dealId, "sign"), new { version = 1 }));
        await OkAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "sign"), new { version = 1 }));
        Assert.Equal(dealId, Assert.Single((await OkAsync(organiser.GetAsync(s.Deals)))["items"]!.AsArray())!["dealId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await organiser.GetAsync(s.Deal(dealId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(s.Deal(dealId, "versions"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"api/fairs/{s.FairId}/deals/d-nothing")).StatusCode);
    }

    [Fact]
    public async Task Create_propose_and_sign_retried_with_their_key_answer_the_first_result()
    {
        var s = await NewAsync(fixture.Server, await fixture.OrganiserAsync());
        var first = await CreatedAsync(s.Buyer.Http, s.Deals, s.Terms(), key: "tao-1");
        var again = await CreatedAsync(s.Buyer.Http, s.Deals, s.Terms(riceKg: 999), key: "tao-1");
        var dealId = first["dealId"]!.GetValue<string>();
        Assert.Equal(dealId, again["dealId"]!.GetValue<string>());
        Assert.Equal(500m, again["terms"]!["lines"]![0]!["quantity"]!.GetValue<decimal>());

        var proposed = await OkAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "propose"), key: "de-nghi"));
        Assert.Equal(proposed.ToJsonString(), (await OkAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "propose"), key: "de-nghi"))).ToJsonString());
        var signed = await OkAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "sign"), new { version = 1 }, key: "ky-1"));
        var retried = await OkAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "sign"), new { version = 1 }, key: "ky-1"));
        Assert.Equal(signed["revision"]!.GetValue<long>(), retried["revision"]!.GetValue<long>());
        // Without the key, a second signature of the same side is refused and changes nothing.
        Assert.Equal((HttpStatusCode.Conflict, "deal.alreadySigned"), await RefusalAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "sign"), new { version = 1 })));
        Assert.Equal(signed["revision"]!.GetValue<long>(), (await OkAsync(s.Buyer.Http.GetAsync(s.Deal(dealId))))["revision"]!.GetValue<long>());

        await using var db = new NpgsqlConnection(fixture.Database.ConnectionString);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM app.deals WHERE fair_id = $1", db) { Parameters = { new() { Value = s.FairId } } };
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(s.Buyer.Http, s.Deal(dealId, "propose"), key: new string('k', 101))).StatusCode);
    }

    [Fact]
    public async Task Follow_ups_come_after_signing_and_the_verification_shows_prices_only_when_both_allow()
    {
        var s = await NewAsync(fixture.Server, await fixture.OrganiserAsync());
        var dealId = (await CreatedAsync(s.Buyer.Http, s.Deals, s.Terms()))["dealId"]!.GetValue<string>();
        var followUp = new { atMonths = 3, status = "Delivering", quantityDelivered = 1.2m, unit = "tấn", note = "Đã giao 2 đợt" };
        Assert.Equal((HttpStatusCode.Conflict, "deal.notSigned"), await RefusalAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "follow-ups"), followUp)));
        await OkAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "sign"), new { version = 1 }));
        await OkAsync(PostAsync(s.Producer.Http, s.Deal(dealId, "sign"), new { version = 1 }));

        var reported = await OkAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "follow-ups"), followUp));
        await OkAsync(PostAsync(s.Producer.Http, s.Deal(dealId, "follow-ups"), new { atMonths = 6, status = "Fulfilled" }));
        var deal = await OkAsync(s.Buyer.Http.GetAsync(s.Deal(dealId)));
        var reports = deal["followUps"]!.AsArray();
        Assert.Equal(2, reports.Count);
        Assert.Equal(("Buyer", "tan", 1.2m), (reports[0]!["side"]!.GetValue<string>(), reports[0]!["unit"]!.GetValue<string>(), reports[0]!["quantityDelivered"]!.GetValue<decimal>()));
        Assert.Equal(1, reported["version"]!.GetValue<int>()); // a follow-up is no new version of the terms
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(s.Buyer.Http, s.Deal(dealId, "follow-ups"), new { atMonths = 4, status = "Fulfilled" })).StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, "deal.signed"), await RefusalAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "cancel"), new { reason = "Đổi ý" })));

        var anonymous = fixture.Client();
        var verify = await OkAsync(anonymous.GetAsync($"api/deals/{dealId}/verify"));
        Assert.Equal(("ConsumptionContract", "Active", false), (verify["kind"]!.GetValue<string>(), verify["status"]!.GetValue<string>(), verify["pricesShown"]!.GetValue<bool>()));
        Assert.Null(verify["vnd"]);
        Assert.Null(verify["lines"]![0]!["unitPriceVnd"]);
        Assert.DoesNotContain("30000", verify.ToJsonString());
        await OkAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "show-prices"), new { show = true }));
        Assert.Null((await OkAsync(anonymous.GetAsync($"api/deals/{dealId}/verify")))["vnd"]);
        await OkAsync(PostAsync(s.Producer.Http, s.Deal(dealId, "show-prices"), new { show = true }));
        verify = await OkAsync(anonymous.GetAsync($"api/deals/{dealId}/verify"));
        Assert.Equal(120_000_000m, verify["vnd"]!.GetValue<decimal>());
        Assert.Equal(30_000m, verify["lines"]![0]!["unitPriceVnd"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Hostile_input_answers_a_stable_code_and_changes_nothing()
    {
        var s = await NewAsync(fixture.Server, await fixture.OrganiserAsync());
        var other = await NewAsync(fixture.Server, s.Organiser);
        var line = (object l) => new { kind = "Memorandum", producerId = s.Producer.ProducerId, lines = new[] { l } };

        async Task<(HttpStatusCode, string?)> Create(object body) => await RefusalAsync(s.Buyer.Http.PostAsJsonAsync(s.Deals, body));
        Assert.Equal(HttpStatusCode.BadRequest, (await Create(line(new { productId = s.Rice, quantity = -5, unit = "kg", unitPriceVnd = 1000 }))).Item1);
        Assert.Equal(HttpStatusCode.BadRequest, (await Create(line(new { productId = s.Rice, quantity = 1e15, unit = "kg", unitPriceVnd = 1000 }))).Item1);
        Assert.Equal(HttpStatusCode.BadRequest, (await Create(line(new { productId = s.Rice, quantity = 5, unit = "kg", unitPriceVnd = -1 }))).Item1);
        Assert.Equal(HttpStatusCode.BadRequest, (await Create(line(new { productId = s.Rice, quantity = 5, unit = "kg", unitPriceVnd = 1e20 }))).Item1);
        Assert.Equal(HttpStatusCode.BadRequest, (await Create(line(new { productId = s.Rice, quantity = 5, unit = "thùng-lạ", unitPriceVnd = 1000 }))).Item1);
        Assert.Equal(HttpStatusCode.BadRequest, (await Create(line(new { productId = s.Rice, quantity = 5, unit = "kg", unitPriceVnd = 1000, months = 61 }))).Item1);
        Assert.Equal(HttpStatusCode.BadRequest, (await Create(new { kind = "Memorandum", producerId = s.Producer.ProducerId, lines = Array.Empty<object>() })).Item1);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "deal.unknownProduct"), await Create(line(new { productId = other.Rice, quantity = 5, unit = "kg", unitPriceVnd = 1000 })));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "deal.notExhibiting"), await Create(new { kind = "Memorandum", producerId = other.Producer.ProducerId, lines = new[] { new { productId = other.Rice, quantity = 5, unit = "kg", unitPriceVnd = 1000 } } }));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "deal.unknownMeeting"), await Create(new { kind = "Memorandum", producerId = s.Producer.ProducerId, meetingId = "m-none", lines = new[] { new { productId = s.Rice, quantity = 5, unit = "kg", unitPriceVnd = 1000 } } }));
        Assert.Equal(HttpStatusCode.BadRequest, (await Create(new { kind = "Hợp đồng", producerId = s.Producer.ProducerId, lines = new[] { new { productId = s.Rice, quantity = 5, unit = "kg", unitPriceVnd = 1000 } } })).Item1);

        var dealId = (await CreatedAsync(s.Buyer.Http, s.Deals, s.Terms()))["dealId"]!.GetValue<string>();
        var before = (await OkAsync(s.Buyer.Http.GetAsync(s.Deal(dealId))))["revision"]!.GetValue<long>();
        // A third party — the other fair's buyer and producer — signs, changes or cancels: there is no such deal for them.
        Assert.Equal((HttpStatusCode.NotFound, "deal.notFound"), await RefusalAsync(PostAsync(other.Buyer.Http, s.Deal(dealId, "sign"), new { version = 1 })));
        Assert.Equal((HttpStatusCode.NotFound, "deal.notFound"), await RefusalAsync(PostAsync(other.Producer.Http, s.Deal(dealId, "sign"), new { version = 1 })));
        Assert.Equal((HttpStatusCode.NotFound, "deal.notFound"), await RefusalAsync(other.Producer.Http.PutAsJsonAsync(s.Deal(dealId), s.Terms(riceKg: 1))));
        Assert.Equal((HttpStatusCode.NotFound, "deal.notFound"), await RefusalAsync(PostAsync(s.Organiser, s.Deal(dealId, "cancel"), new { reason = "x" })));
        // The producer changes lines to a product of another producer; signs a version that does not exist.
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "deal.unknownProduct"), await RefusalAsync(s.Producer.Http.PutAsJsonAsync(s.Deal(dealId),
            new { kind = "Memorandum", lines = new[] { new { productId = other.Rice, quantity = 5, unit = "kg", unitPriceVnd = 1000 } } })));
        Assert.Equal((HttpStatusCode.Conflict, "deal.versionChanged"), await RefusalAsync(PostAsync(s.Producer.Http, s.Deal(dealId, "sign"), new { version = 7 })));
        // The buyer signs its own draft twice.
        await OkAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "sign"), new { version = 1 }));
        Assert.Equal((HttpStatusCode.Conflict, "deal.alreadySigned"), await RefusalAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "sign"), new { version = 1 })));
        var after = await OkAsync(s.Buyer.Http.GetAsync(s.Deal(dealId)));
        Assert.Equal((before + 1, 1, "Proposed"), (after["revision"]!.GetValue<long>(), after["signatures"]!.AsArray().Count, after["status"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.BadRequest, "validation"), await RefusalAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "cancel"), new { reason = "" })));
        var cancelled = await OkAsync(PostAsync(s.Producer.Http, s.Deal(dealId, "cancel"), new { reason = "Không thống nhất giá" }));
        Assert.Equal("Cancelled", cancelled["status"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode.Conflict, "deal.cancelled"), await RefusalAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "sign"), new { version = 1 })));
    }

    [Fact]
    public async Task The_demo_fair_has_deals_in_every_state_and_the_organiser_sees_the_signed_ones()
    {
        await using var db = new NpgsqlConnection(fixture.Database.ConnectionString);
        await db.OpenAsync();
        var states = new Dictionary<string, (string Status, int Version, bool Counted)>();
        await using (var cmd = new NpgsqlCommand("SELECT deal_id, status, version, counted FROM app.deals WHERE fair_id = 'hoa-binh-ocop-fair' AND deal_id LIKE 'd-demo-%'", db))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) states[reader.GetString(0)] = (reader.GetString(1), reader.GetInt32(2), reader.GetBoolean(3));
        }

        Assert.Equal(("Draft", false), (states["d-demo-draft"].Status, states["d-demo-draft"].Counted));
        Assert.Equal(("Proposed", false), (states["d-demo-proposed"].Status, states["d-demo-proposed"].Counted));
        Assert.Equal(("Signed", true), (states["d-demo-signed"].Status, states["d-demo-signed"].Counted));
        Assert.Equal(("Active", true), (states["d-demo-active"].Status, states["d-demo-active"].Counted));
        Assert.Equal(("Active", 2, true), states["d-demo-two-versions"]);
        Assert.Equal(("Cancelled", false), (states["d-demo-cancelled"].Status, states["d-demo-cancelled"].Counted));

        var organiser = await fixture.OrganiserAsync();
        var seen = (await OkAsync(organiser.GetAsync("api/fairs/hoa-binh-ocop-fair/deals")))["items"]!.AsArray()
            .Select(d => d!["dealId"]!.GetValue<string>()).Where(id => id.StartsWith("d-demo-", StringComparison.Ordinal)).Order().ToArray();
        Assert.Equal(["d-demo-active", "d-demo-follow-ups", "d-demo-signed", "d-demo-two-versions"], seen);
        var followed = await OkAsync(organiser.GetAsync("api/fairs/hoa-binh-ocop-fair/deals/d-demo-follow-ups"));
        Assert.Equal(3, followed["followUps"]!.AsArray().Count);
        Assert.Equal(1_200m * 180_000 * 3, (await OkAsync(fixture.Client().GetAsync("api/deals/d-demo-follow-ups/verify")))["vnd"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Both_parties_hear_of_each_change_privately_and_keys_are_one_sides_and_one_operations()
    {
        var s = await NewAsync(fixture.Server, await fixture.OrganiserAsync());
        var buyerEvents = new ConcurrentQueue<JsonObject>();
        var producerEvents = new ConcurrentQueue<JsonObject>();
        await using var buyerHub = Api.Hub(fixture.Server.BaseAddress, s.Buyer.Http.DefaultRequestHeaders.Authorization!.Parameter);
        await using var producerHub = Api.Hub(fixture.Server.BaseAddress, s.Producer.Http.DefaultRequestHeaders.Authorization!.Parameter);
        buyerHub.On<JsonObject>("PrivateEvent", buyerEvents.Enqueue);
        producerHub.On<JsonObject>("PrivateEvent", producerEvents.Enqueue);
        await buyerHub.StartAsync();
        await producerHub.StartAsync();

        var dealId = (await CreatedAsync(s.Buyer.Http, s.Deals, s.Terms()))["dealId"]!.GetValue<string>();
        await OkAsync(s.Producer.Http.PutAsJsonAsync(s.Deal(dealId), s.Terms(riceKg: 450)));
        bool Told(ConcurrentQueue<JsonObject> events, int version) => events.Any(e =>
            e["type"]!.GetValue<string>() == "DealChanged" && e["data"]!["dealId"]!.GetValue<string>() == dealId && e["data"]!["version"]!.GetValue<int>() == version);
        Assert.True(await Api.EventuallyAsync(() => Task.FromResult(Told(buyerEvents, 2) && Told(producerEvents, 2)), 10), "the parties were not told of version 2");

        // The same key on the other side, or on another operation, is a new request.
        var proposed = await OkAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "propose"), key: "same"));
        var bySigning = await OkAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "sign"), new { version = 2 }, key: "same"));
        Assert.Single(bySigning["signatures"]!.AsArray());
        Assert.True(bySigning["revision"]!.GetValue<long>() > proposed["revision"]!.GetValue<long>());
        var producerSigned = await OkAsync(PostAsync(s.Producer.Http, s.Deal(dealId, "sign"), new { version = 2 }, key: "same"));
        Assert.Equal(2, producerSigned["signatures"]!.AsArray().Count);
    }
}
