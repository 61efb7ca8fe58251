using OcopFairs.Abstractions;

namespace OcopFairs.Grains.Tests;

[Collection(ClusterCollection.Name)]
public class FairDirectoryGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Created_fairs_are_listed_in_start_order()
    {
        var later = _grains.GetGrain<IFairGrain>(TestData.NewId("fair"));
        var sooner = _grains.GetGrain<IFairGrain>(TestData.NewId("fair"));
        await later.CreateAsync(TestData.Fair("Hội chợ mùa thu", startInDays: 200), "organiser-1");
        await sooner.CreateAsync(TestData.Fair("Hội chợ mùa hè", startInDays: 100), "organiser-1");

        var ids = (await _grains.GetGrain<IFairDirectoryGrain>(0).ListAsync()).Select(f => f.FairId).ToList();

        var laterAt = ids.IndexOf(later.GetPrimaryKeyString());
        var soonerAt = ids.IndexOf(sooner.GetPrimaryKeyString());
        Assert.True(soonerAt >= 0 && laterAt >= 0, "both fairs are listed");
        Assert.True(soonerAt < laterAt, "the fair that starts sooner comes first");
    }

    [Fact]
    public async Task Listing_follows_the_floor_plan_booth_count()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains, booths: 7);

        var summary = (await _grains.GetGrain<IFairDirectoryGrain>(0).ListAsync())
            .Single(f => f.FairId == fair.GetPrimaryKeyString());

        Assert.Equal(7, summary.BoothCount);
        Assert.Equal(FairStatus.Draft, summary.Status);
        Assert.Equal("Hội chợ OCOP Hà Nội", summary.Name);
    }

    [Fact]
    public async Task A_refused_create_is_not_listed()
    {
        var fair = _grains.GetGrain<IFairGrain>(TestData.NewId("fair"));
        await Assert.ThrowsAsync<DomainException>(() => fair.CreateAsync(TestData.Fair() with { Venue = "" }, "organiser-1"));

        var listed = await _grains.GetGrain<IFairDirectoryGrain>(0).ListAsync();

        Assert.DoesNotContain(listed, f => f.FairId == fair.GetPrimaryKeyString());
    }
}
