using OcopFairs.Domain;

namespace OcopFairs.Domain.Tests;

public sealed class PhotoRulesTests
{
    [Fact]
    public void Formats_are_recognised_from_their_first_bytes()
    {
        Assert.Equal(PhotoFormat.Jpeg, PhotoRules.Sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]));
        Assert.Equal(PhotoFormat.Png, PhotoRules.Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]));
        Assert.Equal(PhotoFormat.WebP, PhotoRules.Sniff("RIFF\0\0\0\0WEBPVP8 "u8));
    }

    [Fact]
    public void Anything_else_is_not_a_photo_whatever_it_is_called()
    {
        Assert.Null(PhotoRules.Sniff([]));
        Assert.Null(PhotoRules.Sniff("GIF89a"u8));
        Assert.Null(PhotoRules.Sniff("<svg xmlns="u8));
        Assert.Null(PhotoRules.Sniff("RIFF\0\0\0\0WAVEfmt "u8));
        Assert.Null(PhotoRules.Sniff([0xFF, 0xD8]));
    }

    [Fact]
    public void Stored_photos_fit_the_longest_side_and_are_never_enlarged()
    {
        Assert.Equal((1200, 900), PhotoRules.Fit(4000, 3000));
        Assert.Equal((600, 1200), PhotoRules.Fit(1000, 2000));
        Assert.Equal((800, 600), PhotoRules.Fit(800, 600));
        Assert.Equal((1200, 1), PhotoRules.Fit(30000, 10));
    }
}
