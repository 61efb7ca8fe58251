using System.Collections.Immutable;
using Microsoft.AspNetCore.Identity;
using OcopFairs.Abstractions;
using OcopFairs.Server.Buyers;
using OcopFairs.Server.Identity;

namespace OcopFairs.Server.Demo;

/// <summary>
/// The three demo buyers with believable sourcing needs, registered for the provincial fair (the exporter for the
/// business-matching fair too), matching hours on both fairs, and meetings in the states a fair sees before it opens:
/// accepted, awaiting the exhibitor, awaiting the buyer after a counter-proposal, declined with a reason, cancelled.
/// </summary>
public sealed partial class DemoSeeder
{
    private static readonly (string Email, string BuyerId, BuyerProfile Profile)[] Buyers =
    [
        ("buyer1@demo.ocop", "b-demo-biggreen", new BuyerProfile(
            "Hệ thống siêu thị BigGreen Hà Nội", BuyerKind.Supermarket, "Hà Nội", "024 3771 2288",
            [new Representative("Nguyễn Thu Hà", "0912 345 678"), new Representative("Trần Quang Vinh", "0983 222 414")],
            [new SourcingNeed("n-demo-biggreen-cam", ["cam Cao Phong"], [ProductGroup.Food], 3, ["VietGAP"],
                new Quantity(20, "tan"), new PriceBand(20_000, 35_000, "kg"), ["Hà Nội"])])),
        ("buyer2@demo.ocop", "b-demo-moc-lam", new BuyerProfile(
            "Chuỗi cửa hàng thực phẩm sạch Mộc Lam", BuyerKind.CleanFoodStore, "Hà Nội", "0246 688 9900",
            [new Representative("Phạm Thị Lan", "0904 556 778")],
            [
                new SourcingNeed("n-demo-moc-lam-mat-ong", ["mật ong rừng"], [ProductGroup.Food], 3, [],
                    new Quantity(300, "kg"), new PriceBand(250_000, 450_000, "kg"), ["Hà Nội"]),
                new SourcingNeed("n-demo-moc-lam-tra", ["trà thảo dược", "cao dược liệu"], [ProductGroup.Herbal, ProductGroup.Beverages], 3, [],
                    new Quantity(500, "hop"), null, ["Hà Nội"]),
            ])),
        ("buyer3@demo.ocop", "b-demo-tay-bac-xnk", new BuyerProfile(
            "Công ty CP Xuất nhập khẩu Nông sản Tây Bắc", BuyerKind.Exporter, "Hà Nội", "024 3556 7788",
            [new Representative("Lê Minh Đức", "0936 118 229"), new Representative("Hoàng Mai Anh", null)],
            [new SourcingNeed("n-demo-tay-bac-buoi", ["bưởi", "Kim Bôi"], [ProductGroup.Food], 3, ["GlobalGAP"],
                new Quantity(10, "tan"), new PriceBand(null, 40_000, "kg"), ["JP", "KR"])])),
    ];

    private async Task SeedBuyersAsync(UserManager<AppUser> users, FairBuyers fairBuyers)
    {
        foreach (var (email, buyerId, profile) in Buyers)
        {
            var account = await EnsureUserAsync(users, email, profile.Organisation, Roles.Buyer, null);
            if (account.BuyerId is null)
            {
                // Demo buyers seeded before buyers had profiles: give the account its buyer.
                account.BuyerId = buyerId;
                await users.UpdateAsync(account);
            }

            var buyer = grains.GetGrain<IBuyerGrain>(account.BuyerId);
            var view = await buyer.GetAsync() ?? await buyer.SaveProfileAsync(profile, account.Id);
            await fairBuyers.RegisterAsync(DemoData.FairId, view);
            if (profile.Kind == BuyerKind.Exporter) await fairBuyers.RegisterAsync(DemoData.MatchingFairId, view);
        }

        await SeedMeetingsAsync(DemoData.FairId, day: 1,
        [
            ("b-demo-biggreen", "p-demo-3t-cao-phong", 0, "Accept"),
            ("b-demo-biggreen", "p-demo-ha-phong", 1, "Wait"),
            ("b-demo-moc-lam", "p-demo-minh-trung", 2, "Decline"),
            ("b-demo-tay-bac-xnk", "p-demo-3t-cao-phong", 3, "Cancel"),
            ("b-demo-moc-lam", "p-demo-3t-cao-phong", 4, "Propose"),
        ]);
        await SeedMeetingsAsync(DemoData.MatchingFairId, day: 0, [("b-demo-tay-bac-xnk", "p-demo-kim-boi-green", 0, "Accept")]);
    }

    /// <summary>Matching hours 08:00–11:00 (20-minute slots) on one day of the fair, and the meetings, once.</summary>
    private async Task SeedMeetingsAsync(string fairId, int day, (string BuyerId, string ProducerId, int Slot, string Then)[] meetings)
    {
        var fair = (await grains.GetGrain<IFairGrain>(fairId).GetAsync())!;
        var book = grains.GetGrain<IMeetingsGrain>(fairId);
        var tz = fair.Details.TimeZone;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(tz);
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fair.Details.StartsAt, zone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fair.Details.EndsAt, zone).DateTime);
        var date = first.AddDays(day);
        if (await book.GetHoursAsync() is null)
        {
            await book.SetHoursAsync(new MatchingHours([new MatchingDay(date, new TimeOnly(8, 0), new TimeOnly(11, 0))], 20, 24 * 60), tz, first, last);
        }

        if (!(await book.ListAsync(null, null)).IsEmpty) return;
        var floor = await grains.GetGrain<IFairGrain>(fairId).GetFloorAsync();
        foreach (var (buyerId, producerId, slot, then) in meetings)
        {
            var booth = floor.Booths.Where(b => b.ProducerId == producerId).Select(b => b.Code).Order(StringComparer.Ordinal).FirstOrDefault();
            var place = booth is not null ? new MeetingPlace(booth, null, Domain.MeetingRules.DefaultBoothPlaces) : new MeetingPlace(null, "T-" + producerId, 1);
            var kind = Buyers.First(b => b.BuyerId == buyerId).Profile.Kind;
            var startsAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(8, 0)), zone.GetUtcOffset(date.ToDateTime(new TimeOnly(8, 0)))).AddMinutes(20 * slot);
            var m = await book.RequestAsync(new MeetingParties(buyerId, kind, producerId, place), startsAt, "Trao đổi về sản lượng và giá cho năm tới.", tz);
            _ = then switch
            {
                "Accept" => await book.AcceptAsync(m.MeetingId, MeetingSide.Producer, producerId),
                "Decline" => await book.DeclineAsync(m.MeetingId, MeetingSide.Producer, producerId, "Sản phẩm chưa đáp ứng số lượng bên mua cần."),
                "Cancel" => await book.CancelAsync(m.MeetingId, MeetingSide.Buyer, buyerId, "Đổi lịch công tác."),
                "Propose" => await book.ProposeAsync(m.MeetingId, MeetingSide.Producer, producerId, startsAt.AddMinutes(20), tz),
                _ => m,
            };
        }
    }
}
