using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using Npgsql;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Infrastructure;
using OcopFairs.Server.Tests.Infrastructure;
using static OcopFairs.Server.Tests.Infrastructure.DealFixtures;

namespace OcopFairs.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class ExportsTests(ServerFixture fixture)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    /// <summary>
    /// A deal as the ledger stores it in <c>app.deals</c> (the shared contract of migration 0019): the row's columns
    /// and the deal and its board entry as jsonb, written with the server's JSON options.
    /// </summary>
    private async Task<Deal> StoreAsync(string fairId, DealStatus status, bool bothSigned, DealKind kind, string district, BuyerKind buyerKind,
        params DealLine[] lines)
    {
        var id = $"d-{Guid.NewGuid():N}"[..20];
        var signedAt = new DateTimeOffset(2027, 3, 2, 20, 30, 0, TimeSpan.Zero); // 03/03/2027 in Hà Nội
        var terms = new DealTerms(kind, [.. lines], "Giao tại kho bên mua", new DealMarket(false, "Hà Nội"), new DateOnly(2027, 3, 10), new DateOnly(2028, 3, 9));
        ImmutableArray<DealSignature> signatures = bothSigned
            ? [new(MeetingSide.Buyer, "u-b", 1, signedAt), new(MeetingSide.Producer, "u-p", 1, signedAt)]
            : [new(MeetingSide.Buyer, "u-b", 1, signedAt)];
        var deal = new Deal(id, fairId, new DealParties("p-" + id, "HTX Cam Cao Phong " + id[^4..], "Hòa Bình", district, "b-" + id, "Siêu thị Xanh " + id[^4..], buyerKind),
            null, 1, terms, DealReports.LineTotals(lines), status, signatures, MeetingSide.Buyer, signedAt.AddHours(-1), signedAt,
            bothSigned ? signedAt : null, null, [], false, false, 3);
        var counted = DealReports.Counted(deal);
        var board = new DealBoardEntry(id, fairId, 3, counted, kind, deal.Totals, ImmutableDictionary<ProductGroup, decimal>.Empty,
            ImmutableDictionary<ProductGroup, decimal>.Empty, district, buyerKind, terms.Market?.Key, deal.SignedAt);

        await using var db = new NpgsqlConnection(fixture.Database.ConnectionString);
        await db.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO app.deals (deal_id, fair_id, producer_id, buyer_id, kind, status, version, revision, counted, vnd, tonnes, signed_at, deal, board)
            VALUES ($1, $2, $3, $4, $5, $6, 1, 3, $7, $8, $9, $10, $11::jsonb, $12::jsonb)
            """, db)
        {
            Parameters =
            {
                new() { Value = id }, new() { Value = fairId }, new() { Value = deal.Parties.ProducerId }, new() { Value = deal.Parties.BuyerId },
                new() { Value = kind.ToString() }, new() { Value = status.ToString() }, new() { Value = counted }, new() { Value = deal.Totals.Vnd },
                new() { Value = deal.Totals.Tonnes }, new() { Value = (object?)deal.SignedAt ?? DBNull.Value },
                new() { Value = JsonSerializer.Serialize(deal, Json) }, new() { Value = JsonSerializer.Serialize(board, Json) },
            },
        };
        await insert.ExecuteNonQueryAsync();
        return deal;
    }

    private async Task<(HttpClient Organiser, string FairId, Deal Oranges, Deal Eggs)> FairWithDealsAsync()
    {
        var organiser = await fixture.OrganiserAsync();
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 2);
        var oranges = await StoreAsync(fairId, DealStatus.Signed, true, DealKind.ConsumptionContract, "Cao Phong", BuyerKind.Supermarket,
            new DealLine("pr-cam", "Cam Cao Phong", ProductGroup.Food, 2.5m, "tấn", 18_000_000, 6),
            new DealLine("pr-nuoc", "Nước cam", ProductGroup.Beverages, 1_200, "chai", 35_000, null));
        var eggs = await StoreAsync(fairId, DealStatus.Signed, true, DealKind.Memorandum, "Kim Bôi", BuyerKind.Exporter,
            new DealLine("pr-trung", "Trứng gà đồi", ProductGroup.Food, 10_000, "quả", 3_500, null));
        await StoreAsync(fairId, DealStatus.Cancelled, true, DealKind.ConsumptionContract, "Cao Phong", BuyerKind.Supermarket,
            new DealLine("pr-cam", "Cam Cao Phong", ProductGroup.Food, 9, "tấn", 18_000_000, null));
        await StoreAsync(fairId, DealStatus.Proposed, false, DealKind.ConsumptionContract, "Mai Châu", BuyerKind.Distributor,
            new DealLine("pr-lon", "Lợn đen", ProductGroup.Food, 700, "kg", 150_000, null));
        return (organiser, fairId, oranges, eggs);
    }

    [Fact]
    public async Task The_csv_holds_the_counted_deals_with_vietnamese_headers_dates_and_numbers()
    {
        var (organiser, fairId, oranges, eggs) = await FairWithDealsAsync();

        var response = await organiser.GetAsync($"api/fairs/{fairId}/exports/deals.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // Excel reads Vietnamese only with the BOM

        using var reader = new StringReader(new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3));
        using var csv = new CsvReader(reader, new CsvConfiguration(Vi) { Delimiter = "," });
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count); // the cancelled and the half-signed deals are not in it
        var row = rows.Single(r => (string)r["Mã giao dịch"] == oranges.DealId);
        Assert.Equal("Hợp đồng tiêu thụ", row["Loại văn bản"]);
        Assert.Equal("03/03/2027", row["Ngày ký"]);
        Assert.Equal("10/03/2027", row["Hiệu lực từ"]);
        Assert.Equal(oranges.Parties.ProducerName, row["Bên bán"]);
        Assert.Equal("Cao Phong", row["Huyện"]);
        Assert.Equal("Siêu thị", row["Loại bên mua"]);
        Assert.Equal("15", row["Sản lượng (tấn)"]); // 2,5 tấn a month for 6 months; bottles are not tonnes
        Assert.Equal("1.200 chai", row["Đơn vị khác"]);
        Assert.Equal("312000000", row["Giá trị (đồng)"]); // 2,5 × 18.000.000 × 6 + 1.200 × 35.000
        Assert.Equal(312_000_000m, decimal.Parse((string)row["Giá trị (đồng)"], Vi));
        var egg = rows.Single(r => (string)r["Mã giao dịch"] == eggs.DealId);
        Assert.Equal(("0", "10.000 quả"), (egg["Sản lượng (tấn)"], egg["Đơn vị khác"]));
    }

    [Fact]
    public async Task The_xlsx_keeps_numbers_and_dates_typed_and_lists_every_line()
    {
        var (organiser, fairId, oranges, _) = await FairWithDealsAsync();

        var response = await organiser.GetAsync($"api/fairs/{fairId}/exports/deals.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DealSheetsXlsx, response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(["Giao dịch", "Dòng hàng"], MiniExcel.GetSheetNames(stream));
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Giao dịch").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        var row = rows.Single(r => (string)r["Mã giao dịch"] == oranges.DealId);
        Assert.Equal(312_000_000d, Assert.IsType<double>(row["Giá trị (đồng)"]));
        Assert.Equal(15d, Assert.IsType<double>(row["Sản lượng (tấn)"]));
        Assert.Equal(new DateTime(2027, 3, 3), Assert.IsType<DateTime>(row["Ngày ký"]));
        Assert.Equal("Hợp đồng tiêu thụ", row["Loại văn bản"]);

        var lines = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Dòng hàng").Cast<IDictionary<string, object>>()
            .Where(r => (string)r["Mã giao dịch"] == oranges.DealId).ToList();
        Assert.Equal(["Cam Cao Phong", "Nước cam"], lines.Select(l => (string)l["Sản phẩm"]));
        Assert.Equal(270_000_000d, lines[0]["Thành tiền (đồng)"]);
        Assert.Equal(("chai", 0d), ((string)lines[1]["Đơn vị"], (double)lines[1]["Sản lượng (tấn)"]));
    }

    private const string DealSheetsXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task The_report_equals_a_recount_of_the_ledger_and_its_xlsx_holds_the_same_figures()
    {
        var (organiser, fairId, oranges, _) = await FairWithDealsAsync();

        var report = await (await organiser.GetAsync($"api/fairs/{fairId}/report")).ReadJsonAsync();
        await using var db = new NpgsqlConnection(fixture.Database.ConnectionString);
        await db.OpenAsync();
        await using var recount = new NpgsqlCommand("SELECT count(*), sum(vnd), sum(tonnes) FROM app.deals WHERE fair_id = $1 AND counted", db)
        {
            Parameters = { new() { Value = fairId } },
        };
        await using (var r = await recount.ExecuteReaderAsync())
        {
            await r.ReadAsync();
            var totals = report["totals"]!;
            Assert.Equal(r.GetInt64(0), totals["deals"]!.GetValue<long>());
            Assert.Equal(r.GetDecimal(1), totals["vnd"]!.GetValue<decimal>());
            Assert.Equal(r.GetDecimal(2), totals["tonnes"]!.GetValue<decimal>());
            Assert.Equal(10_000m, totals["otherUnits"]!["piece"]!.GetValue<decimal>());
        }

        var byKind = report["byKind"]!.AsArray();
        Assert.Equal(1, byKind.Single(b => b!["key"]!.GetValue<string>() == "Memorandum")!["deals"]!.GetValue<int>());
        Assert.Equal(oranges.DealId, report["top"]![0]!["dealId"]!.GetValue<string>());
        Assert.Equal(2, report["fulfilment"]!["deals"]!.AsArray().Count);

        using var stream = new MemoryStream(await (await organiser.GetAsync($"api/fairs/{fairId}/exports/report.xlsx")).Content.ReadAsByteArrayAsync());
        Assert.Equal(["Tổng hợp", "Theo loại văn bản", "Theo huyện", "Theo nhóm sản phẩm", "Theo loại bên mua", "Theo thị trường", "Giao dịch lớn nhất", "Thực hiện (tổng hợp)", "Thực hiện (từng văn bản)"],
            MiniExcel.GetSheetNames(stream));
        var summary = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Tổng hợp").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(1d, summary.Single(r => (string)r["Chỉ tiêu"] == "Số biên bản ghi nhớ")["Số liệu"]);
        Assert.Equal(2d, summary.Single(r => (string)r["Chỉ tiêu"] == "Tổng số văn bản đã ký")["Số liệu"]);
        Assert.Equal("1.200 chai; 10.000 quả", summary.Single(r => (string)r["Chỉ tiêu"] == "Các đơn vị khác")["Ghi chú"]);
        var kinds = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Theo loại văn bản").Cast<IDictionary<string, object>>().ToList();
        var total = kinds.Single(k => (string)k["Nhóm"] == "Tổng cộng");
        Assert.Equal((2d, (double)report["totals"]!["vnd"]!.GetValue<decimal>()), ((double)total["Số văn bản"], (double)total["Giá trị (đồng)"]));
        var districts = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Theo huyện").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(15d, districts.Single(d => (string)d["Nhóm"] == "Cao Phong")["Sản lượng (tấn)"]);
        var top = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Giao dịch lớn nhất").Cast<IDictionary<string, object>>().First();
        Assert.Equal(oranges.DealId, top["Mã giao dịch"]);
    }

    [Fact]
    public async Task A_deal_signed_through_the_api_is_in_the_csv_the_xlsx_and_the_report_with_its_follow_up()
    {
        var s = await NewAsync(fixture.Server, await fixture.OrganiserAsync());
        var dealId = (await CreatedAsync(s.Buyer.Http, s.Deals, s.Terms()))["dealId"]!.GetValue<string>();
        var draftOnly = (await CreatedAsync(s.Buyer.Http, s.Deals, s.Terms(riceKg: 900)))["dealId"]!.GetValue<string>();
        await OkAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "propose")));
        await OkAsync(PostAsync(s.Producer.Http, s.Deal(dealId, "sign"), new { version = 1 }));
        await OkAsync(PostAsync(s.Buyer.Http, s.Deal(dealId, "sign"), new { version = 1 }));
        await OkAsync(PostAsync(s.Producer.Http, s.Deal(dealId, "follow-ups"), new { atMonths = 3, status = "Delivering", quantityDelivered = 1.2m, unit = "tấn" }));

        var csvBytes = await (await s.Organiser.GetAsync($"api/fairs/{s.FairId}/exports/deals.csv")).Content.ReadAsByteArrayAsync();
        using (var reader = new StreamReader(new MemoryStream(csvBytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        using (var csv = new CsvReader(reader, new CsvConfiguration(Vi) { Delimiter = "," }))
        {
            var row = Assert.Single(csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>());
            Assert.Equal((dealId, "Hợp đồng tiêu thụ", "Đang hiệu lực"), ((string)row["Mã giao dịch"], (string)row["Loại văn bản"], (string)row["Trạng thái"]));
            Assert.Equal(("120000000", "3", "200 hộp", "Kim Bôi"), ((string)row["Giá trị (đồng)"], (string)row["Sản lượng (tấn)"], (string)row["Đơn vị khác"], (string)row["Huyện"]));
            Assert.Matches(@"^\d{2}/\d{2}/\d{4}$", (string)row["Ngày ký"]);
        }

        using var xlsx = new MemoryStream(await (await s.Organiser.GetAsync($"api/fairs/{s.FairId}/exports/deals.xlsx")).Content.ReadAsByteArrayAsync());
        var sheetRow = Assert.Single(MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Giao dịch").Cast<IDictionary<string, object>>());
        Assert.Equal((dealId, 120_000_000d, 3d), ((string)sheetRow["Mã giao dịch"], (double)sheetRow["Giá trị (đồng)"], (double)sheetRow["Sản lượng (tấn)"]));
        Assert.IsType<DateTime>(sheetRow["Ngày ký"]);

        var report = await OkAsync(s.Organiser.GetAsync($"api/fairs/{s.FairId}/report"));
        Assert.Equal((1, 120_000_000m, 3m), (report["totals"]!["deals"]!.GetValue<int>(), report["totals"]!["vnd"]!.GetValue<decimal>(), report["totals"]!["tonnes"]!.GetValue<decimal>()));
        var followUp = Assert.Single(report["fulfilment"]!["deals"]![0]!["reports"]!.AsArray())!;
        Assert.Equal(("Producer", "Delivering", 1.2m, 3m), (followUp["side"]!.GetValue<string>(), followUp["status"]!.GetValue<string>(),
            followUp["quantityDelivered"]!.GetValue<decimal>(), followUp["quantitySigned"]!.GetValue<decimal>()));
        var producer3 = report["fulfilment"]!["checkpoints"]!.AsArray().Single(c => c!["atMonths"]!.GetValue<int>() == 3 && c["side"]!.GetValue<string>() == "Producer")!;
        Assert.Equal((1, 1.2m), (producer3["delivering"]!.GetValue<int>(), producer3["tonnesDelivered"]!.GetValue<decimal>()));
        Assert.DoesNotContain(draftOnly, report.ToJsonString());

        await using var db = new NpgsqlConnection(fixture.Database.ConnectionString);
        await db.OpenAsync();
        await using var recount = new NpgsqlCommand("SELECT count(*), coalesce(sum(vnd), 0), coalesce(sum(tonnes), 0) FROM app.deals WHERE fair_id = $1 AND counted", db)
        {
            Parameters = { new() { Value = s.FairId } },
        };
        await using var r = await recount.ExecuteReaderAsync();
        await r.ReadAsync();
        Assert.Equal((r.GetInt64(0), r.GetDecimal(1), r.GetDecimal(2)),
            (report["totals"]!["deals"]!.GetValue<long>(), report["totals"]!["vnd"]!.GetValue<decimal>(), report["totals"]!["tonnes"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task The_demo_fairs_report_and_files_equal_a_recount_of_its_ledger()
    {
        var organiser = await fixture.OrganiserAsync();
        const string fairId = Demo.DemoData.FairId;
        var report = await (await organiser.GetAsync($"api/fairs/{fairId}/report")).ReadJsonAsync();

        await using var db = new NpgsqlConnection(fixture.Database.ConnectionString);
        await db.OpenAsync();
        await using var recount = new NpgsqlCommand(
            "SELECT kind, count(*), sum(vnd), sum(tonnes) FROM app.deals WHERE fair_id = $1 AND counted GROUP BY kind", db)
        {
            Parameters = { new() { Value = fairId } },
        };
        var byKind = new Dictionary<string, (long Deals, decimal Vnd, decimal Tonnes)>();
        await using (var r = await recount.ExecuteReaderAsync())
        {
            while (await r.ReadAsync()) byKind[r.GetString(0)] = (r.GetInt64(1), r.GetDecimal(2), r.GetDecimal(3));
        }

        Assert.NotEmpty(byKind); // the demo fair has signed deals
        Assert.Equal(byKind.Values.Sum(k => k.Deals), report["totals"]!["deals"]!.GetValue<long>());
        Assert.Equal(byKind.Values.Sum(k => k.Vnd), report["totals"]!["vnd"]!.GetValue<decimal>());
        Assert.Equal(byKind.Values.Sum(k => k.Tonnes), report["totals"]!["tonnes"]!.GetValue<decimal>());
        foreach (var bucket in report["byKind"]!.AsArray())
        {
            var expected = byKind.GetValueOrDefault(bucket!["key"]!.GetValue<string>());
            Assert.Equal((expected.Deals, expected.Vnd), (bucket["deals"]!.GetValue<long>(), bucket["vnd"]!.GetValue<decimal>()));
        }

        var csv = await (await organiser.GetAsync($"api/fairs/{fairId}/exports/deals.csv")).Content.ReadAsByteArrayAsync();
        using var reader = new StreamReader(new MemoryStream(csv), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var rows = new CsvReader(reader, new CsvConfiguration(Vi) { Delimiter = "," });
        var records = rows.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(byKind.Values.Sum(k => k.Deals), records.Count);
        Assert.Equal(byKind.Values.Sum(k => k.Vnd), records.Sum(x => decimal.Parse((string)x["Giá trị (đồng)"], Vi)));
    }

    [Fact]
    public async Task Only_the_fairs_organiser_gets_its_exports_and_report()
    {
        var (_, fairId, _, _) = await FairWithDealsAsync();
        using var admin = fixture.Client();
        admin.As(await Api.LoginAsync(admin, "admin@demo.ocop"));
        var email = $"to-chuc-{Guid.NewGuid():N}@example.vn";
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("api/admin/users", new { email, password = "Mat-khau-9", role = "Organiser", displayName = "Sở khác" })).StatusCode);
        using var other = fixture.Client();
        other.As(await Api.LoginAsync(other, email, "Mat-khau-9"));
        var buyer = await BuyerAccounts.NewAsync(fixture.Server, registerFor: fairId);
        using var anonymous = fixture.Client();

        foreach (var path in new[] { "exports/deals.csv", "exports/deals.xlsx", "exports/report.xlsx", "report" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"api/fairs/{fairId}/{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await buyer.Http.GetAsync($"api/fairs/{fairId}/{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"api/fairs/{fairId}/{path}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"api/fairs/{fairId}/{path}")).StatusCode);
        }
    }

    [Fact]
    public async Task Anyone_gets_the_qr_of_a_deals_verification_page_and_an_unknown_or_draft_deal_has_none()
    {
        var (_, _, oranges, _) = await FairWithDealsAsync();
        using var anonymous = fixture.Client();

        var qr = await anonymous.GetAsync($"api/deals/{oranges.DealId}/qr.svg");
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await qr.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("api/deals/d-nobody/qr.svg")).StatusCode);
        // A draft was never sent out: the QR, like the verification page, does not confirm that its id exists.
        var draft = await StoreAsync(oranges.FairId, DealStatus.Draft, false, DealKind.Memorandum, "Kim Bôi", BuyerKind.Other,
            new DealLine("pr-mat", "Mật ong", ProductGroup.Food, 50, "kg", 400_000, null));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"api/deals/{draft.DealId}/qr.svg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("api/deals/..%2Fx/qr.svg")).StatusCode);
    }
}
