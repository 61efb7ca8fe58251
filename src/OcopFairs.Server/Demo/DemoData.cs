using OcopFairs.Abstractions;

namespace OcopFairs.Server.Demo;

/// <summary>
/// Hoa Binh producers and products as reported in the province's OCOP news (see shared DOMAIN.md). Certificate numbers
/// are illustrative; names, districts, communes, stars and certifications follow the reports.
/// </summary>
public static class DemoData
{
    public const string Password = "Demo@12345";
    public const string FairId = "hoa-binh-ocop-fair";

    /// <summary>The second demo fair: a business-matching conference whose organiser allocates the booths.</summary>
    public const string MatchingFairId = "hoa-binh-ket-noi-giao-thuong";

    /// <summary>
    /// A demo fair: its details (dates relative to the day it is seeded), floor, applications (producer, the state the
    /// organiser leaves it in, a rejection reason) and the booths the organiser gives to approved exhibitors.
    /// </summary>
    public sealed record DemoFair(
        string FairId, string Name, string Venue, int StartsInDays, int Days, AllocationMode Mode, int BoothsPerProducer,
        (Zone Zone, int Booths)[] Zones,
        (string ProducerId, ApplicationStatus Status, string? Reason)[] Applications,
        (string Booth, string ProducerId)[] Assignments,
        string[] Blocked);

    public sealed record DemoProducer(string ProducerId, string Email, ProducerProfile Profile, Product[] Products);

    /// <summary>
    /// A recognition date this many months before the day the demo is seeded. Certificates run 36 months, so the demo
    /// stays eligible for its fairs (a month or two ahead) whenever it is run; Hợp Tiến's honey is close to lapsing.
    /// </summary>
    private static DateOnly MonthsAgo(int months) => DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-months);

    private static Product P(string id, string name, ProductGroup group, string sub, int stars, string cert, CertificateLevel level, DateOnly certified, params string[] certs) =>
        new(id, name, group, sub, "QD148-2023", stars, cert, level, certified, certified.AddMonths(36), [.. certs]);

    public static readonly DemoProducer[] Producers =
    [
        new("p-demo-3t-cao-phong", "producer1@demo.ocop",
            new ProducerProfile("Hợp tác xã Nông nghiệp 3T Cao Phong", ProducerKind.Cooperative, "Hòa Bình", "Cao Phong", "Cao Phong", "VN-HB-CP-001", "0218 3880 101", "producer1@demo.ocop",
                "Cam Cao Phong trồng theo tiêu chuẩn VietGAP; hộp quà cam cao cấp."),
            [
                P("pr-3t-orange-gift", "Hộp quà cam Cao Phong cao cấp", ProductGroup.Food, "FreshProduce", 4, "HB-OCOP-4S-2024-011", CertificateLevel.Province, MonthsAgo(30), "VietGAP"),
                P("pr-3t-orange", "Cam Cao Phong VietGAP", ProductGroup.Food, "FreshProduce", 3, "HB-OCOP-3S-2024-035", CertificateLevel.Province, MonthsAgo(30), "VietGAP"),
            ]),
        new("p-demo-ha-phong", "producer2@demo.ocop",
            new ProducerProfile("Hợp tác xã Hà Phong", ProducerKind.Cooperative, "Hòa Bình", "Cao Phong", "Cao Phong", null, "0218 3880 102", "producer2@demo.ocop",
                "Nước cam lên men, cam quả, nước ép cam và rượu cam Cao Phong."),
            [
                P("pr-hp-fermented-juice", "Nước cam lên men Hà Phong", ProductGroup.Beverages, "NonAlcoholic", 4, "HB-OCOP-4S-2024-014", CertificateLevel.Province, MonthsAgo(27)),
                P("pr-hp-orange", "Cam Hà Phong", ProductGroup.Food, "FreshProduce", 4, "HB-OCOP-4S-2024-015", CertificateLevel.Province, MonthsAgo(27), "VietGAP"),
                P("pr-hp-juice", "Nước ép cam Hà Phong", ProductGroup.Beverages, "NonAlcoholic", 3, "HB-OCOP-3S-2024-052", CertificateLevel.Province, MonthsAgo(27)),
                P("pr-hp-wine", "Rượu cam Hà Phong", ProductGroup.Beverages, "Alcoholic", 3, "HB-OCOP-3S-2024-053", CertificateLevel.Province, MonthsAgo(27)),
            ]),
        new("p-demo-kim-boi-green", "producer3@demo.ocop",
            new ProducerProfile("Hợp tác xã Nông nghiệp Xanh Kim Bôi", ProducerKind.Cooperative, "Hòa Bình", "Kim Bôi", "Du Sáng", null, "0218 3880 103", "producer3@demo.ocop",
                "Bưởi Diễn trồng tại xã Du Sáng."),
            [P("pr-kb-pomelo", "Bưởi Diễn Du Sáng", ProductGroup.Food, "FreshProduce", 3, "HB-OCOP-3S-2025-008", CertificateLevel.Province, MonthsAgo(20), "VietGAP")]),
        new("p-demo-hop-tien", "producer4@demo.ocop",
            new ProducerProfile("Hợp tác xã Hợp Tiến", ProducerKind.Cooperative, "Hòa Bình", "Kim Bôi", "Kim Bôi", null, "0218 3880 104", "producer4@demo.ocop",
                "Mật ong rừng Kim Bôi."),
            [P("pr-ht-honey", "Mật ong rừng Hợp Tiến", ProductGroup.Food, "Processed", 3, "HB-OCOP-3S-2024-003", CertificateLevel.Province, MonthsAgo(34))]),
        new("p-demo-yen-tri", "producer5@demo.ocop",
            new ProducerProfile("Hợp tác xã Nông nghiệp Yên Trị", ProducerKind.Cooperative, "Hòa Bình", "Yên Thủy", "Yên Trị", null, "0218 3880 105", "producer5@demo.ocop",
                "Cao dược liệu từ cây thuốc trồng tưới nhỏ giọt; doanh thu 250–300 triệu đồng/ha/năm."),
            [P("pr-yt-herbal-extract", "Cao dược liệu Yên Trị", ProductGroup.Herbal, "HerbalProducts", 3, "HB-OCOP-3S-2024-071", CertificateLevel.Province, MonthsAgo(25))]),
        new("p-demo-muong-pa", "producer6@demo.ocop",
            new ProducerProfile("Hợp tác xã Chăn nuôi lợn đen Mường Pa", ProducerKind.Cooperative, "Hòa Bình", "Mai Châu", "Bao La", null, "0218 3880 106", "producer6@demo.ocop",
                "Lợn đen bản địa, liên kết với 147 hộ vệ tinh."),
            [P("pr-mp-black-pig", "Thịt lợn đen Mường Pa", ProductGroup.Food, "FreshProduce", 3, "HB-OCOP-3S-2025-019", CertificateLevel.Province, MonthsAgo(19))]),
        new("p-demo-minh-trung", "producer7@demo.ocop",
            new ProducerProfile("Công ty CP Tập đoàn Minh Trung Việt Nam – Chi nhánh Hòa Bình", ProducerKind.Enterprise, "Hòa Bình", "Lương Sơn", "Lương Sơn", null, "0218 3880 107", "producer7@demo.ocop",
                "Cháo sen Bát Bảo, 40 tấn xuất khẩu sang Nhật Bản."),
            [P("pr-mt-lotus-porridge", "Cháo sen Bát Bảo", ProductGroup.Food, "Processed", 4, "HB-OCOP-4S-2024-022", CertificateLevel.Province, MonthsAgo(28), "HACCP", "ISO 22000")]),
        new("p-demo-da-bac-honey", "producer8@demo.ocop",
            new ProducerProfile("Hợp tác xã Mật ong rừng Đà Bắc", ProducerKind.Cooperative, "Hòa Bình", "Đà Bắc", "Tân Minh", null, "0218 3880 108", "producer8@demo.ocop",
                "Mật ong rừng khai thác tự nhiên trên núi Đà Bắc, không pha trộn; bán tại hội chợ và trên các sàn thương mại điện tử.",
                [
                    new ShopLink("Postmart", "https://postmart.vn/gian-hang/mat-ong-rung-da-bac"),
                    new ShopLink("Shopee", "https://shopee.vn/matongrungdabac"),
                    new ShopLink("Website", "https://matongdabac.example.vn"),
                ]),
            [P("pr-db-forest-honey", "Mật ong rừng Đà Bắc", ProductGroup.Food, "Processed", 4, "HB-OCOP-4S-2025-031", CertificateLevel.Province, MonthsAgo(14), "VietGAP")]),
    ];

    /// <summary>About 60 booths in zones by product group.</summary>
    public static readonly (Zone Zone, int Booths)[] FloorZones =
    [
        (new Zone("A", "Thực phẩm", [ProductGroup.Food], "Food"), 20),
        (new Zone("B", "Đồ uống", [ProductGroup.Beverages], "Beverages"), 12),
        (new Zone("C", "Thảo dược", [ProductGroup.Herbal], "Herbal products"), 10),
        (new Zone("D", "Thủ công mỹ nghệ", [ProductGroup.Handicrafts], "Handicrafts"), 10),
        (new Zone("E", "Sinh vật cảnh", [ProductGroup.Ornamental], "Ornamentals"), 4),
        (new Zone("F", "Du lịch cộng đồng", [ProductGroup.Tourism], "Community tourism"), 4),
    ];

    /// <summary>
    /// The provincial fair, first come, first served: applications in several states so the review queue is populated;
    /// booths given by the organiser to approved exhibitors only (each in a zone that takes its groups, within the
    /// fair's two booths per producer), so the map shows who is where.
    /// </summary>
    public static readonly DemoFair ProvincialFair = new(
        FairId, "Hội chợ OCOP Hòa Bình", "Quảng trường Hòa Bình, TP. Hòa Bình", 30, 4, AllocationMode.FirstCome, 2, FloorZones,
        [
            ("p-demo-3t-cao-phong", ApplicationStatus.Approved, null),
            ("p-demo-ha-phong", ApplicationStatus.Approved, null),
            ("p-demo-minh-trung", ApplicationStatus.Approved, null),
            ("p-demo-da-bac-honey", ApplicationStatus.Approved, null),
            ("p-demo-kim-boi-green", ApplicationStatus.Submitted, null),
            ("p-demo-yen-tri", ApplicationStatus.Submitted, null),
            ("p-demo-hop-tien", ApplicationStatus.Waitlisted, null),
            ("p-demo-muong-pa", ApplicationStatus.Rejected, "Thiếu giấy chứng nhận an toàn thực phẩm cho khu ẩm thực."),
        ],
        [("A01", "p-demo-3t-cao-phong"), ("A11", "p-demo-minh-trung"), ("B01", "p-demo-ha-phong"), ("A05", "p-demo-da-bac-honey")],
        ["F04"]);

    /// <summary>
    /// The business-matching conference, where the organiser allocates the booths (the allocation page has approved
    /// exhibitors to place); an application in every state, none placed yet.
    /// </summary>
    public static readonly DemoFair MatchingFair = new(
        MatchingFairId, "Hội nghị kết nối giao thương sản phẩm OCOP Hòa Bình", "Trung tâm Hội nghị tỉnh, TP. Hòa Bình", 45, 2,
        AllocationMode.Organiser, 1,
        [
            (new Zone("A", "Thực phẩm", [ProductGroup.Food], "Food"), 8),
            (new Zone("B", "Đồ uống", [ProductGroup.Beverages], "Beverages"), 4),
            (new Zone("C", "Thảo dược", [ProductGroup.Herbal], "Herbal products"), 4),
        ],
        [
            ("p-demo-3t-cao-phong", ApplicationStatus.Approved, null),
            ("p-demo-ha-phong", ApplicationStatus.Approved, null),
            ("p-demo-kim-boi-green", ApplicationStatus.Approved, null),
            ("p-demo-hop-tien", ApplicationStatus.Submitted, null),
            ("p-demo-yen-tri", ApplicationStatus.Waitlisted, null),
            ("p-demo-muong-pa", ApplicationStatus.Rejected, "Sản phẩm chưa đáp ứng yêu cầu truy xuất nguồn gốc của bên mua."),
            ("p-demo-minh-trung", ApplicationStatus.Withdrawn, null),
        ],
        [],
        []);

    public static readonly DemoFair[] Fairs = [ProvincialFair, MatchingFair];
}
