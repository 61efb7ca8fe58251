using OcopFairs.Abstractions;

namespace OcopFairs.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class DealGrainTests(ClusterFixture fixture)
{
    private static readonly DealParties Parties = new("p1", "HTX Kim Bôi", "Hòa Bình", "Kim Bôi", "b1", "Siêu thị Xanh", BuyerKind.Supermarket);
    private static readonly DealActor Buyer = new(MeetingSide.Buyer, "b1", "u-b1");
    private static readonly DealActor Producer = new(MeetingSide.Producer, "p1", "u-p1");

    private static NewDeal New(decimal kg = 500) => new("f1", Parties, null,
        new DealTerms(DealKind.ConsumptionContract, [new DealLine("pr1", "Gạo nếp", ProductGroup.Food, kg, "kg", 30_000, 6)], null, null, null, null));

    private IDealGrain Deal(string prefix = "d-") => fixture.Grains.GetGrain<IDealGrain>(prefix + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_second_signature_is_announced_to_the_board_once_and_stored_counted()
    {
        var grain = Deal();
        var deal = await grain.CreateAsync(New(), Buyer, null);
        await grain.SignAsync(1, Buyer, null);
        var signed = await grain.SignAsync(1, Producer, null);
        await grain.FollowUpAsync(Producer, 3, DeliveryStatus.Delivering, 100, "kg", null);

        var events = InMemoryDeals.Instance.Events.Where(e => e.Deal.DealId == deal.DealId).ToList();
        Assert.Equal(4, events.Count);
        Assert.Equal([false, false, true, true], events.Select(e => e.Entry.Counted));
        var announced = Assert.Single(events, e => e.Signed is not null).Signed!;
        Assert.Equal((deal.DealId, 90_000_000m, 3m), (announced.DealId, announced.Vnd, announced.Tonnes));
        Assert.Equal(DealStatus.Active, signed.Status);
        Assert.True(InMemoryDeals.Instance.Row(deal.DealId)!.Value.Board.Counted);
        Assert.Equal(events.Select(e => e.Entry.Revision), events.Select(e => e.Entry.Revision).Order());
    }

    [Fact]
    public async Task A_board_that_is_down_neither_fails_nor_undoes_an_acknowledged_signature()
    {
        var grain = Deal("d-fail-events-");
        var deal = await grain.CreateAsync(New(), Buyer, null);
        await grain.SignAsync(1, Buyer, null);
        var signed = await grain.SignAsync(1, Producer, null);
        Assert.Equal(2, signed.Signatures.Length);
        Assert.Equal(signed.Revision, InMemoryDeals.Instance.Row(deal.DealId)!.Value.Deal.Revision);
        Assert.Equal(2, (await grain.GetAsync())!.Signatures.Length);
    }

    [Fact]
    public async Task A_keyed_retry_answers_the_first_result_even_after_the_deal_moved_on()
    {
        var grain = Deal();
        var first = await grain.CreateAsync(New(), Buyer, "k-create");
        var again = await grain.CreateAsync(New(kg: 9), Buyer, "k-create");
        Assert.Equal((first.DealId, first.Revision, 500m), (again.DealId, again.Revision, again.Terms.Lines[0].Quantity));
        var signed = await grain.SignAsync(1, Buyer, "k-sign");
        await grain.ChangeAsync(New(kg: 400).Terms, Producer);
        var retried = await grain.SignAsync(1, Buyer, "k-sign");
        Assert.Equal(signed.Revision, retried.Revision);
        var refused = await Assert.ThrowsAsync<DomainException>(() => grain.SignAsync(1, Buyer, null));
        Assert.Equal("deal.versionChanged", refused.Code);
        Assert.Equal(2, (await grain.VersionsAsync()).Length);
    }

    [Fact]
    public async Task A_write_over_a_revision_another_writer_moved_fails_and_the_grain_starts_again_from_the_store()
    {
        var grain = Deal();
        var deal = await grain.CreateAsync(New(), Buyer, null);
        InMemoryDeals.Instance.Bump(deal.DealId);
        await Assert.ThrowsAnyAsync<Exception>(() => grain.SignAsync(1, Buyer, null));
        // The failed write left the store as the other writer had it.
        Assert.Empty(InMemoryDeals.Instance.Row(deal.DealId)!.Value.Deal.Signatures);
        Assert.True(await EventuallyAsync(async () =>
        {
            try
            {
                return (await grain.SignAsync(1, Buyer, null)).Signatures.Length == 1;
            }
            catch (Exception)
            {
                return false;
            }
        }));
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }

        return false;
    }
}
