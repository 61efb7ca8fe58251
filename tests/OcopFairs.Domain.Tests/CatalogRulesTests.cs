using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Domain.Tests;

public class CatalogRulesTests
{
    private static ProducerProfile Profile() => new(
        Name: "HTX Hà Phong",
        Kind: ProducerKind.Cooperative,
        Province: "Hòa Bình",
        District: "Cao Phong",
        Commune: "Thị trấn Cao Phong",
        Puc: "VN-HB-CP-0012",
        Phone: "+84 912 345 678",
        Email: "haphong@example.vn",
        Description: "Cam Cao Phong và nước cam lên men");

    private static Product Product() => new(
        ProductId: "p1",
        Name: "Nước cam lên men Hà Phong",
        Group: ProductGroup.Beverages,
        SubGroup: "2.1",
        GroupRule: CatalogRules.CurrentGroupRule,
        Stars: 4,
        CertificateNo: "OCOP-HB-2024-017",
        CertificateLevel: CertificateLevel.Province,
        CertifiedOn: new DateOnly(2024, 5, 10),
        CertificateExpiresOn: new DateOnly(2027, 5, 10),
        Certifications: ["VietGAP", "HACCP"],
        CapacityPerMonth: new Quantity(2, "tấn"),
        PriceRange: new PriceRange(80_000, 120_000, "chai"),
        ShopLinks: [new ShopLink("Shopee", "https://shopee.vn/haphong"), new ShopLink("Postmart", "http://postmart.vn/haphong")]);

    // ---- Products -----------------------------------------------------------------------------------------------

    [Fact]
    public void A_complete_product_is_valid() => Assert.Empty(CatalogRules.Validate(Product()));

    [Fact]
    public void A_product_without_the_optional_parts_is_valid() =>
        Assert.Empty(CatalogRules.Validate(Product() with
        {
            SubGroup = null,
            Certifications = default,
            CapacityPerMonth = null,
            PriceRange = null,
            ShopLinks = default,
        }));

    private static readonly Dictionary<string, Func<Product, Product>> ProductChanges = new()
    {
        ["blank name"] = p => p with { Name = " " },
        ["long name"] = p => p with { Name = new string('x', 201) },
        ["unknown group"] = p => p with { Group = (ProductGroup)42 },
        ["long sub-group"] = p => p with { SubGroup = new string('x', 61) },
        ["two stars"] = p => p with { Stars = 2 },
        ["six stars"] = p => p with { Stars = 6 },
        ["blank certificate number"] = p => p with { CertificateNo = "" },
        ["unknown level"] = p => p with { CertificateLevel = (CertificateLevel)9 },
        ["expires before certified"] = p => p with { CertificateExpiresOn = p.CertifiedOn.AddDays(-1) },
        ["certified before 2018"] = p => p with { CertifiedOn = new DateOnly(2017, 12, 31) },
        ["blank certification"] = p => p with { Certifications = ["VietGAP", " "] },
        ["eleven certifications"] = p => p with { Certifications = [.. Enumerable.Repeat("VietGAP", 11)] },
        ["zero capacity"] = p => p with { CapacityPerMonth = new Quantity(0, "kg") },
        ["unknown capacity unit"] = p => p with { CapacityPerMonth = new Quantity(5, "bao") },
        ["negative price"] = p => p with { PriceRange = new PriceRange(-1, 10_000, "kg") },
        ["max below min"] = p => p with { PriceRange = new PriceRange(50_000, 49_999, "kg") },
        ["unknown price unit"] = p => p with { PriceRange = new PriceRange(1, 2, "thùng") },
        ["unknown platform"] = p => p with { ShopLinks = [new ShopLink("Shopee", "https://shopee.vn/x"), new ShopLink("Lazada", "https://lazada.vn/x")] },
        ["relative url"] = p => p with { ShopLinks = [new ShopLink("Website", "haphong.vn")] },
        ["ftp url"] = p => p with { ShopLinks = [new ShopLink("Website", "ftp://haphong.vn/catalogue")] },
        ["script url"] = p => p with { ShopLinks = [new ShopLink("Website", "javascript:alert(1)")] },
        ["long url"] = p => p with { ShopLinks = [new ShopLink("Website", "https://haphong.vn/" + new string('a', 490))] },
        ["eleven links"] = p => p with { ShopLinks = [.. Enumerable.Repeat(new ShopLink("Website", "https://haphong.vn"), 11)] },
        ["NUL in the name"] = p => p with { Name = "Nước cam\0" },
        ["line break in the name"] = p => p with { Name = "Nước cam\nlên men" },
        ["C1 control in the certificate number"] = p => p with { CertificateNo = "OCOP\u0085017" },
        ["control in a certification"] = p => p with { Certifications = ["Viet\u0007GAP"] },
        ["control in a link"] = p => p with { ShopLinks = [new ShopLink("Website", "https://haphong.vn/\u0000")] },
        ["expires after 2100"] = p => p with { CertificateExpiresOn = DateOnly.MaxValue },
        ["price above the bound"] = p => p with { PriceRange = new PriceRange(1, CatalogRules.MaxPriceVnd + 1, "kg") },
        ["capacity above the bound"] = p => p with { CapacityPerMonth = new Quantity(CatalogRules.MaxCapacity + 1, "kg") },
    };

    [Theory]
    [InlineData("blank name", "name", "required")]
    [InlineData("long name", "name", "tooLong")]
    [InlineData("unknown group", "group", "invalidGroup")]
    [InlineData("long sub-group", "subGroup", "tooLong")]
    [InlineData("two stars", "stars", "starsOutOfRange")]
    [InlineData("six stars", "stars", "starsOutOfRange")]
    [InlineData("blank certificate number", "certificateNo", "required")]
    [InlineData("unknown level", "certificateLevel", "invalidLevel")]
    [InlineData("expires before certified", "certificateExpiresOn", "expiresBeforeCertified")]
    [InlineData("certified before 2018", "certifiedOn", "outOfRange")]
    [InlineData("blank certification", "certifications", "invalidCertification")]
    [InlineData("eleven certifications", "certifications", "invalidCertification")]
    [InlineData("zero capacity", "capacityPerMonth.quantity", "outOfRange")]
    [InlineData("unknown capacity unit", "capacityPerMonth.unit", "unknownUnit")]
    [InlineData("negative price", "priceRange", "invalidPriceRange")]
    [InlineData("max below min", "priceRange", "invalidPriceRange")]
    [InlineData("unknown price unit", "priceRange.unit", "unknownUnit")]
    [InlineData("unknown platform", "shopLinks[1].platform", "unknownPlatform")]
    [InlineData("relative url", "shopLinks[0].url", "invalidUrl")]
    [InlineData("ftp url", "shopLinks[0].url", "invalidUrl")]
    [InlineData("script url", "shopLinks[0].url", "invalidUrl")]
    [InlineData("long url", "shopLinks[0].url", "invalidUrl")]
    [InlineData("eleven links", "shopLinks", "tooMany")]
    [InlineData("NUL in the name", "name", "controlCharacter")]
    [InlineData("line break in the name", "name", "controlCharacter")]
    [InlineData("C1 control in the certificate number", "certificateNo", "controlCharacter")]
    [InlineData("control in a certification", "certifications", "invalidCertification")]
    [InlineData("control in a link", "shopLinks[0].url", "invalidUrl")]
    [InlineData("expires after 2100", "certificateExpiresOn", "outOfRange")]
    [InlineData("price above the bound", "priceRange.max", "outOfRange")]
    [InlineData("capacity above the bound", "capacityPerMonth.quantity", "outOfRange")]
    public void An_invalid_product_is_refused_with_exactly_that_field_error(string change, string field, string code)
    {
        var errors = CatalogRules.Validate(ProductChanges[change](Product()));

        Assert.Equal([field], errors.Keys);
        Assert.Equal([code], errors[field]);
    }

    [Fact]
    public void A_certificate_dated_after_2100_is_refused() =>
        Assert.Equal(
            ["outOfRange"],
            CatalogRules.Validate(Product() with { CertifiedOn = new DateOnly(2101, 1, 1), CertificateExpiresOn = new DateOnly(2101, 1, 2) })["certifiedOn"]);

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Three_to_five_stars_are_valid(int stars) =>
        Assert.Empty(CatalogRules.Validate(Product() with { Stars = stars }));

    [Fact]
    public void A_certificate_expiring_the_day_it_is_issued_and_an_equal_price_range_are_valid() =>
        Assert.Empty(CatalogRules.Validate(Product() with
        {
            CertificateExpiresOn = Product().CertifiedOn,
            PriceRange = new PriceRange(0, 0, "kg"),
        }));

    [Fact]
    public void Every_problem_of_a_product_is_reported_at_once()
    {
        var errors = CatalogRules.Validate(Product() with
        {
            Name = "",
            Stars = 1,
            CertificateExpiresOn = new DateOnly(2020, 1, 1),
            ShopLinks = [new ShopLink("Lazada", "not a url")],
        });

        Assert.Equal(
            ["certificateExpiresOn", "name", "shopLinks[0].platform", "shopLinks[0].url", "stars"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    // ---- Profiles -----------------------------------------------------------------------------------------------

    [Fact]
    public void A_complete_profile_is_valid() => Assert.Empty(CatalogRules.Validate(Profile()));

    [Theory]
    [InlineData("0912345678")]
    [InlineData("+84 912 345 678")]
    [InlineData("(0218) 3852.123")]
    [InlineData("0218-385-2123")]
    [InlineData("123456789")]        // 9 digits
    [InlineData("123456789012345")]  // 15 digits
    public void Phone_numbers_written_the_usual_ways_are_valid(string phone) =>
        Assert.Empty(CatalogRules.Validate(Profile() with { Phone = phone }));

    [Theory]
    [InlineData("12345678")]          // 8 digits
    [InlineData("1234567890123456")]  // 16 digits
    [InlineData("0912 345 abc")]
    [InlineData("0912/345/678")]
    public void Other_phone_numbers_are_refused(string phone) =>
        Assert.Equal(["invalidPhone"], CatalogRules.Validate(Profile() with { Phone = phone })["phone"]);

    [Theory]
    [InlineData("haphong.example.vn")]
    [InlineData("@example.vn")]
    [InlineData("haphong@")]
    public void Email_addresses_without_both_sides_of_an_at_sign_are_refused(string email) =>
        Assert.Equal(["invalidEmail"], CatalogRules.Validate(Profile() with { Email = email })["email"]);

    [Fact]
    public void An_email_address_longer_than_256_characters_is_refused() =>
        Assert.Equal(["invalidEmail"], CatalogRules.Validate(Profile() with { Email = new string('a', 250) + "@ex.vn1" })["email"]);

    [Theory]
    [InlineData("VN-HB-CP-0012")]
    [InlineData("VN.17.148.04960.001")]
    [InlineData("VNHB001")]
    public void Production_unit_codes_of_letters_digits_dots_and_dashes_are_valid(string puc) =>
        Assert.Empty(CatalogRules.Validate(Profile() with { Puc = puc }));

    [Theory]
    [InlineData("VN HB 001")]
    [InlineData("VN/HB/001")]
    [InlineData("VN-HB-Đ01")]
    public void Other_production_unit_codes_are_refused(string puc) =>
        Assert.Equal(["invalidPuc"], CatalogRules.Validate(Profile() with { Puc = puc })["puc"]);

    [Fact]
    public void A_production_unit_code_longer_than_40_characters_is_refused() =>
        Assert.Equal(["invalidPuc"], CatalogRules.Validate(Profile() with { Puc = new string('1', 41) })["puc"]);

    [Fact]
    public void Optional_contact_fields_may_be_left_out() =>
        Assert.Empty(CatalogRules.Validate(Profile() with { Puc = null, Phone = "", Email = null, Description = null }));

    [Fact]
    public void Name_and_address_are_required()
    {
        var errors = CatalogRules.Validate(Profile() with { Name = " ", Province = "", District = "\t", Commune = "" });

        Assert.Equal(["commune", "district", "name", "province"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, codes => Assert.Equal(["required"], codes));
    }

    [Fact]
    public void Overlong_text_is_refused()
    {
        var errors = CatalogRules.Validate(Profile() with { Name = new string('x', 201), Description = new string('x', 4001) });

        Assert.Equal(["tooLong"], errors["name"]);
        Assert.Equal(["tooLong"], errors["description"]);
    }

    [Fact]
    public void Control_characters_are_refused_in_every_text_of_a_profile()
    {
        var errors = CatalogRules.Validate(Profile() with
        {
            Name = "HTX\0", Province = "Hòa\u001bBình", District = "Cao\u0085Phong", Commune = "\u007f", Description = "Cam\0",
            Email = "haphong\0@example.vn",
        });

        Assert.Equal(["commune", "description", "district", "email", "name", "province"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(["commune", "description", "district", "name", "province"], field => Assert.Equal(["controlCharacter"], errors[field]));
    }

    [Fact]
    public void A_description_may_run_over_several_lines() =>
        Assert.Empty(CatalogRules.Validate(Profile() with { Description = "Cam Cao Phong.\r\n\tNước cam lên men." }));

    [Fact]
    public void An_unknown_kind_is_refused() =>
        Assert.Equal(["invalidValue"], CatalogRules.Validate(Profile() with { Kind = (ProducerKind)42 })["kind"]);

    [Fact]
    public void A_profile_is_complete_with_an_address_and_a_phone_or_an_email()
    {
        Assert.True(CatalogRules.IsComplete(Profile()));
        Assert.True(CatalogRules.IsComplete(Profile() with { Email = null }));
        Assert.True(CatalogRules.IsComplete(Profile() with { Phone = null }));
        Assert.False(CatalogRules.IsComplete(Profile() with { Phone = null, Email = null }));
        Assert.False(CatalogRules.IsComplete(Profile() with { District = " " }));
        Assert.False(CatalogRules.IsComplete(null));
    }

    // ---- Certificate validity -----------------------------------------------------------------------------------

    [Theory]
    [InlineData("2024-02-29", "2027-02-28")] // no 29 February in 2027
    [InlineData("2023-02-24", "2026-02-24")]
    [InlineData("2025-07-06", "2028-07-06")]
    [InlineData("2024-12-31", "2027-12-31")]
    public void A_certificate_is_valid_for_36_months_by_default(string certifiedOn, string expiresOn) =>
        Assert.Equal(DateOnly.Parse(expiresOn), CatalogRules.DefaultExpiry(DateOnly.Parse(certifiedOn)));

    [Theory]
    [InlineData(-400, CertificateState.Expired)]
    [InlineData(-1, CertificateState.Expired)]       // ended yesterday
    [InlineData(0, CertificateState.ExpiringSoon)]   // still valid today
    [InlineData(90, CertificateState.ExpiringSoon)]
    [InlineData(91, CertificateState.Valid)]
    [InlineData(1000, CertificateState.Valid)]
    public void StateOn_flags_certificates_ending_within_90_days(int daysFromToday, CertificateState state)
    {
        var today = new DateOnly(2026, 6, 1);

        Assert.Equal(state, CatalogRules.StateOn(today.AddDays(daysFromToday), today));
    }

    [Theory]
    [InlineData("https://shopee.vn/htx", "Shopee")]
    [InlineData("https://m.shopee.vn/htx", "Shopee")]
    [InlineData("https://postmart.vn/gian-hang/1", "Postmart")]
    [InlineData("https://voso.vn/shop/1", "Voso")]
    [InlineData("https://www.sendo.vn/shop/1", "Sendo")]
    [InlineData("https://tiki.vn/cua-hang/1", "Tiki")]
    [InlineData("http://htx.example.vn", "Website")]
    [InlineData("https://notshopee.vn/x", "Website")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("ftp://files.example.vn", null)]
    [InlineData("shopee.vn/htx", null)]
    public void A_shop_links_platform_is_recognised_from_its_address(string url, string? platform) =>
        Assert.Equal(platform, CatalogRules.PlatformOf(url));

    [Fact]
    public void A_profiles_shop_links_are_known_platforms_on_web_addresses()
    {
        Assert.Empty(CatalogRules.Validate(Profile() with { ShopLinks = [new ShopLink("Tiki", "https://tiki.vn/x")] }));
        var errors = CatalogRules.Validate(Profile() with
        {
            ShopLinks = [new ShopLink("Lazada", "https://lazada.vn/x"), new ShopLink("Website", "javascript:alert(1)")],
        });
        Assert.Equal(["unknownPlatform"], errors["shopLinks[0].platform"]);
        Assert.Equal(["invalidUrl"], errors["shopLinks[1].url"]);
        Assert.Equal(["tooMany"], CatalogRules.Validate(Profile() with
        {
            ShopLinks = [.. Enumerable.Range(0, 11).Select(i => new ShopLink("Website", $"https://x{i}.vn"))],
        })["shopLinks"]);
    }

    [Fact]
    public void Profiles_with_the_same_shop_links_are_equal() =>
        Assert.Equal(Profile() with { ShopLinks = [new ShopLink("Tiki", "https://tiki.vn/x")] }, Profile() with { ShopLinks = [new ShopLink("Tiki", "https://tiki.vn/x")] });
}
