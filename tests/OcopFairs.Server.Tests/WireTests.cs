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
}
