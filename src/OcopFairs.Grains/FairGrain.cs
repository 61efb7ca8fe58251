using System.Collections.Immutable;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Grains;

[GenerateSerializer, Immutable, Alias("ocop.FairState")]
public sealed record FairState
{
    [Id(0)] public FairDetails? Details { get; init; }
    [Id(1)] public FairStatus Status { get; init; }
    [Id(2)] public string OrganiserId { get; init; } = string.Empty;

    // Ids 3–6 held the floor before it had a grain of its own; they are not reused.

    [Id(7)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>How many booths the floor plan has (the plan itself lives in the floor grain).</summary>
    [Id(8)] public int BoothCount { get; init; }
}

/// <summary>
/// A fair [fairId]: details, lifecycle and organiser. The floor (plan, booth occupation, versioned events) is the
/// <see cref="FloorGrain"/> of the same key; this grain validates, forwards plans to it and tells it the fair's rules.
/// The two are written apart, so the floor's rules are brought back in line whenever they may have drifted: on
/// activation, on every change, and by deactivating after a failed hand-over.
/// </summary>
public sealed class FairGrain(
    [PersistentState("fair", StorageNames.Default)] IPersistentState<FairState> state,
    IGrainFactory grains,
    TimeProvider clock) : Grain, IFairGrain
{
    private string FairId => this.GetPrimaryKeyString();

    private IFloorGrain Floor => grains.GetGrain<IFloorGrain>(FairId);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Details is not null)
        {
            await Floor.SetRulesAsync(Rules(state.State));
        }
    }

    public async Task<FairView> CreateAsync(FairDetails details, string organiserId)
    {
        if (state.State.Details is not null)
        {
            // Same key again (a retried create): answer with what exists rather than overwrite it, and repair the
            // directory and the floor's rules in case the first attempt failed after the fair was written.
            await Floor.SetRulesAsync(Rules(state.State));
            await grains.GetGrain<IFairDirectoryGrain>(0).UpsertAsync(Summary(state.State));
            return await ViewAsync();
        }

        DomainException.ThrowIfInvalid("fair.invalid", FairRules.Validate(details));

        var next = state.State with
        {
            Details = details with { Name = VietnameseText.Normalize(details.Name), Venue = VietnameseText.Normalize(details.Venue) },
            Status = FairStatus.Draft,
            OrganiserId = organiserId,
            CreatedAt = clock.GetUtcNow(),
        };
        await state.CommitAsync(next);
        await Floor.SetRulesAsync(Rules(next));
        await grains.GetGrain<IFairDirectoryGrain>(0).UpsertAsync(Summary(next));
        return await ViewAsync();
    }

    public async Task<FairView?> GetAsync() => state.State.Details is null ? null : await ViewAsync();

    public async Task<FloorView> SetFloorPlanAsync(FloorPlan plan)
    {
        EnsureExists();
        plan = new FloorPlan(plan.Zones.IsDefault ? [] : plan.Zones, plan.Booths.IsDefault ? [] : plan.Booths);
        DomainException.ThrowIfInvalid("floorPlan.invalid", FloorPlans.Validate(plan));

        var next = state.State with { BoothCount = plan.Booths.Length };
        var floor = await Floor.SetPlanAsync(plan, Summary(next));
        if (next.BoothCount != state.State.BoothCount)
        {
            await state.CommitAsync(next);
        }

        await grains.GetGrain<IFairDirectoryGrain>(0).UpsertAsync(Summary(next));
        return floor;
    }

    public Task<FloorView> GetFloorAsync()
    {
        EnsureExists();
        return Floor.GetFloorAsync();
    }

    public Task<FairChanges> GetChangesSinceAsync(long sinceVersion)
    {
        EnsureExists();
        return Floor.GetChangesSinceAsync(sinceVersion);
    }

    public async Task<FairView> UpdateDetailsAsync(FairDetails details)
    {
        EnsureExists();
        if (state.State.Status == FairStatus.Closed)
        {
            throw DomainException.Conflict("fair.closed", "A closed fair cannot be edited.");
        }

        DomainException.ThrowIfInvalid("fair.invalid", FairRules.Validate(details));

        var next = state.State with
        {
            Details = details with { Name = VietnameseText.Normalize(details.Name), Venue = VietnameseText.Normalize(details.Venue) },
        };
        await ChangeAsync(next);
        return await ViewAsync();
    }

    public async Task<FairView> MoveToAsync(FairStatus status)
    {
        EnsureExists();
        var s = state.State;
        if (s.Status == status)
        {
            return await ViewAsync();
        }

        if (!FairRules.CanMove(s.Status, status))
        {
            throw DomainException.Conflict("fair.transition", $"A fair that is {s.Status} cannot become {status}.");
        }

        if (status == FairStatus.Published && s.BoothCount == 0)
        {
            throw DomainException.Conflict("fair.noFloorPlan", "A fair needs a floor plan before it is published.");
        }

        var next = s with { Status = status };
        await ChangeAsync(next);
        return await ViewAsync();
    }

    /// <summary>
    /// Tells the floor the new rules first, then writes this fair: when the floor's write fails nothing has changed.
    /// Should this fair's own write fail after, the grain deactivates, and its next activation hands the floor the
    /// rules it has stored again. The event and the directory follow once the change is durable.
    /// </summary>
    private async Task ChangeAsync(FairState next)
    {
        try
        {
            await Floor.SetRulesAsync(Rules(next));
            await state.CommitAsync(next);
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }

        await Floor.RecordFairChangedAsync(Summary(next));
        await grains.GetGrain<IFairDirectoryGrain>(0).UpsertAsync(Summary(next));
    }

    private static FloorRules Rules(FairState s) =>
        new(s.Status, s.Details!.BoothsPerProducer, s.Details.HoldMinutes, s.Details.AllocationMode);

    private void EnsureExists()
    {
        if (state.State.Details is null)
        {
            throw DomainException.NotFound("fair.notFound", $"Fair {FairId} does not exist.");
        }
    }

    /// <summary>The fair with the floor's version, the one number clients resync by.</summary>
    private async Task<FairView> ViewAsync()
    {
        var version = (await Floor.GetChangesSinceAsync(long.MaxValue)).ToVersion;
        return new FairView(FairId, state.State.Details!, state.State.Status, version, state.State.BoothCount, state.State.OrganiserId);
    }

    private FairSummary Summary(FairState s)
    {
        var d = s.Details!;
        return new FairSummary(FairId, d.Name, d.Venue, d.Province, d.TimeZone, d.StartsAt, d.EndsAt, s.Status, s.BoothCount);
    }
}
