using System.Security.Cryptography;
using Npgsql;
using OcopFairs.Domain;
using SkiaSharp;

namespace OcopFairs.Server.Producers;

/// <summary>A stored product photo: always a JPEG the server made.</summary>
public sealed record StoredPhoto(byte[] Bytes, string ContentType, string ETag, DateTimeOffset UpdatedAt);

/// <summary>Why an upload was refused: the problem code for it.</summary>
public enum PhotoRefusal
{
    TooLarge,
    UnsupportedType,
    Unreadable,
}

/// <summary>
/// Turns an upload into the photo that is stored: recognised by its bytes, bounded in pixels before it is decoded,
/// turned upright, shrunk to <see cref="PhotoRules.StoredMaxSide"/>, flattened onto white and re-encoded as JPEG, so
/// nothing of the uploaded file (metadata, a crafted payload) is ever served.
/// </summary>
public static class PhotoImage
{
    public const string ContentType = "image/jpeg";

    private const int Quality = 82;

    public static (byte[]? Jpeg, PhotoRefusal? Refusal) Process(byte[] upload)
    {
        if (upload.Length > PhotoRules.MaxBytes)
        {
            return (null, PhotoRefusal.TooLarge);
        }

        if (PhotoRules.Sniff(upload) is null)
        {
            return (null, PhotoRefusal.UnsupportedType);
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0
            || (long)codec.Info.Width * codec.Info.Height > PhotoRules.MaxPixels)
        {
            return (null, PhotoRefusal.Unreadable);
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return (null, PhotoRefusal.Unreadable);
        }

        // EXIF orientation: a phone's portrait photo is stored sideways with a flag saying so.
        var origin = codec.EncodedOrigin;
        var turned = origin is SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom or SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightBottom;
        var (w, h) = turned ? PhotoRules.Fit(decoded.Height, decoded.Width) : PhotoRules.Fit(decoded.Width, decoded.Height);
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        if (surface is null)
        {
            return (null, PhotoRefusal.Unreadable);
        }

        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Translate(w / 2f, h / 2f);
        canvas.RotateDegrees(origin switch
        {
            SKEncodedOrigin.BottomRight or SKEncodedOrigin.BottomLeft => 180,
            SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom => 90,
            SKEncodedOrigin.LeftBottom or SKEncodedOrigin.LeftTop => 270,
            _ => 0,
        });
        if (origin is SKEncodedOrigin.TopRight or SKEncodedOrigin.BottomLeft or SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightBottom)
        {
            canvas.Scale(-1, 1);
        }

        var (dw, dh) = turned ? (h, w) : (w, h);
        using var image = SKImage.FromBitmap(decoded);
        canvas.DrawImage(image, new SKRect(-dw / 2f, -dh / 2f, dw / 2f, dh / 2f), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        canvas.Flush();

        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return jpeg is null ? (null, PhotoRefusal.Unreadable) : (jpeg.ToArray(), null);
    }
}

/// <summary>Product photos in <c>app.product_photos</c>.</summary>
public sealed class ProductPhotoStore(NpgsqlDataSource db)
{
    public async Task<string> SaveAsync(string productId, string producerId, byte[] jpeg)
    {
        var etag = Convert.ToHexStringLower(SHA256.HashData(jpeg))[..20];
        await using var cmd = db.CreateCommand(
            """
            INSERT INTO app.product_photos (product_id, producer_id, content_type, bytes, etag, updated_at)
            VALUES (@product, @producer, @type, @bytes, @etag, now())
            ON CONFLICT (product_id) DO UPDATE SET producer_id = EXCLUDED.producer_id, content_type = EXCLUDED.content_type,
                bytes = EXCLUDED.bytes, etag = EXCLUDED.etag, updated_at = now()
            """);
        cmd.Parameters.AddWithValue("product", productId);
        cmd.Parameters.AddWithValue("producer", producerId);
        cmd.Parameters.AddWithValue("type", PhotoImage.ContentType);
        cmd.Parameters.AddWithValue("bytes", jpeg);
        cmd.Parameters.AddWithValue("etag", etag);
        await cmd.ExecuteNonQueryAsync();
        return etag;
    }

    public async Task DeleteAsync(string productId)
    {
        await using var cmd = db.CreateCommand("DELETE FROM app.product_photos WHERE product_id = @product");
        cmd.Parameters.AddWithValue("product", productId);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>The photo's version tag, or null when the product has none.</summary>
    public async Task<string?> ETagAsync(string productId)
    {
        await using var cmd = db.CreateCommand("SELECT etag FROM app.product_photos WHERE product_id = @product");
        cmd.Parameters.AddWithValue("product", productId);
        return await cmd.ExecuteScalarAsync() as string;
    }

    public async Task<StoredPhoto?> GetAsync(string productId)
    {
        await using var cmd = db.CreateCommand("SELECT bytes, content_type, etag, updated_at FROM app.product_photos WHERE product_id = @product");
        cmd.Parameters.AddWithValue("product", productId);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new StoredPhoto((byte[])reader[0], reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }
}
