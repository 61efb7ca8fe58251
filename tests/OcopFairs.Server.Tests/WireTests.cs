using System.Text.Json;
using OcopFairs.Abstractions;
using OcopFairs.Server.Infrastructure;
using OcopFairs.Server.Live;

namespace OcopFairs.Server.Tests;

/// <summary>The shape of a <c>FairEvents</c> message as the hub's JSON protocol writes it.</summary>
public sealed class WireTests
{
    private static readonly JsonSerializerOptions Options = JsonDefaults.Create();
    private static readonly DateTimeOffset At = new(2026, 11, 23, 3, 0, 0, 250, TimeSpan.Zero);

    private static BoothView Booth(BoothStatus status, string? producerId, string? producerName, DateTimeOffset? expires) =>
        new("A01", "A", BoothType.Corner, 9, 2_500_000, 1, 2, 3, 3, status, producerId, producerName, expires, ["power"]);

    [Fact]
    public void Booth_changes_are_arrays_and_other_events_objects_numbered_from_the_message()
    {
        var expires = new DateTimeOffset(2026, 11, 23, 3, 15, 0, TimeSpan.Zero);
        var fair = new FairSummary("f1", "Hội chợ OCOP Hòa Bình", "Quảng trường", "Hòa Bình", "Asia/Ho_Chi_Minh", At, At.AddDays(4), FairStatus.Live, 1);
        FairEvent[] events =
        [
            new("f1", 8, EventTypes.BoothChanged, At, Booth(BoothStatus.Held, "p1", "Hợp tác xã Cam Cao Phong", expires), null),
            new("f1", 9, EventTypes.BoothChanged, At, Booth(BoothStatus.Free, null, null, null), null),
            new("f1", 10, EventTypes.FairChanged, At, null, fair),
        ];

        var json = JsonSerializer.SerializeToElement<object>(FairEventsMessage.From("f1", events), Options);

        Assert.Equal(("f1", 7L, 10L), (json.GetProperty("fairId").GetString(), json.GetProperty("fromVersion").GetInt64(), json.GetProperty("toVersion").GetInt64()));
        var items = json.GetProperty("events");
        Assert.Equal(
            """["A01","Held","p1","Hợp tác xã Cam Cao Phong",1795403700000,1795402800250]""",
            JsonSerializer.Serialize(items[0], Options));
        Assert.Equal("""["A01","Free",null,null,null,1795402800250]""", JsonSerializer.Serialize(items[1], Options));
        Assert.Equal((10L, "FairChanged", "Live"), (items[2].GetProperty("version").GetInt64(), items[2].GetProperty("type").GetString(), items[2].GetProperty("data").GetProperty("status").GetString()));
    }

    [Fact]
    public void A_booth_change_reads_back_and_refuses_a_wrong_shape()
    {
        var change = new BoothChange("B07", BoothStatus.Confirmed, "p2", "Hộ kinh doanh Mật ong", null, At);
        Assert.Equal(change, JsonSerializer.Deserialize<BoothChange>(JsonSerializer.Serialize(change, Options), Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<BoothChange>("""["B07","Held"]""", Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<BoothChange>("""{"code":"B07"}""", Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<BoothChange>("""["B07","Held",null,null,null,1,2]""", Options));
    }

    [Fact]
    public void A_booth_placed_by_an_override_carries_its_reason_as_a_seventh_item_and_others_stay_six_long()
    {
        var overridden = new BoothChange("A03", BoothStatus.Confirmed, "p3", "HTX Mường Pa", null, At) { OverrideReason = "Khách mời của tỉnh" };
        var json = JsonSerializer.Serialize(overridden, Options);
        Assert.EndsWith(",\"Khách mời của tỉnh\"]", json);
        Assert.Equal(overridden, JsonSerializer.Deserialize<BoothChange>(json, Options));
        Assert.Equal(6, JsonSerializer.Deserialize<JsonElement>(JsonSerializer.Serialize(overridden with { OverrideReason = null }, Options)).GetArrayLength());
    }

    private static FairBoard SampleBoard() => new(
        "f1", 12, new BoardBooths(3, 1, 20), new BoardMeetings(4, 6, 9, 1),
        new BoardDeals(
            System.Collections.Immutable.ImmutableDictionary<DealKind, int>.Empty.Add(DealKind.Memorandum, 2).Add(DealKind.ConsumptionContract, 1),
            1_500_000_000m, 12.5m, System.Collections.Immutable.ImmutableDictionary<string, decimal>.Empty.Add("qua", 3000m),
            System.Collections.Immutable.ImmutableDictionary<string, BoardAmount>.Empty.Add("Food", new BoardAmount(3, 1_500_000_000m, 12.5m)),
            System.Collections.Immutable.ImmutableDictionary<string, BoardAmount>.Empty.Add("Cao Phong", new BoardAmount(3, 1_500_000_000m, 12.5m)),
            System.Collections.Immutable.ImmutableDictionary<string, BoardAmount>.Empty.Add("Supermarket", new BoardAmount(3, 1_500_000_000m, 12.5m)),
            System.Collections.Immutable.ImmutableDictionary<string, BoardAmount>.Empty.Add("export:JP", new BoardAmount(3, 1_500_000_000m, 12.5m))));

    /// <summary>The board and a signing travel as objects in both message shapes: the board whole, the signing as the hall shows it.</summary>
    [Fact]
    public void A_signing_and_the_board_travel_as_their_own_objects()
    {
        var signed = new DealAnnouncement("d1", DealKind.ConsumptionContract, "Hợp tác xã Cam Cao Phong", "Cao Phong", "Siêu thị Xanh", 1_500_000_000m, 12.5m, At);
        FairEvent[] events =
        [
            new("f1", 11, EventTypes.DealSigned, At, null, null, Deal: signed),
            new("f1", 12, EventTypes.BoardChanged, At, null, null, Board: SampleBoard()),
        ];

        var batched = JsonSerializer.SerializeToElement<object>(FairEventsMessage.From("f1", events), Options).GetProperty("events");
        Assert.Equal((11L, "DealSigned"), (batched[0].GetProperty("version").GetInt64(), batched[0].GetProperty("type").GetString()));
        Assert.Equal("Hợp tác xã Cam Cao Phong", batched[0].GetProperty("data").GetProperty("producerName").GetString());
        Assert.Equal(1_500_000_000m, batched[0].GetProperty("data").GetProperty("vnd").GetDecimal());
        var board = batched[1].GetProperty("data");
        Assert.Equal((12L, 2, 3000m), (board.GetProperty("version").GetInt64(), board.GetProperty("deals").GetProperty("byKind").GetProperty("Memorandum").GetInt32(),
            board.GetProperty("deals").GetProperty("otherUnits").GetProperty("qua").GetDecimal()));
        Assert.Equal(20, board.GetProperty("booths").GetProperty("confirmed").GetInt32());

        var single = JsonSerializer.SerializeToElement<object>(FairEventMessage.From(events[1]), Options);
        Assert.Equal(12.5m, single.GetProperty("data").GetProperty("deals").GetProperty("byMarket").GetProperty("export:JP").GetProperty("tonnes").GetDecimal());
    }

    /// <summary>The floor stores its events as JSON: an event written before boards loads, and a board event round-trips.</summary>
    [Fact]
    public void Stored_events_before_and_with_boards_load()
    {
        var old = JsonSerializer.Deserialize<OcopFairs.Grains.LiveEvent>(
            """{"version":3,"at":"2026-11-23T03:00:00+00:00","type":"FairChanged","boothCode":null,"slot":null,"fair":null}""", Options)!;
        Assert.Equal((3L, (FairBoard?)null, (DealAnnouncement?)null), (old.Version, old.Board, old.Deal));

        var e = new OcopFairs.Grains.LiveEvent(12, At, EventTypes.BoardChanged, null, null, null, Board: SampleBoard());
        var back = JsonSerializer.Deserialize<OcopFairs.Grains.LiveEvent>(JsonSerializer.Serialize(e, Options), Options)!;
        Assert.Equal(1_500_000_000m, back.Board!.Deals.Vnd);
        Assert.Equal(2, back.Board.Deals.ByKind[DealKind.Memorandum]);
        Assert.Equal(new BoardAmount(3, 1_500_000_000m, 12.5m), back.Board.Deals.ByDistrict["Cao Phong"]);
    }
}
