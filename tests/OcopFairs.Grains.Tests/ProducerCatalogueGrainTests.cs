using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Grains.Tests;

[Collection(ClusterCollection.Name)]
public class ProducerCatalogueGrainTests(ClusterFixture fixture)
{
    private static InMemoryProjections Index => InMemoryProjections.Instance;

    private static readonly ProducerProfile Profile = new(
        "HTX Nông nghiệp Xanh Kim Bôi", ProducerKind.Cooperative, "Hòa Bình", "Kim Bôi", "Dũng Phong",
        null, "0912345678", null, null);

    private static Product Product(string id) => new(
        id, $"Bưởi Diễn {id}", ProductGroup.Food, null, CatalogRules.CurrentGroupRule, 3, $"OCOP-KB-{id}",
        CertificateLevel.District, new DateOnly(2025, 3, 1), new DateOnly(2028, 3, 1), ["VietGAP"]);

    private async Task<(IProducerGrain Grain, string Id)> NewProducerWithAsync(params string[] productIds)
    {
        var id = TestData.NewId("producer");
        var grain = fixture.Grains.GetGrain<IProducerGrain>(id);
        await grain.SaveProfileAsync(Profile, "user-1");
        foreach (var productId in productIds)
        {
            await grain.SaveProductAsync(Product(productId));
        }

        return (grain, id);
    }

    [Fact]
    public async Task Saving_a_profile_and_products_is_reported_to_the_catalogue_index()
    {
        var (_, id) = await NewProducerWithAsync("p1", "p2");

        Assert.Equal(["p1", "p2"], Index.Producers[id].Products.Select(p => p.ProductId));
        Assert.Equal("HTX Nông nghiệp Xanh Kim Bôi", Index.Producers[id].Profile.Name);
    }

    [Fact]
    public async Task Deleting_a_product_removes_it_and_reports_the_catalogue_to_the_index()
    {
        var (grain, id) = await NewProducerWithAsync("p1", "p2", "p3");

        Assert.True(await grain.DeleteProductAsync("p2"));

        Assert.Equal(["p1", "p3"], (await grain.GetAsync())!.Products.Select(p => p.ProductId));
        Assert.Equal(["p1", "p3"], Index.Producers[id].Products.Select(p => p.ProductId));
    }

    [Fact]
    public async Task Deleting_an_unknown_product_returns_false_and_reports_nothing()
    {
        var (grain, id) = await NewProducerWithAsync("p1");
        Assert.True(Index.Producers.TryRemove(id, out _));

        Assert.False(await grain.DeleteProductAsync("p9"));

        Assert.Equal(["p1"], (await grain.GetAsync())!.Products.Select(p => p.ProductId));
        Assert.False(Index.Producers.ContainsKey(id));
    }

    [Fact]
    public async Task Deleting_the_same_product_twice_is_true_then_false()
    {
        var (grain, _) = await NewProducerWithAsync("p1");

        Assert.True(await grain.DeleteProductAsync("p1"));
        Assert.False(await grain.DeleteProductAsync("p1"));

        Assert.Empty((await grain.GetAsync())!.Products);
    }

    [Fact]
    public async Task Deleting_from_a_producer_that_does_not_exist_returns_false()
    {
        var grain = fixture.Grains.GetGrain<IProducerGrain>(TestData.NewId("producer"));

        Assert.False(await grain.DeleteProductAsync("p1"));
        Assert.Null(await grain.GetAsync());
    }

    [Fact]
    public async Task Saving_an_unchanged_product_again_reports_nothing()
    {
        var (grain, id) = await NewProducerWithAsync("p1");
        Assert.True(Index.Producers.TryRemove(id, out _));

        await grain.SaveProductAsync(Product("p1"));

        Assert.False(Index.Producers.ContainsKey(id));
    }
}
