using System.Collections.Immutable;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Grains;

[GenerateSerializer, Immutable, Alias("ocop.ProducerState")]
public sealed record ProducerState
{
    [Id(0)] public ProducerProfile? Profile { get; init; }
    [Id(1)] public ImmutableArray<Product> Products { get; init; } = [];
    [Id(2)] public string? OwnerUserId { get; init; }
}

public sealed class ProducerGrain(
    [PersistentState("producer", StorageNames.Default)] IPersistentState<ProducerState> state,
    ICatalogIndex index) : Grain, IProducerGrain
{
    public async Task<ProducerView> SaveProfileAsync(ProducerProfile profile, string? ownerUserId)
    {
        var clean = profile with
        {
            Name = VietnameseText.Normalize(profile.Name),
            Province = VietnameseText.Normalize(profile.Province),
            District = VietnameseText.Normalize(profile.District),
            Commune = VietnameseText.Normalize(profile.Commune),
            Description = profile.Description is null ? null : VietnameseText.Normalize(profile.Description),
        };
        DomainException.ThrowIfInvalid("producer.invalid", CatalogRules.Validate(clean));
        if (state.State.Profile != clean || (ownerUserId is not null && state.State.OwnerUserId != ownerUserId))
        {
            await state.CommitAsync(state.State with { Profile = clean, OwnerUserId = ownerUserId ?? state.State.OwnerUserId });
            await index.UpsertProducerAsync(View());
        }

        return View();
    }

    public async Task<ProducerView> SaveProductAsync(Product product)
    {
        if (state.State.Profile is null)
        {
            throw DomainException.Conflict("producer.noProfile", "Create the producer profile before adding products.");
        }

        var products = state.State.Products.IsDefault ? [] : state.State.Products;
        var clean = product with { Name = VietnameseText.Normalize(product.Name) };
        DomainException.ThrowIfInvalid("product.invalid", CatalogRules.Validate(clean));
        var position = products.IndexOf(products.FirstOrDefault(p => p.ProductId == product.ProductId)!);
        if (position >= 0 && Same(products[position], clean))
        {
            return View();
        }

        products = position >= 0 ? products.SetItem(position, clean) : products.Add(clean);
        await state.CommitAsync(state.State with { Products = products });
        await index.UpsertProducerAsync(View());
        return View();
    }

    public async Task<bool> DeleteProductAsync(string productId)
    {
        var products = state.State.Products.IsDefault ? [] : state.State.Products;
        var remaining = products.RemoveAll(p => p.ProductId == productId);
        if (remaining.Length == products.Length)
        {
            return false;
        }

        await state.CommitAsync(state.State with { Products = remaining });
        await index.UpsertProducerAsync(View());
        return true;
    }

    /// <summary>Record equality compares ImmutableArray by reference, so certifications are compared by content.</summary>
    private static bool Same(Product a, Product b) =>
        a with { Certifications = [] } == b with { Certifications = [] } && a.Certifications.SequenceEqual(b.Certifications);

    public Task<ProducerView?> GetAsync() => Task.FromResult(state.State.Profile is null ? null : View());

    private ProducerView View() =>
        new(this.GetPrimaryKeyString(), state.State.Profile!, state.State.Products.IsDefault ? [] : state.State.Products, state.State.OwnerUserId);
}
