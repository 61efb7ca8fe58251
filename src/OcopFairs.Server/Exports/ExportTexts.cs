using System.Collections.Immutable;
using System.Globalization;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Server.Exports;

/// <summary>The Vietnamese words of the exports: document kinds, statuses, buyer kinds, groups and units as reports write them.</summary>
public static class ExportTexts
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Kind(DealKind kind) => kind switch
    {
        DealKind.Memorandum => "Biên bản ghi nhớ",
        DealKind.CooperationAgreement => "Thỏa thuận hợp tác",
        DealKind.ConsumptionContract => "Hợp đồng tiêu thụ",
        _ => kind.ToString(),
    };

    public static string Status(DealStatus status) => status switch
    {
        DealStatus.Draft => "Bản nháp",
        DealStatus.Proposed => "Chờ ký",
        DealStatus.Signed => "Đã ký",
        DealStatus.Active => "Đang hiệu lực",
        DealStatus.Cancelled => "Đã hủy",
        _ => status.ToString(),
    };

    public static string Delivery(DeliveryStatus? status) => status switch
    {
        DeliveryStatus.Delivering => "Đang giao",
        DeliveryStatus.Fulfilled => "Đã hoàn thành",
        DeliveryStatus.Lapsed => "Không thực hiện",
        _ => "Chưa báo cáo",
    };

    public static string Side(MeetingSide side) => side == MeetingSide.Producer ? "Bên bán" : "Bên mua";

    public static string BuyerKind(BuyerKind kind) => kind switch
    {
        Abstractions.BuyerKind.Supermarket => "Siêu thị",
        Abstractions.BuyerKind.CleanFoodStore => "Cửa hàng thực phẩm sạch",
        Abstractions.BuyerKind.Exporter => "Doanh nghiệp xuất khẩu",
        Abstractions.BuyerKind.ECommerce => "Thương mại điện tử",
        Abstractions.BuyerKind.Distributor => "Nhà phân phối",
        Abstractions.BuyerKind.Restaurant => "Nhà hàng, khách sạn",
        _ => "Khác",
    };

    public static string Group(ProductGroup group) => group switch
    {
        ProductGroup.Food => "Thực phẩm",
        ProductGroup.Beverages => "Đồ uống",
        ProductGroup.Herbal => "Thảo dược",
        ProductGroup.Handicrafts => "Thủ công mỹ nghệ, trang trí",
        ProductGroup.Ornamental => "Sinh vật cảnh",
        ProductGroup.Tourism => "Dịch vụ du lịch cộng đồng",
        _ => group.ToString(),
    };

    public static string Unit(string? code) => (Units.Canonical(code) ?? code) switch
    {
        null => "",
        "yen" => "yến",
        "ta" => "tạ",
        "tan" => "tấn",
        "l" => "lít",
        "box" => "hộp",
        "bottle" => "chai",
        "pack" => "gói",
        "piece" => "quả",
        "head" => "con",
        var other => other,
    };

    /// <summary>A bucket key as the report names it: the kind, group or buyer kind in Vietnamese, a district or market as is.</summary>
    public static string Key(string key) =>
        key == DealReports.Unknown ? "Chưa xác định"
        : Enum.TryParse<DealKind>(key, out var kind) ? Kind(kind)
        : Enum.TryParse<ProductGroup>(key, out var group) ? Group(group)
        : Enum.TryParse<Abstractions.BuyerKind>(key, out var buyer) ? BuyerKind(buyer)
        : key.StartsWith("vn:", StringComparison.Ordinal) ? key[3..]
        : key.StartsWith("export:", StringComparison.Ordinal) ? $"Xuất khẩu: {key[7..]}"
        : key;

    public static string Market(DealMarket? market) => market is null ? "" : market.Export ? $"Xuất khẩu: {market.Name}" : market.Name;

    /// <summary>Quantities in units other than mass, as "10.000 quả; 3.000 lít" (never added into tonnes).</summary>
    public static string OtherUnits(ImmutableDictionary<string, decimal>? units) =>
        string.Join("; ", (units ?? ImmutableDictionary<string, decimal>.Empty).Where(kv => kv.Value != 0).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Value.ToString("#,##0.###", Vietnamese)} {Unit(kv.Key)}"));

    /// <summary>A deal's lines in one cell: "Cam Cao Phong 2 tấn × 3 tháng; Nước cam 100 chai".</summary>
    public static string Lines(DealTerms terms) =>
        string.Join("; ", (terms.Lines.IsDefault ? [] : terms.Lines).Select(l =>
            $"{l.ProductName} {l.Quantity.ToString("#,##0.###", Vietnamese)} {Unit(l.Unit)}" + (l.Months is { } m ? $"/tháng × {m} tháng" : "")));
}
