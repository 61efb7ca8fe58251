namespace OcopFairs.Abstractions;

[GenerateSerializer, Immutable, Alias("ocop.BuyerView")]
public sealed record BuyerView(
    [property: Id(0)] string BuyerId,
    [property: Id(1)] BuyerProfile Profile,
    [property: Id(2)] string? OwnerUserId);

/// <summary>A buyer organisation's profile and sourcing needs [buyerId]; only its owner changes it.</summary>
public interface IBuyerGrain : IGrainWithStringKey
{
    /// <summary>Validates and stores the profile; a need without an id gets one. Answers the stored profile.</summary>
    Task<BuyerView> SaveProfileAsync(BuyerProfile profile, string? ownerUserId);

    Task<BuyerView?> GetAsync();
}
