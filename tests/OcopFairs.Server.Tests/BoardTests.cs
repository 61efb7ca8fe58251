using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using OcopFairs.Abstractions;
using OcopFairs.Server.Infrastructure;
using OcopFairs.Server.Tests.Infrastructure;
using static OcopFairs.Server.Tests.Infrastructure.DealFixtures;

namespace OcopFairs.Server.Tests;

/// <summary>The fair's results board: public past Draft, equal to a recount of the ledger in SQL, also after a restart.</summary>
[Collection(ServerCollection.Name)]
public sealed class BoardTests(ServerFixture fixture)
{
    private static readonly JsonSerializerOptions Stored = JsonDefaults.Create();

    [Fact]
    public async Task A_draft_fairs_board_is_its_organisers_alone_and_counts_its_free_booths()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        using var anonymous = fixture.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"api/fairs/{fairId}/board")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("api/fairs/no-such-fair/board")).StatusCode);

        var response = await organiser.GetAsync($"api/fairs/{fairId}/board");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var board = await response.ReadJsonAsync();
        var floor = await (await organiser.GetAsync($"api/fairs/{fairId}/floor")).ReadJsonAsync();
        Assert.Equal(fairId, board["fairId"]!.GetValue<string>());
        Assert.Equal(floor["version"]!.GetValue<long>(), board["version"]!.GetValue<long>());
        Assert.Equal(floor["booths"]!.AsArray().Count, board["booths"]!["free"]!.GetValue<int>());
        Assert.Equal(0m, board["deals"]!["vnd"]!.GetValue<decimal>());
        Assert.Equal(0, board["deals"]!["byKind"]!["Memorandum"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_published_fairs_board_is_public_and_equals_the_ledger() =>
        await AssertEqualsLedgerAsync(fixture.Client(), fixture.Database, DemoFair);

    /// <summary>
    /// Deals that reached the ledger while the board was not watching them (written straight into app.deals) are on the
    /// board after a restart: the board rebuilds from the ledger when it activates.
    /// </summary>
    [Fact]
    public async Task After_a_restart_the_board_equals_the_ledger()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var server = new ServerProcess(db.ConnectionString, "board-restart-" + db.Name, seedDemo: true);
        await server.StartAsync();
        using var http = server.CreateClient();
        var before = await (await http.GetAsync($"api/fairs/{DemoFair}/board")).ReadJsonAsync();

        await InsertAsync(db, Entry("d-board-1", 4, true, DealKind.ConsumptionContract, 120_000_000m, 3.5m, "Cao Phong", BuyerKind.Supermarket, "vn:Hà Nội", ("qua", 2000m)));
        await InsertAsync(db, Entry("d-board-2", 2, true, DealKind.Memorandum, 45_500_000.5m, 0m, "Đà Bắc", BuyerKind.Exporter, "export:JP", ("chai", 240m)));
        await InsertAsync(db, Entry("d-board-3", 7, false, DealKind.CooperationAgreement, 9_000_000m, 1m, "Cao Phong", BuyerKind.Restaurant, null));

        await server.StopAsync();
        await server.StartAsync();
        using var after = server.CreateClient();
        var board = await AssertEqualsLedgerAsync(after, db, DemoFair);
        Assert.Equal(before["deals"]!["vnd"]!.GetValue<decimal>() + 165_500_000.5m, board["deals"]!["vnd"]!.GetValue<decimal>());
        Assert.Equal(2000m, board["deals"]!["otherUnits"]!["qua"]!.GetValue<decimal>() - (before["deals"]!["otherUnits"]?["qua"]?.GetValue<decimal>() ?? 0m));
    }

    /// <summary>
    /// Deals signed through the API reach the board: a watcher of the fair gets a DealSigned per signing and a
    /// BoardChanged whose figures equal a SQL recount of app.deals; a deal changed after its signatures leaves the board.
    /// </summary>
    [Fact]
    public async Task Signing_through_the_api_moves_the_board_and_a_watcher_sees_each_signing()
    {
        var s = await NewAsync(fixture.Server, await fixture.OrganiserAsync());
        var batches = new ConcurrentQueue<FairEventsDto>();
        await using var hub = Api.Hub(fixture.Server.BaseAddress);
        hub.On<FairEventsDto>("FairEvents", batches.Enqueue);
        await hub.StartAsync();
        var joined = await hub.InvokeAsync<JoinResultDto>("JoinFairBatched", s.FairId, 0L);

        var first = await SignedAsync(s, s.Terms(riceKg: 500));
        var second = await SignedAsync(s, s.Terms(riceKg: 1000, kind: "Memorandum"));
        var events = () => batches.SelectMany(b => b.Events.Select((e, i) => (Version: b.FromVersion + 1 + i, Event: e))).ToList();
        JsonElement? LatestBoard() => events().Where(e => e.Event.ValueKind == JsonValueKind.Object && e.Event.GetProperty("type").GetString() == "BoardChanged")
            .Select(e => (JsonElement?)e.Event.GetProperty("data")).LastOrDefault();
        Assert.True(await Api.EventuallyAsync(() => Task.FromResult(LatestBoard() is { } b && b.GetProperty("deals").GetProperty("vnd").GetDecimal() == 120_000_000m + 210_000_000m), 20),
            $"no BoardChanged with both deals; got {events().Count} events");

        var signings = events().Where(e => e.Event.ValueKind == JsonValueKind.Object && e.Event.GetProperty("type").GetString() == "DealSigned")
            .Select(e => e.Event.GetProperty("data")).ToList();
        Assert.Equal([first, second], signings.Select(d => d.GetProperty("dealId").GetString()));
        Assert.StartsWith("Hợp tác xã Ký Kết", signings[0].GetProperty("producerName").GetString());
        Assert.Equal(120_000_000m, signings[0].GetProperty("vnd").GetDecimal());
        Assert.True(events().Select(e => e.Version).SequenceEqual(events().Select(e => e.Version).Order()), "events out of order");
        Assert.True(events()[0].Version > joined.Version);

        var board = await AssertEqualsLedgerAsync(fixture.Client(), fixture.Database, s.FairId);
        Assert.Equal((1, 1), (board["deals"]!["byKind"]!["ConsumptionContract"]!.GetValue<int>(), board["deals"]!["byKind"]!["Memorandum"]!.GetValue<int>()));
        Assert.Equal(9m, board["deals"]!["tonnes"]!.GetValue<decimal>());
        Assert.Equal(400m, board["deals"]!["otherUnits"]!["box"]!.GetValue<decimal>());
        Assert.Equal(330_000_000m, board["deals"]!["byDistrict"]!["Kim Bôi"]!["vnd"]!.GetValue<decimal>());
        Assert.Equal(2, board["deals"]!["byMarket"]!["vn:Hà Nội"]!["deals"]!.GetValue<int>());
        Assert.Equal(board["version"]!.GetValue<long>(), LatestBoard()!.Value.GetProperty("version").GetInt64());

        // New terms after both signed: the deal no longer counts until both sign again.
        (await s.Producer.Http.PutAsJsonAsync(s.Deal(first), s.Terms(riceKg: 600))).EnsureSuccessStatusCode();
        Assert.True(await Api.EventuallyAsync(async () =>
            (await (await fixture.Client().GetAsync($"api/fairs/{s.FairId}/board")).ReadJsonAsync())["deals"]!["vnd"]!.GetValue<decimal>() == 210_000_000m, 20));
        await AssertEqualsLedgerAsync(fixture.Client(), fixture.Database, s.FairId);
    }

    private static async Task<string> SignedAsync(Setup s, object terms)
    {
        var dealId = (await CreatedAsync(s.Buyer.Http, s.Deals, terms))["dealId"]!.GetValue<string>();
        await OkAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "sign"), new { version = 1 }));
        await OkAsync(PostAsync(s.Producer.Http, s.Deal(dealId, "sign"), new { version = 1 }));
        return dealId;
    }

    internal const string DemoFair = "hoa-binh-ocop-fair";

    internal static DealBoardEntry Entry(string dealId, long revision, bool counted, DealKind kind, decimal vnd, decimal tonnes, string? district,
        BuyerKind buyerKind, string? market, (string Unit, decimal Amount)? other = null) =>
        new(dealId, DemoFair, revision, counted, kind,
            new DealTotals(vnd, tonnes, other is { } o ? ImmutableDictionary<string, decimal>.Empty.Add(o.Unit, o.Amount) : ImmutableDictionary<string, decimal>.Empty),
            ImmutableDictionary<ProductGroup, decimal>.Empty.Add(ProductGroup.Food, vnd),
            ImmutableDictionary<ProductGroup, decimal>.Empty.Add(ProductGroup.Food, tonnes),
            district, buyerKind, market, counted ? DateTimeOffset.UtcNow : null);

    private static async Task InsertAsync(TestDatabase db, DealBoardEntry e)
    {
        await using var data = NpgsqlDataSource.Create(db.ConnectionString);
        await using var cmd = data.CreateCommand("""
            INSERT INTO app.deals (deal_id, fair_id, producer_id, buyer_id, kind, status, version, revision, counted, vnd, tonnes, signed_at, deal, board)
            VALUES ($1, $2, 'p-x', 'b-x', $3, $4, 1, $5, $6, $7, $8, $9, '{}'::jsonb, $10::jsonb)
            """);
        cmd.Parameters.AddWithValue(e.DealId);
        cmd.Parameters.AddWithValue(e.FairId);
        cmd.Parameters.AddWithValue(e.Kind.ToString());
        cmd.Parameters.AddWithValue(e.Counted ? "Signed" : "Proposed");
        cmd.Parameters.AddWithValue(e.Revision);
        cmd.Parameters.AddWithValue(e.Counted);
        cmd.Parameters.AddWithValue(e.Totals.Vnd);
        cmd.Parameters.AddWithValue(e.Totals.Tonnes);
        cmd.Parameters.AddWithValue((object?)e.SignedAt ?? DBNull.Value);
        cmd.Parameters.AddWithValue(JsonSerializer.Serialize(e, Stored));
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The board from the API, asserted equal to the same figures counted in SQL over the fair's counted deals.</summary>
    internal static async Task<JsonObject> AssertEqualsLedgerAsync(HttpClient http, TestDatabase db, string fairId)
    {
        var response = await http.GetAsync($"api/fairs/{fairId}/board");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var board = await response.ReadJsonAsync();
        var deals = board["deals"]!;
        await using var data = NpgsqlDataSource.Create(db.ConnectionString);

        foreach (var kind in Enum.GetValues<DealKind>())
        {
            var count = await ScalarAsync<long>(data, "SELECT count(*) FROM app.deals WHERE fair_id = $1 AND counted AND kind = $2", fairId, kind.ToString());
            Assert.Equal(count, deals["byKind"]![kind.ToString()]!.GetValue<long>());
        }

        Assert.Equal(await ScalarAsync<decimal>(data, "SELECT coalesce(sum(vnd), 0) FROM app.deals WHERE fair_id = $1 AND counted", fairId), deals["vnd"]!.GetValue<decimal>());
        Assert.Equal(await ScalarAsync<decimal>(data, "SELECT coalesce(sum(tonnes), 0) FROM app.deals WHERE fair_id = $1 AND counted", fairId), deals["tonnes"]!.GetValue<decimal>());
        Assert.Equal(
            await BucketsAsync(data, "SELECT coalesce(board->>'district', ''), count(*), sum(vnd), sum(tonnes) FROM app.deals WHERE fair_id = $1 AND counted GROUP BY 1", fairId),
            Buckets(deals["byDistrict"]!));
        Assert.Equal(
            await BucketsAsync(data, "SELECT board->>'buyerKind', count(*), sum(vnd), sum(tonnes) FROM app.deals WHERE fair_id = $1 AND counted GROUP BY 1", fairId),
            Buckets(deals["byBuyerKind"]!));
        Assert.Equal(
            await BucketsAsync(data, "SELECT coalesce(board->>'marketKey', ''), count(*), sum(vnd), sum(tonnes) FROM app.deals WHERE fair_id = $1 AND counted GROUP BY 1", fairId),
            Buckets(deals["byMarket"]!));
        var units = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        await using (var cmd = data.CreateCommand(
            "SELECT u.key, sum(u.value::numeric) FROM app.deals, jsonb_each_text(board->'totals'->'otherUnits') u WHERE fair_id = $1 AND counted GROUP BY 1"))
        {
            cmd.Parameters.AddWithValue(fairId);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) units[reader.GetString(0)] = reader.GetDecimal(1);
        }

        Assert.Equal(
            string.Join(";", units.Select(u => $"{u.Key}={u.Value.ToString("G29", CultureInfo.InvariantCulture)}")),
            string.Join(";", deals["otherUnits"]!.AsObject().OrderBy(u => u.Key, StringComparer.Ordinal)
                .Select(u => $"{u.Key}={(u.Value!.GetValue<decimal>() / 1m).ToString("G29", CultureInfo.InvariantCulture)}")));
        return board;
    }

    private static string Buckets(JsonNode node) =>
        string.Join(";", node.AsObject().OrderBy(b => b.Key, StringComparer.Ordinal).Select(b =>
            Bucket(b.Key, b.Value!["deals"]!.GetValue<long>(), b.Value["vnd"]!.GetValue<decimal>(), b.Value["tonnes"]!.GetValue<decimal>())));

    private static string Bucket(string key, long deals, decimal vnd, decimal tonnes) =>
        $"{key}={deals}/{(vnd / 1m).ToString("G29", CultureInfo.InvariantCulture)}/{(tonnes / 1m).ToString("G29", CultureInfo.InvariantCulture)}";

    private static async Task<string> BucketsAsync(NpgsqlDataSource data, string sql, string fairId)
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var cmd = data.CreateCommand(sql);
        cmd.Parameters.AddWithValue(fairId);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = Bucket(reader.GetString(0), reader.GetInt64(1), reader.GetDecimal(2), reader.GetDecimal(3));
        }

        return string.Join(";", rows.Values);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource data, string sql, params object[] args)
    {
        await using var cmd = data.CreateCommand(sql);
        foreach (var a in args) cmd.Parameters.AddWithValue(a);
        return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }
}
