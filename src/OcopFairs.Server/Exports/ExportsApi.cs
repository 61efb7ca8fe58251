using Microsoft.AspNetCore.Http.HttpResults;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Infrastructure;
using OcopFairs.Server.Producers;

namespace OcopFairs.Server.Exports;

/// <summary>
/// The fair's signed deals as CSV and XLSX, its results report (the province's figures) as XLSX and as JSON for the
/// printable page — for the fair's organiser only — and, for anyone, the QR of a deal's public verification page that
/// the printed document carries.
/// </summary>
public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var organiser = new[] { Roles.Organiser, Roles.Admin };
        var fair = app.MapGroup("/api/fairs/{fairId}").WithTags("Exports")
            .RequireAuthorization(p => p.RequireRole(organiser));
        fair.MapGet("/exports/deals.csv", DealsCsvAsync).ForFairOrganiser()
            .Produces(StatusCodes.Status200OK, contentType: DealSheets.CsvType)
            .WithSummary("The fair's signed and active deals as CSV (UTF-8 with BOM, Vietnamese headers, dd/MM/yyyy).");
        fair.MapGet("/exports/deals.xlsx", DealsXlsxAsync).ForFairOrganiser()
            .Produces(StatusCodes.Status200OK, contentType: DealSheets.XlsxType)
            .WithSummary("The fair's signed and active deals as XLSX: one sheet of deals, one of their lines.");
        fair.MapGet("/exports/report.xlsx", ReportXlsxAsync).ForFairOrganiser()
            .Produces(StatusCodes.Status200OK, contentType: DealSheets.XlsxType)
            .WithSummary("The fair's results report as XLSX: by kind, district, group, buyer kind and market, top deals, fulfilment.");
        fair.MapGet("/report", ReportAsync).ForFairOrganiser()
            .WithSummary("The fair's results report: counted deals by kind, district, group, buyer kind and market, top deals, fulfilment.");

        app.MapGet("/api/deals/{dealId}/qr.svg", QrAsync).WithTags("Exports").AllowAnonymous().WithValidIds()
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .WithSummary("The QR of the deal's public verification page (/deals/{dealId}/verify), as printed on its document; 404 for a draft, as the page.");
        return app;
    }

    private static async Task<FileContentHttpResult> DealsCsvAsync([AsParameters] FairCall call, DealLedger ledger)
    {
        var deals = await ledger.CountedAsync(call.Fair);
        return TypedResults.File(DealSheets.DealsCsv(deals, DealLedger.ZoneOf(call.Fair)), DealSheets.CsvType, $"hop-dong-{call.FairId}.csv");
    }

    private static async Task<FileContentHttpResult> DealsXlsxAsync([AsParameters] FairCall call, DealLedger ledger)
    {
        var deals = await ledger.CountedAsync(call.Fair);
        return TypedResults.File(DealSheets.DealsXlsx(deals, DealLedger.ZoneOf(call.Fair)), DealSheets.XlsxType, $"hop-dong-{call.FairId}.xlsx");
    }

    private static async Task<FileContentHttpResult> ReportXlsxAsync([AsParameters] FairCall call, DealLedger ledger)
    {
        var report = DealReports.Build(call.FairId, await ledger.CountedAsync(call.Fair));
        return TypedResults.File(DealSheets.ReportXlsx(report, DealLedger.ZoneOf(call.Fair)), DealSheets.XlsxType, $"bao-cao-ket-qua-{call.FairId}.xlsx");
    }

    private static async Task<Ok<DealReport>> ReportAsync([AsParameters] FairCall call, DealLedger ledger) =>
        TypedResults.Ok(DealReports.Build(call.FairId, await ledger.CountedAsync(call.Fair)));

    private static async Task<IResult> QrAsync(string dealId, HttpRequest request, IConfiguration config, DealLedger ledger) =>
        await ledger.VerifiableAsync(dealId)
            ? Results.Content(ProducersApi.QrSvg(ProducersApi.PublicUrl(request, config, $"/deals/{dealId}/verify")), "image/svg+xml")
            : Problems.NotFound("deal.notFound");
}
