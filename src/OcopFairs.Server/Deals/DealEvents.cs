using OcopFairs.Abstractions;
using OcopFairs.Grains;

namespace OcopFairs.Server.Deals;

/// <summary>
/// After a deal's change is durable: the fair's board takes its entry (awaited, so a deal's entries reach the board in
/// order; a failure is logged — the board rebuilds from <c>app.deals</c> when it activates), and both parties' users
/// get a private <c>DealChanged</c> (off the deal's turn).
/// </summary>
public sealed class DealEvents(IGrainFactory grains, ILogger<DealEvents> log) : IDealEvents
{
    public async Task ChangedAsync(Deal deal, DealBoardEntry entry, DealAnnouncement? signed)
    {
        log.LogInformation("Deal {DealId} of fair {FairId} is {Status} at version {Version} (revision {Revision}, counted {Counted})",
            deal.DealId, deal.FairId, deal.Status, deal.Version, deal.Revision, entry.Counted);
        _ = Task.Run(async () =>
        {
            try
            {
                await TellPartiesAsync(deal);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Could not tell the parties of deal {DealId} about its change", deal.DealId);
            }
        });

        try
        {
            await grains.GetGrain<IFairBoardGrain>(deal.FairId).RecordDealAsync(entry, signed);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "The board of fair {FairId} did not take deal {DealId} revision {Revision}", deal.FairId, deal.DealId, deal.Revision);
        }
    }

    private async Task TellPartiesAsync(Deal deal)
    {
        var buyer = await grains.GetGrain<IBuyerGrain>(deal.Parties.BuyerId).GetAsync();
        var producer = await grains.GetGrain<IProducerGrain>(deal.Parties.ProducerId).GetAsync();
        var push = grains.GetGrain<IPushGrain>(0);
        foreach (var owner in new[] { buyer?.OwnerUserId, producer?.OwnerUserId }.OfType<string>().Distinct())
        {
            await push.PublishPrivateAsync(new PrivateEvent(owner, EventTypes.DealChanged, null, Deal: deal));
        }
    }
}
