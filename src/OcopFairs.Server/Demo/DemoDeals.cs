using Microsoft.AspNetCore.Identity;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Identity;

namespace OcopFairs.Server.Demo;

/// <summary>
/// Deals at the provincial fair in every state, so the organiser's dashboard and the hall's screen are full on first
/// run: a draft, one proposed and signed by the buyer only, one signed that becomes active later, active ones (one
/// rewritten as a second version before both signed, one with 3- and 6-month follow-ups), and a cancelled one — across
/// districts (Cao Phong, Lương Sơn, Đà Bắc), groups (food, beverages), buyer kinds, an export market, and units in kg,
/// tấn, hộp and lít. Made through the deal grains, so app.deals holds them; each is made once.
/// </summary>
public sealed partial class DemoSeeder
{
    private enum DemoDealState { Draft, ProposedBuyerSigned, Signed, Active, TwoVersions, FollowedUp, Cancelled }

    private sealed record DemoDeal(
        string DealId, string BuyerId, string ProducerId, DemoDealState State, DealKind Kind, DealLine[] Lines, DealMarket? Market, int? ValidFromDays, string? Terms);

    private static DealLine L(string productId, decimal quantity, string unit, decimal price, int? months = null)
    {
        var product = DemoData.Producers.SelectMany(p => p.Products).First(p => p.ProductId == productId);
        return new DealLine(productId, product.Name, product.Group, quantity, unit, price, months);
    }

    private static readonly DemoDeal[] Deals =
    [
        new("d-demo-draft", "b-demo-biggreen", "p-demo-3t-cao-phong", DemoDealState.Draft, DealKind.Memorandum,
            [L("pr-3t-orange", 20, "tan", 22_000_000, 12)], new DealMarket(false, "Hà Nội"), null, "Giao tại kho Hà Đông, hàng tuần."),
        new("d-demo-proposed", "b-demo-moc-lam", "p-demo-da-bac-honey", DemoDealState.ProposedBuyerSigned, DealKind.ConsumptionContract,
            [L("pr-db-forest-honey", 300, "kg", 380_000, 6)], new DealMarket(false, "Hà Nội"), 0, "Mật ong đóng chai 500 ml có tem truy xuất."),
        new("d-demo-signed", "b-demo-tay-bac-xnk", "p-demo-minh-trung", DemoDealState.Signed, DealKind.ConsumptionContract,
            [L("pr-mt-lotus-porridge", 40, "tấn", 95_000_000)], new DealMarket(true, "JP"), 90, "FOB Hải Phòng; kiểm dịch theo yêu cầu thị trường Nhật Bản."),
        new("d-demo-active", "b-demo-biggreen", "p-demo-ha-phong", DemoDealState.Active, DealKind.ConsumptionContract,
            [L("pr-hp-juice", 2_000, "lít", 45_000, 6), L("pr-hp-orange", 5, "tấn", 25_000_000)], new DealMarket(false, "Hà Nội"), null, "Giao hai lần mỗi tháng."),
        new("d-demo-two-versions", "b-demo-moc-lam", "p-demo-3t-cao-phong", DemoDealState.TwoVersions, DealKind.CooperationAgreement,
            [L("pr-3t-orange-gift", 500, "hộp", 350_000)], new DealMarket(false, "Hà Nội"), null, "Hộp quà Tết giao trước 20 tháng Chạp."),
        new("d-demo-follow-ups", "b-demo-tay-bac-xnk", "p-demo-ha-phong", DemoDealState.FollowedUp, DealKind.Memorandum,
            [L("pr-hp-fermented-juice", 1_200, "box", 180_000, 3)], new DealMarket(true, "KR"), null, null),
        new("d-demo-cancelled", "b-demo-tay-bac-xnk", "p-demo-3t-cao-phong", DemoDealState.Cancelled, DealKind.ConsumptionContract,
            [L("pr-3t-orange", 500, "kg", 24_000, 4)], new DealMarket(true, "KR"), null, null),
    ];

    private async Task SeedDealsAsync(UserManager<AppUser> users)
    {
        var fair = await grains.GetGrain<IFairGrain>(DemoData.FairId).GetAsync();
        if (fair is null) return;
        var fairDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fair.Details.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(fair.Details.TimeZone)).DateTime);
        foreach (var demo in Deals)
        {
            var grain = grains.GetGrain<IDealGrain>(demo.DealId);
            if (await grain.GetAsync() is not null) continue;
            var buyer = Buyers.First(b => b.BuyerId == demo.BuyerId);
            var producer = DemoData.Producers.First(p => p.ProducerId == demo.ProducerId);
            var buyerUser = (await users.FindByEmailAsync(buyer.Email))?.Id ?? buyer.BuyerId;
            var producerUser = (await users.FindByEmailAsync(producer.Email))?.Id ?? producer.ProducerId;
            var asBuyer = new DealActor(MeetingSide.Buyer, demo.BuyerId, buyerUser);
            var asProducer = new DealActor(MeetingSide.Producer, demo.ProducerId, producerUser);
            var parties = new DealParties(producer.ProducerId, producer.Profile.Name, producer.Profile.Province, producer.Profile.District,
                demo.BuyerId, buyer.Profile.Organisation, buyer.Profile.Kind);
            DateOnly? validFrom = demo.ValidFromDays is { } days ? fairDay.AddDays(days) : null;
            var terms = new DealTerms(demo.Kind, [.. demo.Lines], demo.Terms, demo.Market, validFrom, validFrom?.AddMonths(12));
            var deal = await grain.CreateAsync(new NewDeal(DemoData.FairId, parties, null, terms), asBuyer, null);
            switch (demo.State)
            {
                case DemoDealState.Draft:
                    break;
                case DemoDealState.ProposedBuyerSigned:
                    await grain.ProposeAsync(asBuyer, null);
                    await grain.SignAsync(deal.Version, asBuyer, null);
                    break;
                case DemoDealState.Cancelled:
                    await grain.ProposeAsync(asBuyer, null);
                    await grain.CancelAsync(asProducer, "Bên mua cần chứng nhận GlobalGAP cho thị trường Hàn Quốc; hẹn ký lại vụ sau.");
                    break;
                case DemoDealState.TwoVersions:
                    await grain.ProposeAsync(asBuyer, null);
                    await grain.SignAsync(1, asBuyer, null);
                    // The cooperative can make 400 boxes before Tết: a second version, which both sign again.
                    var changed = await grain.ChangeAsync(terms with { Lines = [L("pr-3t-orange-gift", 400, "hộp", 360_000)] }, asProducer);
                    await grain.SignAsync(changed.Version, asProducer, null);
                    await grain.SignAsync(changed.Version, asBuyer, null);
                    break;
                default:
                    await grain.SignAsync(deal.Version, asProducer, null);
                    await grain.SignAsync(deal.Version, asBuyer, null);
                    if (demo.State == DemoDealState.FollowedUp)
                    {
                        await grain.FollowUpAsync(asBuyer, 3, DeliveryStatus.Delivering, 700, "box", "Đã nhận 2 đợt hàng, chất lượng ổn định.");
                        await grain.FollowUpAsync(asProducer, 3, DeliveryStatus.Delivering, 750, "box", null);
                        await grain.FollowUpAsync(asProducer, 6, DeliveryStatus.Fulfilled, 1_200, "box", "Đã giao đủ theo hợp đồng.");
                        await grain.ShowPricesAsync(asBuyer, true);
                        await grain.ShowPricesAsync(asProducer, true);
                    }

                    break;
            }
        }

    }
}
