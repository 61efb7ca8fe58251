namespace OcopFairs.Domain;

/// <summary>The image formats a product photo may arrive in.</summary>
public enum PhotoFormat
{
    Jpeg,
    Png,
    WebP,
}

/// <summary>
/// What a product photo upload may be: bounded in bytes and in pixels, and one of three formats recognised from its
/// first bytes (a file's name or declared type proves nothing).
/// </summary>
public static class PhotoRules
{
    /// <summary>The largest upload accepted, in bytes (5 MB).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The largest image decoded, in pixels: a small file can declare a huge canvas.</summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>The longest side of the stored photo, in pixels.</summary>
    public const int StoredMaxSide = 1200;

    /// <summary>The format the bytes start like, or null when they are none of JPEG, PNG and WebP.</summary>
    public static PhotoFormat? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return PhotoFormat.Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return PhotoFormat.Png;
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return PhotoFormat.WebP;
        }

        return null;
    }

    /// <summary>The stored size: the longest side at most <see cref="StoredMaxSide"/>, proportions kept, never enlarged.</summary>
    public static (int Width, int Height) Fit(int width, int height)
    {
        var longest = Math.Max(width, height);
        if (longest <= StoredMaxSide)
        {
            return (width, height);
        }

        var scale = (double)StoredMaxSide / longest;
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }
}
