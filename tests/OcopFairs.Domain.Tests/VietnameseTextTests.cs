using System.Globalization;
using System.Text;
using CsCheck;
using OcopFairs.Domain;

namespace OcopFairs.Domain.Tests;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Bưởi Diễn", "buoi dien")]
    [InlineData("Đặc sản Đà Lạt", "dac san da lat")]
    [InlineData("đường phèn", "duong phen")]
    [InlineData("MẬT ONG HOA NHÃN", "mat ong hoa nhan")]
    [InlineData("Trà Shan tuyết", "tra shan tuyet")]
    public void Fold_drops_diacritics_and_case(string text, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(text));

    [Fact]
    public void Fold_collapses_and_trims_white_space()
    {
        Assert.Equal("nuoc mam phu quoc", VietnameseText.Fold("  Nước\tmắm \u00A0\n  Phú   Quốc \r\n"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\n ")]
    public void Fold_of_blank_text_is_empty(string? text) =>
        Assert.Equal(string.Empty, VietnameseText.Fold(text));

    [Fact]
    public void Fold_of_decomposed_input_equals_fold_of_composed_input()
    {
        var composed = "Bưởi Diễn Đoan Hùng".Normalize(NormalizationForm.FormC);
        var decomposed = composed.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);

        Assert.Equal("buoi dien doan hung", VietnameseText.Fold(decomposed));
        Assert.Equal(VietnameseText.Fold(composed), VietnameseText.Fold(decomposed));
    }

    [Fact]
    public void Normalize_composes_decomposed_text_and_trims()
    {
        var decomposed = "  Gạo ST25 Sóc Trăng ".Normalize(NormalizationForm.FormD);

        var stored = VietnameseText.Normalize(decomposed);

        Assert.Equal("Gạo ST25 Sóc Trăng".Normalize(NormalizationForm.FormC), stored);
        Assert.True(stored.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Normalize_of_blank_text_is_empty(string? text) =>
        Assert.Equal(string.Empty, VietnameseText.Normalize(text));

    // Vietnamese letters in both cases, precomposed and as base letter + combining tone/shape marks, with the
    // white space people paste (tabs, line breaks, no-break and ideographic spaces).
    private const string VietnameseAlphabet =
        "aăâbcdđeêghiklmnoôơpqrstuưvxy" + "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY" +
        "áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ" +
        "ÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ" +
        "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B" +
        "0123456789 .,-/()\t\n\u00A0\u3000";

    private static readonly Gen<string> VietnameseString =
        Gen.Char[VietnameseAlphabet].Array[0, 40].Select(chars => new string(chars));

    // Any well-formed text: Unicode scalar values from every plane. Lone surrogates and U+FFFE are left out because
    // string.Normalize rejects them (see the report on Fold's input contract).
    private static readonly Gen<string> AnyText =
        Gen.Frequency((4, Gen.Int[0, 0xFFFF]), (1, Gen.Int[0x10000, 0x10FFFF]))
            .Where(cp => cp is < 0xD800 or > 0xDFFF && cp != 0xFFFE)
            .Array[0, 20]
            .Select(cps => string.Concat(cps.Select(char.ConvertFromUtf32)));

    [Fact]
    public void Fold_is_idempotent() =>
        Gen.OneOf(VietnameseString, AnyText).Sample(s =>
        {
            var once = VietnameseText.Fold(s);
            Assert.Equal(once, VietnameseText.Fold(once));
        });

    [Fact]
    public void Fold_leaves_no_marks_and_no_upper_case_in_Vietnamese_text() =>
        VietnameseString.Sample(s =>
        {
            var folded = VietnameseText.Fold(s);
            Assert.DoesNotContain(folded, c => CharUnicodeInfo.GetUnicodeCategory(c)
                is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);
            Assert.DoesNotContain(folded, char.IsUpper);
            Assert.DoesNotContain("  ", folded);
            Assert.Equal(folded.Trim(), folded);
        });

    [Fact]
    public void Fold_does_not_depend_on_normalization_form() =>
        Gen.OneOf(VietnameseString, AnyText).Sample(s =>
            Assert.Equal(
                VietnameseText.Fold(s.Normalize(NormalizationForm.FormC)),
                VietnameseText.Fold(s.Normalize(NormalizationForm.FormD))));

    [Fact]
    public void Normalize_output_is_NFC_and_stable() =>
        Gen.OneOf(VietnameseString, AnyText).Sample(s =>
        {
            var stored = VietnameseText.Normalize(s);
            Assert.True(stored.IsNormalized(NormalizationForm.FormC));
            Assert.Equal(stored, VietnameseText.Normalize(stored));
        });

    [Fact]
    public void Hostile_unicode_folds_to_replacement_characters_instead_of_throwing()
    {
        // Built in code: test runners re-encode lone surrogates in attribute data.
        var cases = new[]
        {
            ("B" + '\uFFFE' + "ưởi", "b\uFFFDuoi"),
            ('\uD800' + "Diễn", "\uFFFDdien"),
            ("Diễn" + '\uDC00', "dien\uFFFD"),
        };
        foreach (var (input, expected) in cases)
        {
            Assert.Equal(expected, VietnameseText.Fold(input));
            Assert.Contains('\uFFFD', VietnameseText.Normalize(input));
        }
    }

    [Fact]
    public void Sanitize_keeps_valid_surrogate_pairs()
    {
        Assert.Equal("Cam 🍊 Cao Phong", VietnameseText.Sanitize("Cam 🍊 Cao Phong"));
    }
}
