using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Grains;

[GenerateSerializer, Immutable, Alias("ocop.FairDirectoryState")]
public sealed record FairDirectoryState
{
    [Id(0)] public ImmutableDictionary<string, FairSummary> Fairs { get; init; } = ImmutableDictionary<string, FairSummary>.Empty;
}

public sealed class FairDirectoryGrain(
    [PersistentState("fairDirectory", StorageNames.Default)] IPersistentState<FairDirectoryState> state) : Grain, IFairDirectoryGrain
{
    public async Task UpsertAsync(FairSummary summary)
    {
        if (state.State.Fairs.TryGetValue(summary.FairId, out var existing) && existing == summary)
        {
            return;
        }

        await state.CommitAsync(state.State with { Fairs = state.State.Fairs.SetItem(summary.FairId, summary) });
    }

    public Task<ImmutableArray<FairSummary>> ListAsync() =>
        Task.FromResult(state.State.Fairs.Values.OrderBy(f => f.StartsAt).ThenBy(f => f.FairId, StringComparer.Ordinal).ToImmutableArray());
}
