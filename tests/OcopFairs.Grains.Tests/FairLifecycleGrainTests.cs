using OcopFairs.Abstractions;

namespace OcopFairs.Grains.Tests;

[Collection(ClusterCollection.Name)]
public class FairLifecycleGrainTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private async Task<IFairGrain> NewDraftAsync()
    {
        var fair = _grains.GetGrain<IFairGrain>(TestData.NewId("fair"));
        await fair.CreateAsync(TestData.Fair(), "organiser-1");
        return fair;
    }

    private static async Task<DomainException> ConflictAsync(string code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<DomainException>(call);
        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
        Assert.Equal(code, ex.Code);
        return ex;
    }

    private async Task<FairSummary> ListedAsync(IFairGrain fair) =>
        (await _grains.GetGrain<IFairDirectoryGrain>(0).ListAsync()).Single(s => s.FairId == fair.GetPrimaryKeyString());

    [Fact]
    public async Task Publishing_a_fair_without_a_floor_plan_is_refused_and_keeps_it_draft()
    {
        var fair = await NewDraftAsync();

        await ConflictAsync("fair.noFloorPlan", () => fair.MoveToAsync(FairStatus.Published));

        var view = (await fair.GetAsync())!;
        Assert.Equal(FairStatus.Draft, view.Status);
        Assert.Equal(0, view.Version);
    }

    [Fact]
    public async Task Publishing_a_fair_with_a_floor_plan_raises_the_version_and_updates_the_directory()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains);

        var view = await fair.MoveToAsync(FairStatus.Published);

        Assert.Equal(FairStatus.Published, view.Status);
        Assert.Equal(2, view.Version);
        Assert.Equal(FairStatus.Published, (await fair.GetAsync())!.Status);
        Assert.Equal(FairStatus.Published, (await ListedAsync(fair)).Status);
        var changes = await fair.GetChangesSinceAsync(1);
        var evt = Assert.Single(changes.Events!.Value);
        Assert.Equal(EventTypes.FairChanged, evt.Type);
        Assert.Equal(FairStatus.Published, evt.Fair!.Status);
    }

    [Fact]
    public async Task Moving_to_the_current_status_is_idempotent()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains);
        var first = await fair.MoveToAsync(FairStatus.Published);

        var again = await fair.MoveToAsync(FairStatus.Published);

        Assert.Equal(first.Version, again.Version);
        Assert.Equal(FairStatus.Published, again.Status);
    }

    [Theory]
    [InlineData(FairStatus.Live)]
    [InlineData(FairStatus.RegistrationClosed)]
    [InlineData(FairStatus.Closed)]
    public async Task A_draft_fair_cannot_skip_publication(FairStatus status)
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains);

        await ConflictAsync("fair.transition", () => fair.MoveToAsync(status));

        var view = (await fair.GetAsync())!;
        Assert.Equal(FairStatus.Draft, view.Status);
        Assert.Equal(1, view.Version);
    }

    [Fact]
    public async Task A_fair_runs_through_its_lifecycle_and_a_closed_fair_stays_closed()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains);

        foreach (var status in new[] { FairStatus.Published, FairStatus.RegistrationClosed, FairStatus.Live, FairStatus.Closed })
        {
            Assert.Equal(status, (await fair.MoveToAsync(status)).Status);
        }

        foreach (var status in new[] { FairStatus.Draft, FairStatus.Published, FairStatus.RegistrationClosed, FairStatus.Live })
        {
            await ConflictAsync("fair.transition", () => fair.MoveToAsync(status));
        }

        Assert.Equal(FairStatus.Closed, (await fair.GetAsync())!.Status);
        Assert.Equal(FairStatus.Closed, (await ListedAsync(fair)).Status);
    }

    [Fact]
    public async Task A_published_fair_can_go_live_directly()
    {
        var fair = await TestData.NewFairWithPlanAsync(_grains);
        await fair.MoveToAsync(FairStatus.Published);

        Assert.Equal(FairStatus.Live, (await fair.MoveToAsync(FairStatus.Live)).Status);
    }

    [Fact]
    public async Task Moving_a_fair_that_was_never_created_is_not_found()
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() => _grains.GetGrain<IFairGrain>(TestData.NewId("fair")).MoveToAsync(FairStatus.Published));

        Assert.Equal(DomainErrorKind.NotFound, ex.Kind);
    }
}
