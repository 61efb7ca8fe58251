using CsCheck;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Domain.Tests;

public class FieldRulesTests
{
    [Theory]
    [InlineData('\u0000')]
    [InlineData('\u0007')]
    [InlineData('\u001b')]
    [InlineData('\u007f')]
    [InlineData('\u0085')]
    [InlineData('\u009f')]
    public void C0_DEL_and_C1_controls_are_controls_in_any_field(char c)
    {
        Assert.True(FieldRules.HasControl($"a{c}b"));
        Assert.True(FieldRules.HasControl($"a{c}b", multiline: true));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\t")]
    public void Line_breaks_and_tabs_belong_in_multi_line_fields_only(string s)
    {
        Assert.True(FieldRules.HasControl($"dòng một{s}dòng hai"));
        Assert.False(FieldRules.HasControl($"dòng một{s}dòng hai", multiline: true));
    }

    [Fact]
    public void Vietnamese_text_and_other_scripts_are_not_controls() =>
        Assert.False(FieldRules.HasControl("Hợp tác xã Đồng Tâm – 合作社 ✓ \u00a0 \u2028"));

    [Fact]
    public void TextError_reports_the_first_thing_wrong()
    {
        Assert.Equal("required", FieldRules.TextError(" ", 10, required: true));
        Assert.Null(FieldRules.TextError(null, 10));
        Assert.Equal("tooLong", FieldRules.TextError(new string('x', 11), 10));
        Assert.Equal("controlCharacter", FieldRules.TextError("a\0", 10));
        Assert.Null(FieldRules.TextError("Hòa Bình", 10));
    }

    [Fact]
    public void No_number_outside_the_range_passes_including_NaN() =>
        Gen.OneOf(Gen.Double, Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity)).Sample(v =>
        {
            var errors = new Errors();
            errors.Range("x", (double?)v, 0, 100);
            Assert.Equal(!(v >= 0 && v <= 100), errors.Count == 1);
        });

    [Fact]
    public void Positive_excludes_zero_and_NaN()
    {
        var errors = new Errors();
        errors.Positive("a", (double?)0, 10);
        errors.Positive("b", (double?)double.NaN, 10);
        errors.Positive("c", (double?)10, 10);
        errors.Positive("d", (double?)null, 10);

        Assert.Equal(["a", "b"], errors.ToDictionary().Keys.Order());
    }

    [Fact]
    public void Defined_refuses_numbers_that_name_no_value()
    {
        var errors = new Errors();
        errors.Defined("mode", (AllocationMode?)AllocationMode.Organiser);
        errors.Defined("kind", (ProducerKind?)(ProducerKind)42);

        Assert.Equal(new Dictionary<string, string[]> { ["kind"] = ["invalidValue"] }, errors.ToDictionary());
    }

    [Theory]
    [InlineData("p-0197a8b2", true)]
    [InlineData("hoa-binh-ocop-fair", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("a b", false)]
    [InlineData("p\u00001", false)]
    [InlineData("đ", false)]
    public void Ids_are_short_url_safe_strings(string? id, bool expected) => Assert.Equal(expected, FieldRules.IsId(id));

    [Fact]
    public void Ids_longer_than_64_are_not_ids() => Assert.False(FieldRules.IsId(new string('a', 65)));
}
