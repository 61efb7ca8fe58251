using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class MeetingsApiTests(ServerFixture fixture)
{
    private static readonly TimeZoneInfo Hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>A published fair with matching hours 08:00–10:00 on its second day (20-minute slots), and approved exhibitors.</summary>
    private async Task<(HttpClient Organiser, string FairId, DateTimeOffset FirstSlot, List<Catalog.ProducerAccount> Producers)> FairWithHoursAsync(int producers)
    {
        var organiser = await fixture.OrganiserAsync();
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 4, boothsPerProducer: 1);
        var exhibitors = await Rush.ApprovedProducersAsync(fixture.Server, organiser, fairId, producers);
        var fair = await (await organiser.GetAsync($"api/fairs/{fairId}")).ReadJsonAsync();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fair["startsAt"]!.GetValue<DateTimeOffset>(), Hanoi).DateTime).AddDays(1);
        var hours = await organiser.PutAsJsonAsync($"api/fairs/{fairId}/matching-hours",
            new { days = new[] { new { date = day, from = "08:00", to = "10:00" } }, slotMinutes = 20, requestExpiryMinutes = 120 });
        Assert.Equal(HttpStatusCode.OK, hours.StatusCode);
        var first = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7));
        return (organiser, fairId, first, exhibitors);
    }

    private static async Task<string> CodeOf(HttpResponseMessage response) => (await response.ReadJsonAsync())["code"]!.GetValue<string>();

    [Fact]
    public async Task A_buyer_requests_the_exhibitor_accepts_and_both_agendas_show_it()
    {
        var (organiser, fairId, slot, producers) = await FairWithHoursAsync(2);
        var p = producers[0];
        (await p.Http.PostAsync($"api/fairs/{fairId}/booths/H01/hold", null)).EnsureSuccessStatusCode();
        var buyer = await BuyerAccounts.NewAsync(fixture.Server, registerFor: fairId);

        var slots = await (await buyer.Http.GetAsync($"api/fairs/{fairId}/meetings/slots?producerId={p.ProducerId}")).ReadJsonAsync();
        Assert.Equal(6, slots["free"]!.AsArray().Count);
        Assert.Equal("H01", slots["place"]!["boothCode"]!.GetValue<string>());

        var created = await buyer.Http.PostAsJsonAsync($"api/fairs/{fairId}/meetings", new { producerId = p.ProducerId, startsAt = slot, note = "Bàn về cam Cao Phong" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var meeting = await created.ReadJsonAsync();
        Assert.Equal(("Requested", "H01"), (meeting["status"]!.GetValue<string>(), meeting["place"]!["boothCode"]!.GetValue<string>()));
        Assert.True(meeting["expiresAt"]!.GetValue<DateTimeOffset>() <= slot);
        var id = meeting["meetingId"]!.GetValue<string>();

        // The buyer cannot answer its own request; another exhibitor cannot see it at all.
        Assert.Equal("meeting.notYourTurn", await CodeOf(await buyer.Http.PostAsync($"api/fairs/{fairId}/meetings/{id}/accept", null)));
        Assert.Equal(HttpStatusCode.NotFound, (await producers[1].Http.PostAsync($"api/fairs/{fairId}/meetings/{id}/accept", null)).StatusCode);
        var accepted = await (await p.Http.PostAsync($"api/fairs/{fairId}/meetings/{id}/accept", null)).ReadJsonAsync();
        Assert.Equal("Accepted", accepted["status"]!.GetValue<string>());

        var mine = await (await buyer.Http.GetAsync($"api/fairs/{fairId}/meetings")).ReadJsonAsync();
        Assert.Equal(id, Assert.Single(mine["items"]!.AsArray())!["meetingId"]!.GetValue<string>());
        var theirs = await (await p.Http.GetAsync($"api/fairs/{fairId}/meetings")).ReadJsonAsync();
        Assert.Equal("Accepted", Assert.Single(theirs["items"]!.AsArray())!["status"]!.GetValue<string>());
        var all = await (await organiser.GetAsync($"api/fairs/{fairId}/meetings")).ReadJsonAsync();
        Assert.Contains(all["items"]!.AsArray(), m => m!["meetingId"]!.GetValue<string>() == id);
        Assert.Empty((await (await producers[1].Http.GetAsync($"api/fairs/{fairId}/meetings")).ReadJsonAsync())["items"]!.AsArray());

        // A decline needs a reason; cancelling frees the slot again.
        var cancelled = await (await buyer.Http.PostAsJsonAsync($"api/fairs/{fairId}/meetings/{id}/cancel", new { reason = "Đổi lịch" })).ReadJsonAsync();
        Assert.Equal("Cancelled", cancelled["status"]!.GetValue<string>());
        slots = await (await buyer.Http.GetAsync($"api/fairs/{fairId}/meetings/slots?producerId={p.ProducerId}")).ReadJsonAsync();
        Assert.Equal(6, slots["free"]!.AsArray().Count);
    }

    [Fact]
    public async Task Hostile_requests_answer_a_stable_code_and_change_nothing()
    {
        var (_, fairId, slot, producers) = await FairWithHoursAsync(1);
        var p = producers[0];
        var buyer = await BuyerAccounts.NewAsync(fixture.Server, registerFor: fairId);
        var unregistered = await BuyerAccounts.NewAsync(fixture.Server);

        async Task<(HttpStatusCode, string)> Ask(HttpClient http, object body)
        {
            var r = await http.PostAsJsonAsync($"api/fairs/{fairId}/meetings", body);
            return (r.StatusCode, await CodeOf(r));
        }

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "meeting.offGrid"), await Ask(buyer.Http, new { producerId = p.ProducerId, startsAt = slot.AddMinutes(7) }));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "meeting.offGrid"), await Ask(buyer.Http, new { producerId = p.ProducerId, startsAt = slot.AddHours(-3) }));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "meeting.notRegistered"), await Ask(unregistered.Http, new { producerId = p.ProducerId, startsAt = slot }));
        Assert.Equal((HttpStatusCode.NotFound, "meeting.notExhibiting"), await Ask(buyer.Http, new { producerId = "p-nobody", startsAt = slot }));
        Assert.Equal(HttpStatusCode.BadRequest, (await buyer.Http.PostAsJsonAsync($"api/fairs/{fairId}/meetings", new { producerId = "../x", startsAt = slot })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.Http.PostAsJsonAsync($"api/fairs/{fairId}/meetings", new { producerId = p.ProducerId, startsAt = slot })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await buyer.Http.PostAsJsonAsync($"api/fairs/{fairId}/meetings/m-someone-else/cancel", new { })).StatusCode);
        Assert.Empty((await (await buyer.Http.GetAsync($"api/fairs/{fairId}/meetings")).ReadJsonAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task Many_buyers_racing_for_an_exhibitors_only_place_in_a_slot_get_exactly_one_request()
    {
        var (_, fairId, slot, producers) = await FairWithHoursAsync(1);
        var p = producers[0]; // no booth: one table, one place per slot
        // 200 requests at once: 50 buyers, each asking four times over (a double tap, a retry, two tabs).
        var buyers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => BuyerAccounts.NewAsync(fixture.Server, registerFor: fairId)));
        var answers = await Task.WhenAll(buyers.SelectMany(b => Enumerable.Range(0, 4).Select(_ =>
            b.Http.PostAsJsonAsync($"api/fairs/{fairId}/meetings", new { producerId = p.ProducerId, startsAt = slot }))));

        Assert.Equal(200, answers.Length);
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        await using var db = new NpgsqlConnection(fixture.Database.ConnectionString);
        await db.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM app.meetings WHERE fair_id = $1 AND status IN ('Requested', 'Accepted')", db) { Parameters = { new() { Value = fairId } } };
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_live_meeting_for_a_buyer_in_one_slot()
    {
        var (_, fairId, slot, producers) = await FairWithHoursAsync(1);
        var buyer = await BuyerAccounts.NewAsync(fixture.Server, registerFor: fairId);
        var created = await (await buyer.Http.PostAsJsonAsync($"api/fairs/{fairId}/meetings", new { producerId = producers[0].ProducerId, startsAt = slot })).ReadJsonAsync();
        await using var db = new NpgsqlConnection(fixture.Database.ConnectionString);
        await db.OpenAsync();
        await using var copy = new NpgsqlCommand("""
            INSERT INTO app.meetings (meeting_id, fair_id, buyer_id, producer_id, starts_at, place_key, seat, status, version, meeting)
            SELECT 'm-forged', fair_id, buyer_id, 'p-other', starts_at, 'table:T-other', 0, 'Requested', 1, meeting FROM app.meetings WHERE meeting_id = $1
            """, db) { Parameters = { new() { Value = created["meetingId"]!.GetValue<string>() } } };
        var refused = await Assert.ThrowsAsync<PostgresException>(() => copy.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.UniqueViolation, refused.SqlState);
    }

    [Fact]
    public async Task Matching_hours_outside_the_fair_are_refused_field_by_field()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 2);
        var response = await organiser.PutAsJsonAsync($"api/fairs/{fairId}/matching-hours",
            new { days = new[] { new { date = "2020-01-01", from = "10:00", to = "09:00" } }, slotMinutes = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Contains("days[0].to", errors.Select(e => e.Key));
        Assert.Contains("slotMinutes", errors.Select(e => e.Key));
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.GetAsync($"api/fairs/{fairId}/matching-hours")).StatusCode);
    }
}
