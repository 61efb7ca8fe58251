using System.Text;
using OcopFairs.Abstractions;

namespace OcopFairs.Grains.Tests;

[Collection(ClusterCollection.Name)]
public class ProducerGrainTests(ClusterFixture fixture)
{
    private IProducerGrain NewProducer() => fixture.Grains.GetGrain<IProducerGrain>(TestData.NewId("producer"));

    private static string Nfd(string s) => s.Normalize(NormalizationForm.FormD);

    private static string Nfc(string s) => s.Normalize(NormalizationForm.FormC);

    private static ProducerProfile Profile(string name = "HTX Bưởi Diễn") => new(
        Name: name,
        Kind: ProducerKind.Cooperative,
        Province: "Hà Nội",
        District: "Bắc Từ Liêm",
        Commune: "Phú Diễn",
        Puc: null,
        Phone: "0900000000",
        Email: null,
        Description: "Bưởi đặc sản");

    private static Product Product(string id = "p1", string name = "Bưởi Diễn loại 1") => new(
        ProductId: id,
        Name: name,
        Group: ProductGroup.Food,
        SubGroup: "1.1",
        GroupRule: "148/2023",
        Stars: 4,
        CertificateNo: "OCOP-HN-001",
        CertificateLevel: CertificateLevel.Province,
        CertifiedOn: new DateOnly(2029, 1, 15),
        CertificateExpiresOn: new DateOnly(2032, 1, 15),
        Certifications: ["VietGAP"]);

    [Fact]
    public async Task SaveProduct_before_the_profile_is_refused()
    {
        var producer = NewProducer();

        var ex = await Assert.ThrowsAsync<DomainException>(() => producer.SaveProductAsync(Product()));

        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
        Assert.Equal("producer.noProfile", ex.Code);
        Assert.Null(await producer.GetAsync());
    }

    [Fact]
    public async Task A_profile_or_product_the_rules_refuse_is_refused_by_the_grain_and_changes_nothing()
    {
        var producer = NewProducer();
        await producer.SaveProfileAsync(Profile(), "user-1");
        await producer.SaveProductAsync(Product());
        var before = await producer.GetAsync();

        var profile = await Assert.ThrowsAsync<DomainException>(() => producer.SaveProfileAsync(Profile("HTX\0"), "user-1"));
        var product = await Assert.ThrowsAsync<DomainException>(() => producer.SaveProductAsync(Product(name: "Bưởi\u0000")));
        var stars = await Assert.ThrowsAsync<DomainException>(() => producer.SaveProductAsync(Product("p2") with { Stars = 9 }));

        Assert.Equal(("producer.invalid", DomainErrorKind.Invalid), (profile.Code, profile.Kind));
        Assert.Equal(["name"], profile.Items.ToArray());
        Assert.Equal("product.invalid", product.Code);
        Assert.Equal(["name"], product.Items.ToArray());
        Assert.Equal(["stars"], stars.Items.ToArray());
        var after = (await producer.GetAsync())!;
        Assert.Equal(before!.Profile, after.Profile);
        Assert.Equal(before.Products.Select(p => p.Name), after.Products.Select(p => p.Name));
    }

    [Fact]
    public async Task SaveProfile_stores_text_trimmed_in_NFC()
    {
        var producer = NewProducer();
        var decomposed = Profile(Nfd(" HTX Bưởi Diễn  ")) with
        {
            Province = Nfd("Hà Nội"),
            District = Nfd("Bắc Từ Liêm"),
            Commune = Nfd("Phú Diễn"),
            Description = Nfd("Bưởi đặc sản "),
        };

        var view = await producer.SaveProfileAsync(decomposed, "user-1");

        Assert.Equal(Nfc("HTX Bưởi Diễn"), view.Profile.Name);
        Assert.Equal(Nfc("Hà Nội"), view.Profile.Province);
        Assert.Equal(Nfc("Bắc Từ Liêm"), view.Profile.District);
        Assert.Equal(Nfc("Phú Diễn"), view.Profile.Commune);
        Assert.Equal(Nfc("Bưởi đặc sản"), view.Profile.Description);
        Assert.Equal("user-1", view.OwnerUserId);
        Assert.Equal(view.Profile, (await producer.GetAsync())!.Profile);
    }

    [Fact]
    public async Task SaveProduct_stores_the_name_in_NFC_and_replaces_by_product_id()
    {
        var producer = NewProducer();
        await producer.SaveProfileAsync(Profile(), "user-1");

        await producer.SaveProductAsync(Product("p1", Nfd("Bưởi Diễn loại 1")));
        await producer.SaveProductAsync(Product("p2", "Mật ong hoa nhãn"));
        var view = await producer.SaveProductAsync(Product("p1", Nfd("Bưởi Diễn loại đặc biệt")));

        Assert.Equal(["p1", "p2"], view.Products.Select(p => p.ProductId));
        Assert.Equal(Nfc("Bưởi Diễn loại đặc biệt"), view.Products[0].Name);
    }

    [Fact]
    public async Task SaveProfile_without_an_owner_keeps_the_existing_owner()
    {
        var producer = NewProducer();
        await producer.SaveProfileAsync(Profile(), "user-1");

        var view = await producer.SaveProfileAsync(Profile("HTX Bưởi Diễn Phú Diễn"), ownerUserId: null);

        Assert.Equal("user-1", view.OwnerUserId);
        Assert.Equal("HTX Bưởi Diễn Phú Diễn", view.Profile.Name);
    }
}
