using System.Text.Json.Nodes;
using Microsoft.Playwright;
using MiniExcelLibs;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ExportsJourneyTests(BrowserFixture fixture)
{
    private const string FairId = "hoa-binh-ocop-fair"; // the demo's provincial fair, with deals in every state

    [Fact]
    public async Task Organiser_reads_the_report_downloads_its_xlsx_prints_a_deal_and_a_phone_verifies_it_by_its_qr()
    {
        using var api = fixture.Server.CreateClient();
        api.As(await Api.LoginAsync(api, "organiser@demo.ocop"));
        var report = JsonNode.Parse(await api.GetStringAsync($"api/fairs/{FairId}/report"))!;
        var deals = JsonNode.Parse(await api.GetStringAsync($"api/fairs/{FairId}/deals"))!["items"]!.AsArray();
        var dealId = deals[0]!["dealId"]!.GetValue<string>();

        // The organiser goes from the fair page to the report.
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "organiser@demo.ocop", Api.DemoPassword);
        await page.GotoAsync($"/fairs/{FairId}");
        await page.ClickAsync("[data-testid=report-link]");
        await Assertions.Expect(page.Locator("[data-testid=report-summary]")).ToContainTextAsync("hợp đồng tiêu thụ");
        await Assertions.Expect(page.Locator("[data-testid=report-by-kind] tfoot")).ToContainTextAsync(report["totals"]!["deals"]!.ToString());
        await BrowserFixture.CheckPageAsync(page, "results-report");

        // The report's XLSX downloads and opens with its sheets and the same totals.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=report-xlsx]"));
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            Assert.Equal("Tổng hợp", MiniExcel.GetSheetNames(path)[0]);
            Assert.Contains("Giao dịch lớn nhất", MiniExcel.GetSheetNames(path));
            var total = MiniExcel.Query(path, useHeaderRow: true, sheetName: "Theo loại văn bản").Cast<IDictionary<string, object>>()
                .Single(r => (string)r["Nhóm"] == "Tổng cộng");
            Assert.Equal(report["totals"]!["vnd"]!.GetValue<double>(), (double)total["Giá trị (đồng)"]);
        }
        finally
        {
            File.Delete(path);
        }

        // The deal's document: national header, its title, the QR image served, and the English version.
        await page.GotoAsync($"/fairs/{FairId}/deals/{dealId}/print");
        var doc = page.Locator("[data-testid=deal-doc]");
        await Assertions.Expect(doc).ToContainTextAsync("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        await Assertions.Expect(doc).ToContainTextAsync("Độc lập - Tự do - Hạnh phúc");
        var qr = page.Locator("[data-testid=deal-doc-qr]");
        await Assertions.Expect(qr).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('[data-testid=deal-doc-qr]'); return i && i.complete && i.naturalWidth > 0; }");
        await BrowserFixture.AssertAccessibleAsync(page);
        await BrowserFixture.ScreenshotAsync(page, "deal-document-vi");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator(".topbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=deal-doc-print]")).ToBeHiddenAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await page.ClickAsync("[data-testid=deal-doc-lang-en]");
        await Assertions.Expect(doc).ToContainTextAsync("SOCIALIST REPUBLIC OF VIETNAM");

        // Anyone with a phone opens what the QR encodes.
        var phone = await fixture.NewPageAsync(360, 740);
        await phone.GotoAsync($"/deals/{dealId}/verify");
        await Assertions.Expect(phone.Locator("[data-testid=verify-status]")).ToHaveTextAsync("Văn bản này có trong sổ giao dịch của hội chợ.");
        await Assertions.Expect(phone.Locator("[data-testid=verify-seller]")).ToContainTextAsync(deals[0]!["parties"]!["producerName"]!.GetValue<string>());
        await Assertions.Expect(phone.Locator("[data-testid=verify-buyer]")).ToHaveTextAsync(deals[0]!["parties"]!["buyerOrganisation"]!.GetValue<string>());
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the verification page is wider than the phone");
        await BrowserFixture.AssertAccessibleAsync(phone);
        await BrowserFixture.ScreenshotAsync(phone, "deal-verify-360");
        await phone.GotoAsync("/deals/d-nobody/verify");
        await Assertions.Expect(phone.Locator("[data-testid=verify-missing]")).ToBeVisibleAsync();
    }
}
