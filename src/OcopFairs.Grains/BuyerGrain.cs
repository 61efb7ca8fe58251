using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Grains;

/// <summary>
/// What happens outside the buyer grain when a profile changes (PostgreSQL and the matching index in the server): the
/// fairs' buyer lists take the new kind and organisation, and rankings that depend on the needs are redone.
/// </summary>
public interface IBuyerEvents
{
    Task ProfileChangedAsync(BuyerView buyer);
}

[GenerateSerializer, Immutable, Alias("ocop.BuyerState")]
public sealed record BuyerState
{
    [Id(0)] public BuyerProfile? Profile { get; init; }
    [Id(1)] public string? OwnerUserId { get; init; }
}

public sealed class BuyerGrain(
    [PersistentState("buyer", StorageNames.Default)] IPersistentState<BuyerState> state,
    IBuyerEvents events) : Grain, IBuyerGrain
{
    public async Task<BuyerView> SaveProfileAsync(BuyerProfile profile, string? ownerUserId)
    {
        var needs = profile.Needs.IsDefault ? [] : profile.Needs;
        var clean = BuyerRules.Normalize(profile with
        {
            Needs = [.. needs.Select(n => string.IsNullOrEmpty(n.NeedId) ? n with { NeedId = "n-" + Guid.CreateVersion7().ToString("N")[..16] } : n)],
        });
        DomainException.ThrowIfInvalid("buyer.invalid", BuyerRules.Validate(clean));
        var owner = ownerUserId ?? state.State.OwnerUserId;
        if (!Same(state.State.Profile, clean) || owner != state.State.OwnerUserId)
        {
            await state.CommitAsync(state.State with { Profile = clean, OwnerUserId = owner });
        }

        // Told after every save, changed or not: a retry after a failed projection must reach it.
        await events.ProfileChangedAsync(View());
        return View();
    }

    public Task<BuyerView?> GetAsync() => Task.FromResult(state.State.Profile is null ? null : View());

    private BuyerView View() => new(this.GetPrimaryKeyString(), state.State.Profile!, state.State.OwnerUserId);

    /// <summary>Records compare immutable arrays by reference; the profile is compared through its JSON-like content.</summary>
    private static bool Same(BuyerProfile? a, BuyerProfile b) =>
        a is not null && System.Text.Json.JsonSerializer.Serialize(a) == System.Text.Json.JsonSerializer.Serialize(b);
}
