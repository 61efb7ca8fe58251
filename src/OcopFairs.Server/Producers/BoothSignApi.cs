using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Fairs;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Infrastructure;
using OcopFairs.Server.Security;

namespace OcopFairs.Server.Producers;

/// <summary>A printable A4 booth sign for an exhibitor: fair, booth, producer, products with stars and QR codes.</summary>
public static class BoothSignApi
{
    public static IEndpointRouteBuilder MapBoothSignApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/fairs/{fairId}/exhibitors/{producerId}/sign", SignAsync).RequireAuthorization().WithTags("Producers")
            .Produces(StatusCodes.Status200OK, contentType: "text/html").WithContentSecurityPolicy(ContentSecurityPolicy.PrintablePage);
        return app;
    }

    private static async Task<IResult> SignAsync(
        string fairId, string producerId, ClaimsPrincipal user, HttpRequest request, IGrainFactory grains, IConfiguration config, TimeProvider clock)
    {
        if (!Endpoints.IsId(fairId) || !Endpoints.IsId(producerId)
            || await grains.GetGrain<IFairGrain>(fairId).GetAsync() is not { } fair
            || await grains.GetGrain<IProducerGrain>(producerId).GetAsync() is not { } producer)
        {
            return Problems.NotFound();
        }

        if (!user.IsOrganiser() && user.ProducerId() != producerId)
        {
            return Problems.Forbidden();
        }

        var english = ErrorText.IsEnglish(CultureInfo.CurrentUICulture);
        var booths = (await grains.GetGrain<IFairGrain>(fairId).GetFloorAsync()).Booths
            .Where(b => b.ProducerId == producerId).Select(b => b.Code).ToList();
        var application = await grains.GetGrain<IExhibitorGrain>(Grains.ExhibitorGrain.Key(fairId, producerId)).GetAsync();
        var shown = application is { Status: ApplicationStatus.Approved }
            ? producer.Products.Where(p => application.Products.Any(a => a.ProductId == p.ProductId)).ToList()
            : producer.Products.ToList();

        static string E(string? s) => WebUtility.HtmlEncode(s ?? string.Empty);
        var html = new StringBuilder();
        html.Append($"""
            <!doctype html>
            <html lang="{(english ? "en" : "vi")}"><head><meta charset="utf-8"><title>{E(producer.Profile.Name)}</title>
            <style>
              @page {'{'} size: A4; margin: 15mm; {'}'}
              body {'{'} font-family: system-ui, sans-serif; color: #1b3a1b; margin: 0; {'}'}
              header {'{'} border-bottom: 4px solid #2e7d32; padding-bottom: 8mm; margin-bottom: 8mm; {'}'}
              .booth {'{'} font-size: 40pt; font-weight: 800; float: right; {'}'}
              h1 {'{'} font-size: 26pt; margin: 0 0 2mm; {'}'}
              .products {'{'} display: grid; grid-template-columns: 1fr 1fr; gap: 8mm; {'}'}
              .product {'{'} border: 1px solid #c8e6c9; border-radius: 3mm; padding: 4mm; break-inside: avoid; {'}'}
              .product svg {'{'} width: 35mm; height: 35mm; float: right; {'}'}
              .stars {'{'} color: #f9a825; font-size: 16pt; {'}'}
            </style></head><body>
            <header><div class="booth">{E(string.Join(", ", booths))}</div>
            <div>{E(fair.Details.Name)}</div><h1>{E(producer.Profile.Name)}</h1>
            <div>{E(producer.Profile.Commune)}, {E(producer.Profile.District)}, {E(producer.Profile.Province)}</div></header>
            <section class="products">
            """);
        foreach (var p in shown)
        {
            var qr = ProducersApi.QrSvg(ProducersApi.PublicUrl(request, config, $"/products/{p.ProductId}"));
            var expires = p.CertificateExpiresOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            html.Append($"""
                <div class="product">{qr}<div class="stars">{new string('★', p.Stars)}</div><h2>{E(p.Name)}</h2>
                <div>OCOP {p.Stars}★ · {E(p.CertificateNo)}</div>
                <div>{(english ? "Valid until" : "Hiệu lực đến")} {expires}</div>
                <div>{E(string.Join(" · ", p.Certifications.IsDefault ? [] : p.Certifications))}</div></div>
                """);
        }

        html.Append("</section></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
