using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Producers;

/// <summary>
/// A product's photo: the producer uploads the image file itself as the request body (JPEG, PNG or WebP, at most
/// 5 MB, recognised by its bytes); the server stores its own resized JPEG and serves it with an ETag.
/// </summary>
public static class ProductPhotosApi
{
    public static IEndpointRouteBuilder MapProductPhotosApi(this IEndpointRouteBuilder app)
    {
        var producer = new[] { Roles.Producer };
        var mine = app.MapGroup("/api/producers/me/products/{productId}/photo").WithTags("Producers");
        mine.MapPut("/", UploadAsync)
            .Accepts<byte[]>("image/jpeg", "image/png", "image/webp", "application/octet-stream")
            // Room past the limit, so a body a little too big is read to its end and answered 413 in words rather than
            // cut off; far bigger ones are cut off by the server.
            .WithMetadata(new Validation.BodyLimit(PhotoRules.MaxBytes + (1024 * 1024)))
            .RequireAuthorization(p => p.RequireRole(producer));
        mine.MapDelete("/", DeleteAsync).RequireAuthorization(p => p.RequireRole(producer));
        app.MapGet("/api/products/{productId}/photo", GetAsync).WithTags("Products").AllowAnonymous();
        return app;
    }

    /// <summary>The photo's address; the version in it changes with the photo, so it may be cached for long.</summary>
    public static string? PhotoUrl(string productId, string? etag) =>
        etag is null ? null : $"/api/products/{Uri.EscapeDataString(productId)}/photo?v={etag}";

    public sealed record PhotoResponse(string PhotoUrl);

    private static async Task<Results<Ok<PhotoResponse>, ProblemHttpResult>> UploadAsync(
        string productId, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, ProductPhotoStore photos, CancellationToken ct)
    {
        if (user.ProducerId() is not { } producerId)
        {
            return Problems.Forbidden();
        }

        if (!await OwnsAsync(grains, producerId, productId))
        {
            return Problems.NotFound("product.notFound");
        }

        if (request.ContentLength > PhotoRules.MaxBytes)
        {
            return Refused(PhotoRefusal.TooLarge);
        }

        // Read at most one byte past the limit: a body without a length cannot make the server hold more.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > PhotoRules.MaxBytes)
            {
                return Refused(PhotoRefusal.TooLarge);
            }
        }

        var (jpeg, refusal) = PhotoImage.Process(buffer.ToArray());
        if (refusal is { } why)
        {
            return Refused(why);
        }

        var etag = await photos.SaveAsync(productId, producerId, jpeg!);
        return TypedResults.Ok(new PhotoResponse(PhotoUrl(productId, etag)!));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string productId, ClaimsPrincipal user, IGrainFactory grains, ProductPhotoStore photos)
    {
        if (user.ProducerId() is not { } producerId)
        {
            return Problems.Forbidden();
        }

        if (!await OwnsAsync(grains, producerId, productId))
        {
            return Problems.NotFound("product.notFound");
        }

        await photos.DeleteAsync(productId);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The stored JPEG. Asked for by its versioned address it never changes, so it is cached for a year; otherwise
    /// browsers revalidate with the ETag and get 304 while it is unchanged.
    /// </summary>
    private static async Task<IResult> GetAsync(string productId, string? v, HttpContext context, ProductPhotoStore photos)
    {
        if (!Endpoints.IsId(productId) || await photos.GetAsync(productId) is not { } photo)
        {
            return Problems.NotFound("photo.notFound");
        }

        var etag = new EntityTagHeaderValue($"\"{photo.ETag}\"");
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = v == photo.ETag
            ? new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromDays(365), Extensions = { new NameValueHeaderValue("immutable") } }
            : new CacheControlHeaderValue { Public = true, NoCache = true };
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.File(photo.Bytes, photo.ContentType, lastModified: photo.UpdatedAt);
    }

    private static async Task<bool> OwnsAsync(IGrainFactory grains, string producerId, string productId) =>
        Endpoints.IsId(productId)
        && await grains.GetGrain<IProducerGrain>(producerId).GetAsync() is { } view
        && view.Products.Any(p => p.ProductId == productId);

    private static ProblemHttpResult Refused(PhotoRefusal refusal) => refusal switch
    {
        PhotoRefusal.TooLarge => Problems.Of(StatusCodes.Status413PayloadTooLarge, "photo.tooLarge"),
        PhotoRefusal.UnsupportedType => Problems.Of(StatusCodes.Status415UnsupportedMediaType, "photo.unsupportedType"),
        _ => Problems.Of(StatusCodes.Status422UnprocessableEntity, "photo.unreadable"),
    };
}
