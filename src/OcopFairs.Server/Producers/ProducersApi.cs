using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Fairs;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Infrastructure;
using QRCoder;

namespace OcopFairs.Server.Producers;

/// <summary>Producer profiles, the OCOP catalogue, search, public product cards and their QR codes.</summary>
public static class ProducersApi
{
    public static IEndpointRouteBuilder MapProducersApi(this IEndpointRouteBuilder app)
    {
        var producers = app.MapGroup("/api/producers").WithTags("Producers");
        var producer = new[] { Roles.Producer };
        producers.MapGet("/me", GetMineAsync).RequireAuthorization(p => p.RequireRole(producer));
        producers.MapPut("/me", SaveProfileAsync).RequireAuthorization(p => p.RequireRole(producer));
        producers.MapPost("/me/products", AddProductAsync).RequireAuthorization(p => p.RequireRole(producer));
        producers.MapPut("/me/products/{productId}", UpdateProductAsync).RequireAuthorization(p => p.RequireRole(producer));
        producers.MapDelete("/me/products/{productId}", DeleteProductAsync).RequireAuthorization(p => p.RequireRole(producer));
        producers.MapGet("/", SearchProducersAsync).RequireAuthorization();
        producers.MapGet("/{producerId}", GetAsync).AllowAnonymous();

        var products = app.MapGroup("/api/products").WithTags("Products");
        products.MapGet("/", SearchProductsAsync).RequireAuthorization();
        products.MapGet("/{productId}", GetProductAsync).AllowAnonymous();
        products.MapGet("/{productId}/qr.svg", QrAsync).AllowAnonymous();
        return app;
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static async Task<Results<Ok<ProducerResponse>, ProblemHttpResult>> GetMineAsync(ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock) =>
        user.ProducerId() is { } id && await grains.GetGrain<IProducerGrain>(id).GetAsync() is { } view
            ? TypedResults.Ok(ProducerResponse.From(view, Today(clock)))
            : Problems.NotFound("producer.notFound");

    private static async Task<Results<Ok<ProducerResponse>, ValidationProblem, ProblemHttpResult>> SaveProfileAsync(
        ProducerRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        if (user.ProducerId() is not { } id)
        {
            return Problems.Forbidden();
        }

        var view = await grains.GetGrain<IProducerGrain>(id).SaveProfileAsync(request.ToProfile(), user.UserId());
        return TypedResults.Ok(ProducerResponse.From(view, Today(clock)));
    }

    private static async Task<Results<Created<ProductResponse>, ValidationProblem, ProblemHttpResult>> AddProductAsync(
        ProductRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        if (user.ProducerId() is not { } producerId)
        {
            return Problems.Forbidden();
        }

        var product = request.ToProduct("pr-" + Guid.CreateVersion7().ToString("N"));
        var view = await grains.GetGrain<IProducerGrain>(producerId).SaveProductAsync(product);
        var saved = ProductResponse.From(product, producerId, view.Profile, Today(clock));
        return TypedResults.Created($"/api/products/{product.ProductId}", saved);
    }

    private static async Task<Results<Ok<ProductResponse>, ValidationProblem, ProblemHttpResult>> UpdateProductAsync(
        string productId, ProductRequest request, ClaimsPrincipal user, IGrainFactory grains, CatalogSearch search, TimeProvider clock)
    {
        if (user.ProducerId() is not { } producerId)
        {
            return Problems.Forbidden();
        }

        var grain = grains.GetGrain<IProducerGrain>(producerId);
        if (await grain.GetAsync() is not { } current || current.Products.All(p => p.ProductId != productId))
        {
            // Someone else's product and a missing one answer alike, so ids cannot be probed.
            return await OwnedElsewhereAsync(productId, search) ? Problems.Forbidden() : Problems.NotFound("product.notFound");
        }

        var product = request.ToProduct(productId);
        var view = await grain.SaveProductAsync(product);
        return TypedResults.Ok(ProductResponse.From(product, producerId, view.Profile, Today(clock)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteProductAsync(
        string productId, ClaimsPrincipal user, IGrainFactory grains, CatalogSearch search, ProductPhotoStore photos)
    {
        if (user.ProducerId() is not { } producerId)
        {
            return Problems.Forbidden();
        }

        if (await grains.GetGrain<IProducerGrain>(producerId).DeleteProductAsync(productId))
        {
            await photos.DeleteAsync(productId);
            return TypedResults.NoContent();
        }

        return await OwnedElsewhereAsync(productId, search) ? Problems.Forbidden() : Problems.NotFound("product.notFound");
    }

    private static async Task<bool> OwnedElsewhereAsync(string productId, CatalogSearch search) =>
        await search.ProducerOfProductAsync(productId) is not null;

    private static async Task<Results<Ok<ProducerResponse>, ProblemHttpResult>> GetAsync(
        string producerId, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        if (!Endpoints.IsId(producerId) || await grains.GetGrain<IProducerGrain>(producerId).GetAsync() is not { } view)
        {
            return Problems.NotFound("producer.notFound");
        }

        // Contacts are for signed-in users (organisers, buyers, the producer); the public sees the profile.
        var signedIn = user.Identity?.IsAuthenticated == true;
        return TypedResults.Ok(ProducerResponse.From(view, Today(clock), includeContacts: signedIn));
    }

    private static async Task<Results<Ok<PageOf<ProducerSummary>>, ValidationProblem>> SearchProducersAsync(
        string? q, string? district, ProductGroup? group, int? minStars, int? page, int? pageSize, CatalogSearch search)
    {
        var (query, errors) = Query(q, district, group, minStars, page, pageSize);
        return query is null ? Problems.Validation(errors) : TypedResults.Ok(await search.ProducersAsync(query));
    }

    private static async Task<Results<Ok<PageOf<ProductResponse>>, ValidationProblem>> SearchProductsAsync(
        string? q, string? district, ProductGroup? group, int? minStars, int? page, int? pageSize, CatalogSearch search)
    {
        var (query, errors) = Query(q, district, group, minStars, page, pageSize);
        return query is null ? Problems.Validation(errors) : TypedResults.Ok(await search.ProductsAsync(query));
    }

    internal static (SearchQuery? Query, IReadOnlyDictionary<string, string[]> Errors) Query(
        string? q, string? district, ProductGroup? group, int? minStars, int? page, int? pageSize)
    {
        var errors = new Errors();
        errors.Text("q", q, SearchQuery.MaxQueryLength);
        errors.Text("district", district, CatalogRules.MaxPlaceLength);
        errors.Defined("group", group, "invalidGroup");
        if (minStars is < 1 or > 5) errors.Add("minStars", "starsOutOfRange");
        errors.Range("page", page, 1, SearchQuery.MaxPage);
        errors.Range("pageSize", pageSize, 1, SearchQuery.MaxPageSize);
        return errors.Count > 0
            ? (null, errors.ToDictionary())
            : (new SearchQuery(q, district, group, minStars, page ?? 1, pageSize ?? 20), errors.ToDictionary());
    }

    /// <summary>
    /// The public product card: the product with a short card of its producer (its contact only for a signed-in
    /// reader), its photo, and with <c>?fair=</c> the producer's booths at that fair.
    /// </summary>
    private static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetProductAsync(
        string productId, string? fair, ClaimsPrincipal user, IGrainFactory grains, CatalogSearch search, ProductPhotoStore photos, TimeProvider clock)
    {
        if (await FindAsync(productId, grains, search) is not { } found)
        {
            return Problems.NotFound("product.notFound");
        }

        var (view, product) = found;
        var p = view.Profile;
        var signedIn = user.Identity?.IsAuthenticated == true;
        return TypedResults.Ok(ProductResponse.From(product, view.ProducerId, p, Today(clock)) with
        {
            Producer = new ProducerCard(view.ProducerId, p.Name, p.District, p.Province, p.Kind)
            {
                Contact = signedIn && (p.Phone is not null || p.Email is not null) ? new ProducerContact(p.Phone, p.Email) : null,
            },
            PhotoUrl = ProductPhotosApi.PhotoUrl(productId, await photos.ETagAsync(productId)),
            Booths = fair is null ? null : await BoothsAtAsync(fair, view.ProducerId, grains),
        });
    }

    /// <summary>The producer's held or confirmed booths at a fair the public may see (none for an unknown or draft fair).</summary>
    private static async Task<IReadOnlyList<ProductBooth>> BoothsAtAsync(string fairId, string producerId, IGrainFactory grains)
    {
        if (!Endpoints.IsId(fairId) || await grains.GetGrain<IFairGrain>(fairId).GetAsync() is not { } fair || fair.Status == FairStatus.Draft)
        {
            return [];
        }

        var floor = await grains.GetGrain<IFloorGrain>(fairId).GetFloorAsync();
        var zones = floor.Zones.IsDefault ? [] : floor.Zones;
        return [.. floor.Booths
            .Where(b => b.ProducerId == producerId && b.Status is BoothStatus.Held or BoothStatus.Confirmed)
            .OrderBy(b => b.Code, StringComparer.Ordinal)
            .Select(b => new ProductBooth(fairId, b.Code, b.Zone, zones.FirstOrDefault(z => z.Code == b.Zone)?.Name ?? b.Zone, b.Status))];
    }

    private static async Task<IResult> QrAsync(string productId, HttpRequest request, IGrainFactory grains, CatalogSearch search, IConfiguration config)
    {
        if (await FindAsync(productId, grains, search) is null)
        {
            return Problems.NotFound("product.notFound");
        }

        return Results.Content(QrSvg(PublicUrl(request, config, $"/products/{productId}")), "image/svg+xml");
    }

    /// <summary>The address people reach the web app on: <c>PublicBaseUrl</c> when set, else the request's own.</summary>
    internal static string PublicUrl(HttpRequest request, IConfiguration config, string path) =>
        (config["PublicBaseUrl"] is { Length: > 0 } baseUrl ? baseUrl.TrimEnd('/') : $"{request.Scheme}://{request.Host}") + path;

    internal static string QrSvg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(6);
    }

    internal static async Task<(ProducerView View, Product Product)?> FindAsync(string productId, IGrainFactory grains, CatalogSearch search)
    {
        if (!Endpoints.IsId(productId) || await search.ProducerOfProductAsync(productId) is not { } producerId)
        {
            return null;
        }

        var view = await grains.GetGrain<IProducerGrain>(producerId).GetAsync();
        return view?.Products.FirstOrDefault(p => p.ProductId == productId) is { } product ? (view, product) : null;
    }
}
