using System.Collections.Immutable;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Grains;

/// <summary>Occupation of one booth; absent from the map means Free.</summary>
[GenerateSerializer, Immutable, Alias("ocop.BoothOccupancy")]
public sealed record BoothOccupancy(
    [property: Id(0)] BoothStatus Status,
    [property: Id(1)] string? ProducerId,
    [property: Id(2)] string? ProducerName,
    [property: Id(3)] DateTimeOffset? HoldExpiresAt);

[GenerateSerializer, Immutable, Alias("ocop.FairState")]
public sealed record FairState
{
    [Id(0)] public FairDetails? Details { get; init; }
    [Id(1)] public FairStatus Status { get; init; }
    [Id(2)] public string OrganiserId { get; init; } = string.Empty;
    [Id(3)] public FloorPlan Plan { get; init; } = FloorPlan.Empty;
    [Id(4)] public ImmutableDictionary<string, BoothOccupancy> Occupancy { get; init; } = ImmutableDictionary<string, BoothOccupancy>.Empty;
    [Id(5)] public long Version { get; init; }
    /// <summary>The latest events, oldest first, at most <see cref="FairGrain.BacklogSize"/>.</summary>
    [Id(6)] public ImmutableArray<FairEvent> Backlog { get; init; } = [];
    [Id(7)] public DateTimeOffset CreatedAt { get; init; }
}

public sealed class FairGrain(
    [PersistentState("fair", StorageNames.Default)] IPersistentState<FairState> state,
    IGrainFactory grains,
    TimeProvider clock) : Grain, IFairGrain
{
    /// <summary>How many events a reconnecting client can catch up on before it gets a snapshot instead.</summary>
    public const int BacklogSize = 256;

    private string FairId => this.GetPrimaryKeyString();

    public async Task<FairView> CreateAsync(FairDetails details, string organiserId)
    {
        if (state.State.Details is not null)
        {
            // Same key again (a retried create): answer with what exists rather than overwrite it, and repair the
            // directory in case the first attempt failed after the fair was written.
            await grains.GetGrain<IFairDirectoryGrain>(0).UpsertAsync(Summary(state.State));
            return View();
        }

        var errors = FairRules.Validate(details);
        if (errors.Count > 0)
        {
            throw DomainException.Invalid("fair.invalid", string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(',', e.Value)}")));
        }

        var next = state.State with
        {
            Details = details with { Name = VietnameseText.Normalize(details.Name), Venue = VietnameseText.Normalize(details.Venue) },
            Status = FairStatus.Draft,
            OrganiserId = organiserId,
            CreatedAt = clock.GetUtcNow(),
        };
        await state.CommitAsync(next);
        await grains.GetGrain<IFairDirectoryGrain>(0).UpsertAsync(Summary(next));
        return View();
    }

    public Task<FairView?> GetAsync() => Task.FromResult(state.State.Details is null ? null : View());

    public async Task<FloorView> SetFloorPlanAsync(FloorPlan plan)
    {
        EnsureExists();
        plan = new FloorPlan(plan.Zones.IsDefault ? [] : plan.Zones, plan.Booths.IsDefault ? [] : plan.Booths);
        var errors = FloorPlans.Validate(plan);
        if (errors.Count > 0)
        {
            throw DomainException.Invalid("floorPlan.invalid", string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(',', e.Value)}")));
        }

        var kept = plan.Booths.Select(b => b.Code).ToHashSet(StringComparer.Ordinal);
        var lost = state.State.Occupancy
            .Where(o => !kept.Contains(o.Key) && o.Value.Status is BoothStatus.Held or BoothStatus.Confirmed)
            .Select(o => o.Key)
            .ToList();
        if (lost.Count > 0)
        {
            throw DomainException.Conflict("floorPlan.boothInUse", $"Booths in use cannot be removed: {string.Join(", ", lost)}");
        }

        var occupancy = state.State.Occupancy.Where(o => kept.Contains(o.Key)).ToImmutableDictionary();
        var next = state.State with { Plan = plan, Occupancy = occupancy };
        var summary = Summary(next);
        var evt = new FairEvent(FairId, next.Version + 1, EventTypes.FairChanged, clock.GetUtcNow(), null, summary);
        next = Append(next, evt);
        await state.CommitAsync(next);
        await grains.GetGrain<IFairDirectoryGrain>(0).UpsertAsync(summary);
        Publish([evt]);
        return Floor();
    }

    public Task<FloorView> GetFloorAsync()
    {
        EnsureExists();
        return Task.FromResult(Floor());
    }

    public Task<FairChanges> GetChangesSinceAsync(long sinceVersion)
    {
        EnsureExists();
        var s = state.State;
        if (sinceVersion >= s.Version)
        {
            return Task.FromResult(new FairChanges(FairId, s.Version, s.Version, ImmutableArray<FairEvent>.Empty, null));
        }

        // The backlog answers only when it holds every event after sinceVersion, so the client misses none.
        var oldest = s.Backlog.IsDefaultOrEmpty ? long.MaxValue : s.Backlog[0].Version;
        if (sinceVersion >= 0 && sinceVersion + 1 >= oldest)
        {
            var events = s.Backlog.Where(e => e.Version > sinceVersion).ToImmutableArray();
            return Task.FromResult(new FairChanges(FairId, sinceVersion, s.Version, events, null));
        }

        return Task.FromResult(new FairChanges(FairId, sinceVersion, s.Version, null, Floor()));
    }

    public Task<BoothView> BlockBoothAsync(string boothCode) =>
        ChangeBoothAsync(boothCode, current => current.Status switch
        {
            BoothStatus.Free => new BoothOccupancy(BoothStatus.Blocked, null, null, null),
            BoothStatus.Blocked => null,
            _ => throw DomainException.Conflict("booth.taken", $"Booth {boothCode} is {current.Status} and cannot be blocked."),
        });

    public Task<BoothView> UnblockBoothAsync(string boothCode) =>
        ChangeBoothAsync(boothCode, current => current.Status switch
        {
            BoothStatus.Blocked => new BoothOccupancy(BoothStatus.Free, null, null, null),
            BoothStatus.Free => null,
            _ => throw DomainException.Conflict("booth.notBlocked", $"Booth {boothCode} is {current.Status}, not blocked."),
        });

    public Task<BoothView> AssignBoothAsync(string boothCode, string producerId, string producerName) =>
        ChangeBoothAsync(boothCode, current => current switch
        {
            { Status: BoothStatus.Free } => new BoothOccupancy(BoothStatus.Confirmed, producerId, producerName, null),
            { ProducerId: var p } when p == producerId && current.Status == BoothStatus.Confirmed => null,
            _ => throw DomainException.Conflict("booth.taken", $"Booth {boothCode} is {current.Status}."),
        });

    public async Task<FairView> MoveToAsync(FairStatus status)
    {
        EnsureExists();
        var s = state.State;
        if (s.Status == status)
        {
            return View();
        }

        if (!FairRules.CanMove(s.Status, status))
        {
            throw DomainException.Conflict("fair.transition", $"A fair that is {s.Status} cannot become {status}.");
        }

        if (status == FairStatus.Published && s.Plan.Booths.IsDefaultOrEmpty)
        {
            throw DomainException.Conflict("fair.noFloorPlan", "A fair needs a floor plan before it is published.");
        }

        var next = s with { Status = status };
        var summary = Summary(next);
        var evt = new FairEvent(FairId, s.Version + 1, EventTypes.FairChanged, clock.GetUtcNow(), null, summary);
        await state.CommitAsync(Append(next, evt));
        await grains.GetGrain<IFairDirectoryGrain>(0).UpsertAsync(summary);
        Publish([evt]);
        return View();
    }

    /// <summary>
    /// Applies one booth change: <paramref name="decide"/> returns the new occupancy, or null when the booth is already
    /// as asked (an idempotent repeat: no write, no event).
    /// </summary>
    private async Task<BoothView> ChangeBoothAsync(string boothCode, Func<BoothOccupancy, BoothOccupancy?> decide)
    {
        EnsureExists();
        var spec = FindBooth(boothCode);
        var current = state.State.Occupancy.GetValueOrDefault(boothCode) ?? Free;
        var wanted = decide(current);
        if (wanted is null)
        {
            return ToView(spec, current);
        }

        var occupancy = wanted.Status == BoothStatus.Free
            ? state.State.Occupancy.Remove(boothCode)
            : state.State.Occupancy.SetItem(boothCode, wanted);
        var view = ToView(spec, wanted);
        var evt = new FairEvent(FairId, state.State.Version + 1, EventTypes.BoothChanged, clock.GetUtcNow(), view, null);
        await state.CommitAsync(Append(state.State with { Occupancy = occupancy }, evt));
        Publish([evt]);
        return view;
    }

    private static readonly BoothOccupancy Free = new(BoothStatus.Free, null, null, null);

    private static FairState Append(FairState s, FairEvent evt)
    {
        var backlog = s.Backlog.IsDefault ? [] : s.Backlog;
        if (backlog.Length >= BacklogSize)
        {
            backlog = backlog.RemoveRange(0, backlog.Length - BacklogSize + 1);
        }

        return s with { Version = evt.Version, Backlog = backlog.Add(evt) };
    }

    private void Publish(ImmutableArray<FairEvent> events) =>
        grains.GetGrain<IPushGrain>(0).PublishAsync(events).Ignore();

    private void EnsureExists()
    {
        if (state.State.Details is null)
        {
            throw DomainException.NotFound("fair.notFound", $"Fair {FairId} does not exist.");
        }
    }

    private BoothSpec FindBooth(string code) =>
        state.State.Plan.Booths.FirstOrDefault(b => b.Code == code)
        ?? throw DomainException.NotFound("booth.notFound", $"Booth {code} is not on the floor plan of fair {FairId}.");

    private static BoothView ToView(BoothSpec b, BoothOccupancy o) =>
        new(b.Code, b.Zone, b.Type, b.AreaM2, b.PriceVnd, b.X, b.Y, b.W, b.H, o.Status, o.ProducerId, o.ProducerName, o.HoldExpiresAt, b.Amenities.IsDefault ? [] : b.Amenities);

    private FloorView Floor()
    {
        var s = state.State;
        var (w, h) = FloorPlans.Extent(s.Plan.Booths);
        var booths = s.Plan.Booths.Select(b => ToView(b, s.Occupancy.GetValueOrDefault(b.Code) ?? Free)).ToImmutableArray();
        return new FloorView(FairId, s.Version, w, h, s.Plan.Zones, booths);
    }

    private FairView View() =>
        new(FairId, state.State.Details!, state.State.Status, state.State.Version, state.State.Plan.Booths.Length, state.State.OrganiserId);

    private FairSummary Summary(FairState s)
    {
        var d = s.Details!;
        return new FairSummary(FairId, d.Name, d.Venue, d.Province, d.TimeZone, d.StartsAt, d.EndsAt, s.Status, s.Plan.Booths.Length);
    }
}
