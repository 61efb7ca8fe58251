using System.Net;
using System.Net.Http.Json;
using System.Text;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class FloorPlanCsvTests(ServerFixture fixture)
{
    [Fact]
    public async Task Floor_plan_round_trips_through_csv()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        var csv = await organiser.GetStringAsync($"api/fairs/{fairId}/floor-plan.csv");
        Assert.StartsWith("Code,Zone,Type,AreaM2,PriceVnd,X,Y,W,H,Amenities", csv);
        Assert.Equal(11, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // Change a price and a type in the file and import it back.
        var edited = csv.Replace("A01,A,Corner,9,2500000", "A01,A,Premium,9,3000000");
        var import = await organiser.PutAsync($"api/fairs/{fairId}/floor-plan", new StringContent(edited, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var a01 = (await import.ReadJsonAsync())["booths"]!.AsArray().First(b => b!["code"]!.GetValue<string>() == "A01")!;
        Assert.Equal("Premium", a01["type"]!.GetValue<string>());
        Assert.Equal(3_000_000, a01["priceVnd"]!.GetValue<long>());
    }

    [Fact]
    public async Task Csv_with_an_unknown_zone_or_type_is_400_and_changes_nothing()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        var bad = "code,zone,type,areaM2,priceVnd,x,y,w,h,amenities\nQ01,Q,Standard,9,1000,1,1,3,3,power\nA01,A,Palace,9,1000,5,1,3,3,\n";
        var response = await organiser.PutAsync($"api/fairs/{fairId}/floor-plan", new StringContent(bad, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["rows[2].type"]);
        var floor = await (await organiser.GetAsync($"api/fairs/{fairId}/floor")).ReadJsonAsync();
        Assert.Equal(10, floor["booths"]!.AsArray().Count);
    }

    [Fact]
    public async Task Organiser_edits_the_fair_and_invalid_edits_are_refused()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser);
        var patched = await organiser.PatchAsJsonAsync($"api/fairs/{fairId}", new { name = "Hội chợ đổi tên", holdMinutes = 45 });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var fair = await patched.ReadJsonAsync();
        Assert.Equal("Hội chợ đổi tên", fair["name"]!.GetValue<string>());
        Assert.Equal(45, fair["holdMinutes"]!.GetValue<int>());

        var invalid = await organiser.PatchAsJsonAsync($"api/fairs/{fairId}", new { endsAt = DateTimeOffset.UtcNow.AddYears(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await organiser.PostAsync($"api/fairs/{fairId}/close", null)).StatusCode);
    }
}
