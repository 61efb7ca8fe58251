using System.Collections.Immutable;
using System.Text;
using OcopFairs.Abstractions;
using OcopFairs.Grains;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Tests;

public sealed class SerializerTests
{
    private readonly JsonGrainStorageSerializer _serializer = new();

    private static FairState Sample() =>
        new()
        {
            Details = new FairDetails(
                "Hội chợ OCOP Hòa Bình", "Quảng trường Hòa Bình", "Hòa Bình", "Asia/Ho_Chi_Minh",
                new DateTimeOffset(2026, 12, 23, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 27, 14, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 16, 1, 0, 0, TimeSpan.Zero),
                3, [ProductGroup.Food, ProductGroup.Beverages], 2, 30, AllocationMode.FirstCome),
            Status = FairStatus.Published,
            OrganiserId = "organiser-1",
            CreatedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            BoothCount = 1,
        };

    [Fact]
    public void Stored_state_has_no_dotnet_type_names_and_keeps_vietnamese_readable()
    {
        var json = Encoding.UTF8.GetString(_serializer.Serialize(Sample()).ToArray());
        Assert.DoesNotContain("$type", json);
        Assert.DoesNotContain("OcopFairs.", json);
        Assert.DoesNotContain("System.", json);
        Assert.Contains("Quảng trường Hòa Bình", json);
        Assert.StartsWith("{\"format\":1,", json);
    }

    [Fact]
    public void State_round_trips()
    {
        var state = Sample();
        var back = _serializer.Deserialize<FairState>(_serializer.Serialize(state));
        Assert.Equal(state.Details, back.Details! with { AcceptedGroups = state.Details!.AcceptedGroups });
        Assert.Equal(state.Details!.AcceptedGroups.ToArray(), back.Details!.AcceptedGroups.ToArray());
        Assert.Equal((state.Status, state.OrganiserId, state.CreatedAt, state.BoothCount), (back.Status, back.OrganiserId, back.CreatedAt, back.BoothCount));
    }

    /// <summary>
    /// State written by format 1 (the golden file, committed once) must stay readable by every later build. If this
    /// fails, a change broke stored data: add an upgrade in the serializer rather than editing the golden file. The
    /// file still carries the floor (plan, occupation, events) that fair state held before the floor had a grain of its
    /// own; those fields are no longer read, and their ids are not reused.
    /// </summary>
    [Fact]
    public void State_saved_by_format_1_still_loads()
    {
        var golden = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Golden", "fair-state.v1.json"));
        var state = _serializer.Deserialize<FairState>(BinaryData.FromBytes(golden));
        var expected = Sample();
        Assert.Equal(expected.Details!.Name, state.Details!.Name);
        Assert.Equal(expected.Details.StartsAt, state.Details.StartsAt);
        Assert.Equal(expected.Details.AcceptedGroups.ToArray(), state.Details.AcceptedGroups.ToArray());
        Assert.Equal(FairStatus.Published, state.Status);
        Assert.Equal((expected.OrganiserId, expected.CreatedAt), (state.OrganiserId, state.CreatedAt));
    }

    [Fact]
    public void Unknown_format_is_refused_rather_than_misread()
    {
        var future = BinaryData.FromString("{\"format\":99,\"state\":{}}");
        Assert.Throws<InvalidDataException>(() => _serializer.Deserialize<FairState>(future));
    }

    /// <summary>A producer stored before profiles had shop links loads with none, and its links round-trip once given.</summary>
    [Fact]
    public void A_producer_stored_before_shop_links_still_loads()
    {
        const string old = """
            {"format":1,"state":{"profile":{"name":"Hợp tác xã Hà Phong","kind":"Cooperative","province":"Hòa Bình",
            "district":"Cao Phong","commune":"Cao Phong","puc":null,"phone":"0218 3880 102","email":null,"description":null},
            "products":[],"ownerUserId":"u-1"}}
            """;
        var state = _serializer.Deserialize<ProducerState>(BinaryData.FromString(old));
        Assert.Equal("Hợp tác xã Hà Phong", state.Profile!.Name);
        Assert.True(state.Profile.ShopLinks.IsDefaultOrEmpty);

        var linked = state with { Profile = state.Profile with { ShopLinks = [new ShopLink("Shopee", "https://shopee.vn/ha-phong")] } };
        var back = _serializer.Deserialize<ProducerState>(_serializer.Serialize(linked));
        Assert.Equal(linked.Profile, back.Profile);
    }

    /// <summary>A floor plan stored before zones had English names loads with none.</summary>
    [Fact]
    public void A_zone_stored_before_english_names_still_loads()
    {
        var zone = System.Text.Json.JsonSerializer.Deserialize<Zone>("""{"code":"A","name":"Thực phẩm","groups":["Food"]}""", JsonDefaults.Create());
        Assert.Equal(("A", "Thực phẩm", (string?)null), (zone!.Code, zone.Name, zone.NameEn));
    }
}
