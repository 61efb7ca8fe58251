using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Server.Exports;

/// <summary>
/// The fair's deals and results report as files for the province's spreadsheets. CSV: UTF-8 with a byte-order mark
/// (so Excel reads Vietnamese), comma-separated, Vietnamese headers, dates dd/MM/yyyy, VND as whole đồng without
/// separators and tonnes with the decimal comma, as a Vietnamese Excel reads numbers. XLSX: numbers stay numbers
/// (VND shown <c>#,##0</c>, tonnes <c>#,##0.###</c>) and dates stay dates, so the sheet can be summed and filtered.
/// </summary>
public static class DealSheets
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string VndFormat = "#,##0";
    public const string TonnesFormat = "#,##0.###";
    public const string DateFormat = "dd/MM/yyyy";

    public static readonly CsvConfiguration CsvConfig = new(ExportTexts.Vietnamese) { Delimiter = "," };

    /// <summary>One row per deal.</summary>
    public sealed class DealRow
    {
        [Name("Mã giao dịch"), ExcelColumn(Name = "Mã giao dịch", Width = 24)] public string DealId { get; set; } = "";
        [Name("Loại văn bản"), ExcelColumn(Name = "Loại văn bản", Width = 22)] public string Kind { get; set; } = "";
        [Name("Trạng thái"), ExcelColumn(Name = "Trạng thái", Width = 16)] public string Status { get; set; } = "";
        [Name("Ngày ký"), Format(DateFormat), ExcelColumn(Name = "Ngày ký", Format = DateFormat, Width = 12)] public DateTime? SignedOn { get; set; }
        [Name("Hiệu lực từ"), Format(DateFormat), ExcelColumn(Name = "Hiệu lực từ", Format = DateFormat, Width = 12)] public DateTime? ValidFrom { get; set; }
        [Name("Hiệu lực đến"), Format(DateFormat), ExcelColumn(Name = "Hiệu lực đến", Format = DateFormat, Width = 12)] public DateTime? ValidTo { get; set; }
        [Name("Bên bán"), ExcelColumn(Name = "Bên bán", Width = 32)] public string Producer { get; set; } = "";
        [Name("Huyện"), ExcelColumn(Name = "Huyện", Width = 16)] public string District { get; set; } = "";
        [Name("Tỉnh"), ExcelColumn(Name = "Tỉnh", Width = 14)] public string Province { get; set; } = "";
        [Name("Bên mua"), ExcelColumn(Name = "Bên mua", Width = 32)] public string Buyer { get; set; } = "";
        [Name("Loại bên mua"), ExcelColumn(Name = "Loại bên mua", Width = 22)] public string BuyerKind { get; set; } = "";
        [Name("Thị trường"), ExcelColumn(Name = "Thị trường", Width = 18)] public string Market { get; set; } = "";
        [Name("Sản phẩm"), ExcelColumn(Name = "Sản phẩm", Width = 48)] public string Products { get; set; } = "";
        [Name("Sản lượng (tấn)"), Format("0.###"), ExcelColumn(Name = "Sản lượng (tấn)", Format = TonnesFormat, Width = 14)] public decimal Tonnes { get; set; }
        [Name("Đơn vị khác"), ExcelColumn(Name = "Đơn vị khác", Width = 24)] public string OtherUnits { get; set; } = "";
        [Name("Giá trị (đồng)"), Format("0"), ExcelColumn(Name = "Giá trị (đồng)", Format = VndFormat, Width = 18)] public decimal Vnd { get; set; }
        [Name("Phiên bản"), ExcelColumn(Name = "Phiên bản", Width = 10)] public int Version { get; set; }
    }

    /// <summary>One row per line of a deal (the XLSX's second sheet).</summary>
    public sealed class LineRow
    {
        [ExcelColumn(Name = "Mã giao dịch", Width = 24)] public string DealId { get; set; } = "";
        [ExcelColumn(Name = "Loại văn bản", Width = 22)] public string Kind { get; set; } = "";
        [ExcelColumn(Name = "Bên bán", Width = 32)] public string Producer { get; set; } = "";
        [ExcelColumn(Name = "Bên mua", Width = 32)] public string Buyer { get; set; } = "";
        [ExcelColumn(Name = "Sản phẩm", Width = 32)] public string Product { get; set; } = "";
        [ExcelColumn(Name = "Nhóm sản phẩm", Width = 24)] public string Group { get; set; } = "";
        [ExcelColumn(Name = "Số lượng", Format = TonnesFormat, Width = 12)] public decimal Quantity { get; set; }
        [ExcelColumn(Name = "Đơn vị", Width = 10)] public string Unit { get; set; } = "";
        [ExcelColumn(Name = "Số tháng", Width = 10)] public int? Months { get; set; }
        [ExcelColumn(Name = "Đơn giá (đồng)", Format = VndFormat, Width = 16)] public decimal UnitPriceVnd { get; set; }
        [ExcelColumn(Name = "Thành tiền (đồng)", Format = VndFormat, Width = 18)] public decimal Vnd { get; set; }
        [ExcelColumn(Name = "Sản lượng (tấn)", Format = TonnesFormat, Width = 14)] public decimal Tonnes { get; set; }
    }

    /// <summary>One bucket of the report (a kind, district, group or buyer kind), and the totals row.</summary>
    public sealed class BucketRow
    {
        [ExcelColumn(Name = "Nhóm", Width = 32)] public string Name { get; set; } = "";
        [ExcelColumn(Name = "Số văn bản", Width = 12)] public int Deals { get; set; }
        [ExcelColumn(Name = "Giá trị (đồng)", Format = VndFormat, Width = 20)] public decimal Vnd { get; set; }
        [ExcelColumn(Name = "Sản lượng (tấn)", Format = TonnesFormat, Width = 16)] public decimal Tonnes { get; set; }
        [ExcelColumn(Name = "Đơn vị khác", Width = 32)] public string OtherUnits { get; set; } = "";
    }

    /// <summary>The headline figures, as a province writes them: how many of each document, the value, the tonnes.</summary>
    public sealed class SummaryRow
    {
        [ExcelColumn(Name = "Chỉ tiêu", Width = 36)] public string Name { get; set; } = "";
        [ExcelColumn(Name = "Số liệu", Format = TonnesFormat, Width = 22)] public decimal? Value { get; set; }
        [ExcelColumn(Name = "Ghi chú", Width = 40)] public string Note { get; set; } = "";
    }

    public sealed class TopRow
    {
        [ExcelColumn(Name = "Thứ tự", Width = 8)] public int Rank { get; set; }
        [ExcelColumn(Name = "Mã giao dịch", Width = 24)] public string DealId { get; set; } = "";
        [ExcelColumn(Name = "Loại văn bản", Width = 22)] public string Kind { get; set; } = "";
        [ExcelColumn(Name = "Bên bán", Width = 32)] public string Producer { get; set; } = "";
        [ExcelColumn(Name = "Huyện", Width = 16)] public string District { get; set; } = "";
        [ExcelColumn(Name = "Bên mua", Width = 32)] public string Buyer { get; set; } = "";
        [ExcelColumn(Name = "Loại bên mua", Width = 22)] public string BuyerKind { get; set; } = "";
        [ExcelColumn(Name = "Giá trị (đồng)", Format = VndFormat, Width = 20)] public decimal Vnd { get; set; }
        [ExcelColumn(Name = "Sản lượng (tấn)", Format = TonnesFormat, Width = 16)] public decimal Tonnes { get; set; }
        [ExcelColumn(Name = "Đơn vị khác", Width = 24)] public string OtherUnits { get; set; } = "";
        [ExcelColumn(Name = "Ngày ký", Format = DateFormat, Width = 12)] public DateTime? SignedOn { get; set; }
    }

    public sealed class CheckpointRow
    {
        [ExcelColumn(Name = "Mốc (tháng)", Width = 12)] public int AtMonths { get; set; }
        [ExcelColumn(Name = "Bên báo cáo", Width = 12)] public string Side { get; set; } = "";
        [ExcelColumn(Name = "Đang giao", Width = 12)] public int Delivering { get; set; }
        [ExcelColumn(Name = "Đã hoàn thành", Width = 14)] public int Fulfilled { get; set; }
        [ExcelColumn(Name = "Không thực hiện", Width = 16)] public int Lapsed { get; set; }
        [ExcelColumn(Name = "Chưa báo cáo", Width = 14)] public int NotReported { get; set; }
        [ExcelColumn(Name = "Đã giao (tấn)", Format = TonnesFormat, Width = 14)] public decimal TonnesDelivered { get; set; }
        [ExcelColumn(Name = "Đã ký (tấn)", Format = TonnesFormat, Width = 14)] public decimal TonnesSigned { get; set; }
    }

    public sealed class FulfilmentRowSheet
    {
        [ExcelColumn(Name = "Mã giao dịch", Width = 24)] public string DealId { get; set; } = "";
        [ExcelColumn(Name = "Loại văn bản", Width = 22)] public string Kind { get; set; } = "";
        [ExcelColumn(Name = "Bên bán", Width = 32)] public string Producer { get; set; } = "";
        [ExcelColumn(Name = "Bên mua", Width = 32)] public string Buyer { get; set; } = "";
        [ExcelColumn(Name = "Giá trị đã ký (đồng)", Format = VndFormat, Width = 20)] public decimal Vnd { get; set; }
        [ExcelColumn(Name = "Đã ký (tấn)", Format = TonnesFormat, Width = 14)] public decimal Tonnes { get; set; }
        [ExcelColumn(Name = "Đã ký (đơn vị khác)", Width = 24)] public string OtherUnits { get; set; } = "";
        [ExcelColumn(Name = "3 tháng – bên bán", Width = 30)] public string Producer3 { get; set; } = "";
        [ExcelColumn(Name = "3 tháng – bên mua", Width = 30)] public string Buyer3 { get; set; } = "";
        [ExcelColumn(Name = "6 tháng – bên bán", Width = 30)] public string Producer6 { get; set; } = "";
        [ExcelColumn(Name = "6 tháng – bên mua", Width = 30)] public string Buyer6 { get; set; } = "";
    }

    public static DealRow Row(Deal deal, TimeZoneInfo zone) => new()
    {
        DealId = deal.DealId,
        Kind = ExportTexts.Kind(deal.Terms.Kind),
        Status = ExportTexts.Status(deal.Status),
        SignedOn = LocalDate(deal.SignedAt, zone),
        ValidFrom = deal.Terms.ValidFrom?.ToDateTime(TimeOnly.MinValue),
        ValidTo = deal.Terms.ValidTo?.ToDateTime(TimeOnly.MinValue),
        Producer = deal.Parties.ProducerName,
        District = deal.Parties.District ?? "",
        Province = deal.Parties.Province ?? "",
        Buyer = deal.Parties.BuyerOrganisation,
        BuyerKind = ExportTexts.BuyerKind(deal.Parties.BuyerKind),
        Market = ExportTexts.Market(deal.Terms.Market),
        Products = ExportTexts.Lines(deal.Terms),
        Tonnes = deal.Totals.Tonnes,
        OtherUnits = ExportTexts.OtherUnits(deal.Totals.OtherUnits),
        Vnd = deal.Totals.Vnd,
        Version = deal.Version,
    };

    public static byte[] DealsCsv(IEnumerable<Deal> deals, TimeZoneInfo zone)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CsvConfig))
        {
            csv.WriteRecords(deals.Select(d => Row(d, zone)));
        }

        return stream.ToArray();
    }

    public static byte[] DealsXlsx(IReadOnlyList<Deal> deals, TimeZoneInfo zone)
    {
        var lines = deals.SelectMany(d => (d.Terms.Lines.IsDefault ? [] : d.Terms.Lines).Select(l =>
        {
            var totals = DealReports.LineTotals([l]);
            return new LineRow
            {
                DealId = d.DealId, Kind = ExportTexts.Kind(d.Terms.Kind), Producer = d.Parties.ProducerName, Buyer = d.Parties.BuyerOrganisation,
                Product = l.ProductName, Group = ExportTexts.Group(l.Group), Quantity = l.Quantity, Unit = ExportTexts.Unit(l.Unit),
                Months = l.Months, UnitPriceVnd = l.UnitPriceVnd, Vnd = totals.Vnd, Tonnes = totals.Tonnes,
            };
        })).ToList();
        return Xlsx(new Dictionary<string, object>
        {
            ["Giao dịch"] = deals.Select(d => Row(d, zone)).ToList(),
            ["Dòng hàng"] = lines,
        });
    }

    public static byte[] ReportXlsx(DealReport report, TimeZoneInfo zone)
    {
        List<BucketRow> Buckets(IEnumerable<ReportBucket> buckets, bool withTotal = true) =>
        [
            .. buckets.Select(b => Bucket(ExportTexts.Key(b.Key), b)),
            .. withTotal ? [Bucket("Tổng cộng", report.Totals)] : Array.Empty<BucketRow>(),
        ];

        string Reported(FulfilmentRow row, int months, MeetingSide side) =>
            row.Reports.FirstOrDefault(r => r.AtMonths == months && r.Side == side) is not { } r ? ExportTexts.Delivery(null)
            : ExportTexts.Delivery(r.Status) + (r.QuantityDelivered is { } q
                ? $": {q.ToString("#,##0.###", ExportTexts.Vietnamese)}" + (r.QuantitySigned is { } s ? $"/{s.ToString("#,##0.###", ExportTexts.Vietnamese)}" : "") + $" {ExportTexts.Unit(r.Unit)}"
                : "");

        int Count(DealKind kind) => report.ByKind.FirstOrDefault(b => b.Key == kind.ToString())?.Deals ?? 0;
        List<SummaryRow> summary =
        [
            .. Enum.GetValues<DealKind>().Select(k => new SummaryRow { Name = $"Số {ExportTexts.Kind(k).ToLower(ExportTexts.Vietnamese)}", Value = Count(k) }),
            new() { Name = "Tổng số văn bản đã ký", Value = report.Totals.Deals },
            new() { Name = "Tổng giá trị (đồng)", Value = report.Totals.Vnd },
            new() { Name = "Tổng giá trị (tỷ đồng)", Value = decimal.Round(report.Totals.Vnd / 1_000_000_000m, 3) },
            new() { Name = "Tổng khối lượng (tấn)", Value = report.Totals.Tonnes, Note = "Chỉ các đơn vị khối lượng (g, kg, yến, tạ, tấn)" },
            new() { Name = "Các đơn vị khác", Note = ExportTexts.OtherUnits(report.Totals.OtherUnits) },
        ];

        return Xlsx(new Dictionary<string, object>
        {
            ["Tổng hợp"] = summary,
            ["Theo loại văn bản"] = Buckets(report.ByKind),
            ["Theo huyện"] = Buckets(report.ByDistrict),
            // A deal with lines in two groups counts in both, so the groups' deal counts are not summed.
            ["Theo nhóm sản phẩm"] = Buckets(report.ByGroup, withTotal: false),
            ["Theo loại bên mua"] = Buckets(report.ByBuyerKind),
            ["Theo thị trường"] = Buckets(report.ByMarket),
            ["Giao dịch lớn nhất"] = report.Top.Select((d, i) => new TopRow
            {
                Rank = i + 1, DealId = d.DealId, Kind = ExportTexts.Kind(d.Kind), Producer = d.ProducerName, District = d.District ?? "",
                Buyer = d.BuyerOrganisation, BuyerKind = ExportTexts.BuyerKind(d.BuyerKind), Vnd = d.Vnd, Tonnes = d.Tonnes,
                OtherUnits = ExportTexts.OtherUnits(d.OtherUnits), SignedOn = LocalDate(d.SignedAt, zone),
            }).ToList(),
            ["Thực hiện (tổng hợp)"] = report.Fulfilment.Checkpoints.Select(c => new CheckpointRow
            {
                AtMonths = c.AtMonths, Side = ExportTexts.Side(c.Side), Delivering = c.Delivering, Fulfilled = c.Fulfilled, Lapsed = c.Lapsed,
                NotReported = c.NotReported, TonnesDelivered = c.TonnesDelivered, TonnesSigned = c.TonnesSigned,
            }).ToList(),
            ["Thực hiện (từng văn bản)"] = report.Fulfilment.Deals.Select(f => new FulfilmentRowSheet
            {
                DealId = f.Deal.DealId, Kind = ExportTexts.Kind(f.Deal.Kind), Producer = f.Deal.ProducerName, Buyer = f.Deal.BuyerOrganisation,
                Vnd = f.Deal.Vnd, Tonnes = f.Deal.Tonnes, OtherUnits = ExportTexts.OtherUnits(f.Deal.OtherUnits),
                Producer3 = Reported(f, 3, MeetingSide.Producer), Buyer3 = Reported(f, 3, MeetingSide.Buyer),
                Producer6 = Reported(f, 6, MeetingSide.Producer), Buyer6 = Reported(f, 6, MeetingSide.Buyer),
            }).ToList(),
        });
    }

    private static BucketRow Bucket(string name, ReportBucket b) =>
        new() { Name = name, Deals = b.Deals, Vnd = b.Vnd, Tonnes = b.Tonnes, OtherUnits = ExportTexts.OtherUnits(b.OtherUnits) };

    private static DateTime? LocalDate(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } t ? DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(t, zone).Date, DateTimeKind.Unspecified) : null;

    private static byte[] Xlsx(Dictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
