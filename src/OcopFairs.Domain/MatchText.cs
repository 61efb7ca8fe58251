using System.Globalization;
using OcopFairs.Abstractions;

namespace OcopFairs.Domain;

/// <summary>
/// Renders a <see cref="MatchReason"/> in the reader's language ("vi" or "en"), with the numbers behind it:
/// "cung 20 tấn/tháng ≥ cầu 15 tấn/tháng". Reasons are stored and pushed as codes and facts; only reading renders.
/// </summary>
public static class MatchText
{
    private static readonly NumberFormatInfo Vi = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };
    private static readonly NumberFormatInfo En = new() { NumberGroupSeparator = ",", NumberDecimalSeparator = "." };

    private static readonly Dictionary<string, (string Vi, string En)> UnitNames = new(StringComparer.Ordinal)
    {
        ["g"] = ("g", "g"), ["kg"] = ("kg", "kg"), ["yen"] = ("yến", "yến (10 kg)"), ["ta"] = ("tạ", "tạ (100 kg)"),
        ["tan"] = ("tấn", "tonnes"), ["ml"] = ("ml", "ml"), ["l"] = ("lít", "litres"), ["box"] = ("hộp", "boxes"),
        ["bottle"] = ("chai", "bottles"), ["pack"] = ("gói", "packs"), ["piece"] = ("quả", "pieces"), ["head"] = ("con", "head"),
    };

    private static readonly Dictionary<ProductGroup, (string Vi, string En)> GroupNames = new()
    {
        [ProductGroup.Food] = ("Thực phẩm", "Food"),
        [ProductGroup.Beverages] = ("Đồ uống", "Beverages"),
        [ProductGroup.Herbal] = ("Thảo dược", "Herbal products"),
        [ProductGroup.Handicrafts] = ("Thủ công mỹ nghệ", "Handicrafts"),
        [ProductGroup.Ornamental] = ("Sinh vật cảnh", "Ornamental plants and animals"),
        [ProductGroup.Tourism] = ("Du lịch cộng đồng", "Community tourism"),
    };

    public static string Render(MatchReason r, string language)
    {
        var vi = !string.Equals(language, "en", StringComparison.OrdinalIgnoreCase);
        string F(string key) => r.Facts.TryGetValue(key, out var v) ? v : "";
        string N(string key) => Amount(F(key), vi);
        string U(string key) => UnitNames.TryGetValue(F(key), out var u) ? (vi ? u.Vi : u.En) : F(key);
        string Group() => Enum.TryParse<ProductGroup>(F("group"), out var g) && GroupNames.TryGetValue(g, out var n) ? (vi ? n.Vi : n.En) : F("group");
        string Band() => (F("min"), F("max")) switch
        {
            ({ Length: > 0 }, { Length: > 0 }) => $"{N("min")}–{N("max")}",
            ({ Length: > 0 }, _) => vi ? $"từ {N("min")}" : $"from {N("min")}",
            (_, { Length: > 0 }) => vi ? $"đến {N("max")}" : $"up to {N("max")}",
            _ => "",
        };
        string Date(string key) => DateOnly.TryParseExact(F(key), "yyyy-MM-dd", out var d) ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : F(key);

        return (r.Code, vi) switch
        {
            ("keywords", true) => F("total") == "0" ? "Nhu cầu không nêu từ khóa" : $"Khớp {F("matched")}/{F("total")} từ khóa{Words(F("words"))}",
            ("keywords", false) => F("total") == "0" ? "The need names no keywords" : $"Matches {F("matched")} of {F("total")} keywords{Words(F("words"))}",
            ("group", true) => $"Đúng nhóm sản phẩm: {Group()}",
            ("group", false) => $"In a wanted product group: {Group()}",
            ("group.mismatch", true) => $"Nhóm {Group()} không nằm trong nhu cầu",
            ("group.mismatch", false) => $"Group {Group()} is not one the need takes",
            ("stars", true) => $"{F("stars")} sao OCOP ≥ tối thiểu {F("min")} sao",
            ("stars", false) => $"{F("stars")}-star OCOP ≥ the {F("min")} stars asked",
            ("stars.below", true) => $"{F("stars")} sao OCOP < tối thiểu {F("min")} sao",
            ("stars.below", false) => $"{F("stars")}-star OCOP < the {F("min")} stars asked",
            ("certifications.none", true) => "Không yêu cầu chứng nhận",
            ("certifications.none", false) => "No certification asked",
            ("certifications", true) => $"Có {F("count")}/{F("required")} chứng nhận yêu cầu" + (F("covered") is { Length: > 0 } c ? $": {c}" : "") + (F("missing") is { Length: > 0 } m ? $"; thiếu {m}" : ""),
            ("certifications", false) => $"Holds {F("count")} of {F("required")} certifications asked" + (F("covered") is { Length: > 0 } c2 ? $": {c2}" : "") + (F("missing") is { Length: > 0 } m2 ? $"; missing {m2}" : ""),
            ("capacity.none", true) => "Nhu cầu không nêu sản lượng",
            ("capacity.none", false) => "The need names no quantity",
            ("capacity", true) => $"cung {N("supply")} {U("unit")}/tháng ≥ cầu {N("demand")} {U("unit")}/tháng",
            ("capacity", false) => $"supplies {N("supply")} {U("unit")}/month ≥ the {N("demand")} {U("unit")}/month needed",
            ("capacity.short", true) => $"cung {N("supply")} {U("unit")}/tháng < cầu {N("demand")} {U("unit")}/tháng",
            ("capacity.short", false) => $"supplies {N("supply")} {U("unit")}/month < the {N("demand")} {U("unit")}/month needed",
            ("capacity.unknown", true) => $"Chưa rõ sản lượng (cầu {N("demand")} {U("unit")}/tháng)",
            ("capacity.unknown", false) => $"Capacity not given (need: {N("demand")} {U("unit")}/month)",
            ("capacity.incomparable", true) => $"Sản lượng tính theo {U("supplyUnit")}, không so được với {U("unit")}",
            ("capacity.incomparable", false) => $"Capacity is in {U("supplyUnit")}, which does not compare with {U("unit")}",
            ("price.none", true) => "Nhu cầu không nêu giá",
            ("price.none", false) => "The need names no price",
            ("price", true) => $"giá {Amount(F("priceMin"), vi)}–{Amount(F("priceMax"), vi)} ₫/{U("unit")} trong khoảng {Band()} ₫/{U("unit")}",
            ("price", false) => $"price VND {Amount(F("priceMin"), vi)}–{Amount(F("priceMax"), vi)}/{U("unit")} within VND {Band()}/{U("unit")}",
            ("price.outside", true) => $"giá {Amount(F("priceMin"), vi)}–{Amount(F("priceMax"), vi)} ₫/{U("unit")} ngoài khoảng {Band()} ₫/{U("unit")}",
            ("price.outside", false) => $"price VND {Amount(F("priceMin"), vi)}–{Amount(F("priceMax"), vi)}/{U("unit")} outside VND {Band()}/{U("unit")}",
            ("price.unknown", true) => "Chưa có giá để so",
            ("price.unknown", false) => "No price to compare",
            ("price.incomparable", true) => $"Giá tính theo đơn vị khác, không so được với ₫/{U("unit")}",
            ("price.incomparable", false) => $"Priced in another unit, which does not compare with VND/{U("unit")}",
            ("market.domestic", true) => "Thị trường trong nước",
            ("market.domestic", false) => "Domestic market",
            ("market.export", true) => $"Xuất khẩu ({F("markets")}): có mã số vùng trồng (PUC)",
            ("market.export", false) => $"Export ({F("markets")}): has a growing-area code (PUC)",
            ("market.exportNoPuc", true) => $"Xuất khẩu ({F("markets")}): chưa có mã số vùng trồng (PUC)",
            ("market.exportNoPuc", false) => $"Export ({F("markets")}): no growing-area code (PUC)",
            ("certificate", true) => $"Giấy chứng nhận OCOP còn hiệu lực đến {Date("expiresOn")}, qua ngày cuối hội chợ {Date("fairLastDay")}",
            ("certificate", false) => $"OCOP certificate valid until {Date("expiresOn")}, past the fair's last day {Date("fairLastDay")}",
            ("certificate.lapsed", true) => $"Giấy chứng nhận OCOP hết hiệu lực {Date("expiresOn")}, trước ngày cuối hội chợ {Date("fairLastDay")}",
            ("certificate.lapsed", false) => $"OCOP certificate lapses on {Date("expiresOn")}, before the fair's last day {Date("fairLastDay")}",
            _ => r.Code,
        };
    }

    private static string Words(string words) => words.Length > 0 ? $": {words}" : "";

    /// <summary>A number written the reader's way: 1.250.000 and 1,5 in Vietnamese; 1,250,000 and 1.5 in English.</summary>
    public static string Amount(string invariant, bool vi) =>
        decimal.TryParse(invariant, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
            ? d.ToString(d == decimal.Truncate(d) ? "#,0" : "#,0.###", vi ? Vi : En)
            : invariant;
}
