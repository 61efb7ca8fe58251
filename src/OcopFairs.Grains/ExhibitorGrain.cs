using Microsoft.Extensions.Logging;
using System.Collections.Immutable;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Grains;

[GenerateSerializer, Immutable, Alias("ocop.ExhibitorState")]
public sealed record ExhibitorState
{
    [Id(0)] public ApplicationView? Current { get; init; }

    /// <summary>
    /// Set with the withdrawal of an approved application and cleared once a waitlisted one took the place, so a crash
    /// in between is finished on the next activation.
    /// </summary>
    [Id(1)] public bool PromotionDue { get; init; }
}

/// <summary>One producer's application to one fair. Key: <c>{fairId}/{producerId}</c>.</summary>
public sealed partial class ExhibitorGrain(
    [PersistentState("exhibitor", StorageNames.Default)] IPersistentState<ExhibitorState> state,
    IGrainFactory grains,
    IApplicationEvents events,
    TimeProvider clock,
    ILogger<ExhibitorGrain> logger) : Grain, IExhibitorGrain
{
    public static string Key(string fairId, string producerId) => $"{fairId}/{producerId}";

    private string FairId => this.GetPrimaryKeyString().Split('/')[0];

    private string ProducerId => this.GetPrimaryKeyString().Split('/')[1];

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.PromotionDue)
        {
            this.RegisterGrainTimer(FinishPromotionAsync, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        }

        return Task.CompletedTask;
    }

    public async Task<Eligibility> CheckAsync(ApplicationRequest request)
    {
        DomainException.ThrowIfInvalid("application.invalid", ApplicationRules.Validate(request));
        return (await EvaluateAsync(request)).Eligibility;
    }

    public async Task<ApplicationView> SubmitAsync(ApplicationRequest request)
    {
        if (state.State.Current is { } live && ApplicationRules.IsLive(live.Status))
        {
            throw DomainException.Conflict("application.exists", $"Producer {ProducerId} already has a live application to fair {FairId}.");
        }

        DomainException.ThrowIfInvalid("application.invalid", ApplicationRules.Validate(request));
        var (eligibility, producer, products) = await EvaluateAsync(request);
        if (!eligibility.Eligible)
        {
            throw new IneligibleException(eligibility);
        }

        var application = new ApplicationView(
            Guid.CreateVersion7().ToString("N"), FairId, ProducerId, producer!.Profile.Name, producer.Profile.District,
            ApplicationStatus.Submitted,
            [.. products.Select(p => new AppliedProduct(p.ProductId, p.Name, p.Group, p.Stars, p.CertificateExpiresOn))],
            request.BoothPreferences, request.Needs, request.Note is null ? null : VietnameseText.Normalize(request.Note),
            eligibility, null, clock.GetUtcNow(), null, null, producer.OwnerUserId);
        var previous = state.State.Current?.Status;
        await state.CommitAsync(state.State with { Current = application });
        await events.ChangedAsync(application, previous);
        return application;
    }

    public Task<ApplicationView?> GetAsync() => Task.FromResult(state.State.Current);

    public Task<ApplicationView> ApproveAsync() => MoveAsync(ApplicationStatus.Approved, null);

    public Task<ApplicationView> RejectAsync(string reason)
    {
        DomainException.ThrowIfInvalid("application.invalid", ApplicationRules.ValidateReason(reason));
        return MoveAsync(ApplicationStatus.Rejected, VietnameseText.Normalize(reason));
    }

    public Task<ApplicationView> WaitlistAsync() => MoveAsync(ApplicationStatus.Waitlisted, null);

    public async Task<ApplicationView> WithdrawAsync()
    {
        var current = Current();
        if (current.Status == ApplicationStatus.Withdrawn)
        {
            return current;
        }

        var fair = await grains.GetGrain<IFairGrain>(FairId).GetAsync();
        if (fair is not null && clock.GetUtcNow() >= fair.Details.StartsAt)
        {
            throw DomainException.Conflict("application.fairStarted", "Applications cannot be withdrawn once the fair has started.");
        }

        var wasApproved = current.Status == ApplicationStatus.Approved;
        var view = await MoveAsync(ApplicationStatus.Withdrawn, null, promotionDue: wasApproved);
        if (wasApproved)
        {
            await FinishPromotionAsync(CancellationToken.None);
        }

        return view;
    }

    public async Task<bool> PromoteFromWaitlistAsync()
    {
        if (state.State.Current is not { Status: ApplicationStatus.Waitlisted } current)
        {
            return false;
        }

        // Promote only what still meets the OCOP rules with today's catalogue: a product may have been removed, or its
        // certificate re-dated, since the producer applied.
        var fair = await grains.GetGrain<IFairGrain>(FairId).GetAsync();
        var producer = await grains.GetGrain<IProducerGrain>(ProducerId).GetAsync();
        if (fair is null || fair.Status == FairStatus.Closed || producer is null
            || ApplicationRules.ProductReasons(fair.Details, current.Products.Select(p => p.ProductId), producer.Products).Any())
        {
            return false;
        }

        await MoveAsync(ApplicationStatus.Approved, null);
        return true;
    }

    /// <summary>Gives the withdrawn place to the first waitlisted application that can take it.</summary>
    private async Task FinishPromotionAsync(CancellationToken ct)
    {
        if (!state.State.PromotionDue)
        {
            return;
        }

        foreach (var producerId in await events.WaitlistAsync(FairId))
        {
            if (producerId != ProducerId && await grains.GetGrain<IExhibitorGrain>(Key(FairId, producerId)).PromoteFromWaitlistAsync())
            {
                LogPromoted(logger, FairId, producerId, ProducerId);
                break;
            }
        }

        await state.CommitAsync(state.State with { PromotionDue = false });
    }

    private async Task<ApplicationView> MoveAsync(ApplicationStatus to, string? reason, bool promotionDue = false)
    {
        var current = Current();
        if (current.Status == to && (to != ApplicationStatus.Rejected || current.RejectionReason == reason))
        {
            return current;
        }

        if (!ApplicationRules.CanMove(current.Status, to))
        {
            throw DomainException.Conflict("application.transition", $"An application that is {current.Status} cannot become {to}.");
        }

        var now = clock.GetUtcNow();
        var next = current with
        {
            Status = to,
            RejectionReason = to == ApplicationStatus.Rejected ? reason : current.RejectionReason,
            DecidedAt = to is ApplicationStatus.Withdrawn ? current.DecidedAt : now,
            WaitlistedAt = to == ApplicationStatus.Waitlisted ? now : current.WaitlistedAt,
        };
        await state.CommitAsync(state.State with { Current = next, PromotionDue = state.State.PromotionDue || promotionDue });
        await events.ChangedAsync(next, current.Status);
        return next;
    }

    private ApplicationView Current() =>
        state.State.Current ?? throw DomainException.NotFound("application.notFound", $"Producer {ProducerId} has not applied to fair {FairId}.");

    private async Task<(Eligibility Eligibility, ProducerView? Producer, IReadOnlyList<Product> Products)> EvaluateAsync(ApplicationRequest request)
    {
        var fair = await grains.GetGrain<IFairGrain>(FairId).GetAsync()
            ?? throw DomainException.NotFound("fair.notFound", $"Fair {FairId} does not exist.");
        var producer = await grains.GetGrain<IProducerGrain>(ProducerId).GetAsync();
        var catalogue = producer?.Products ?? [];
        var ids = request.ProductIds.IsDefault ? [] : request.ProductIds;
        var eligibility = ApplicationRules.Evaluate(new ApplicationRules.Context(
            fair.Details, fair.Status, clock.GetUtcNow(), producer?.Profile, ids, catalogue));
        var chosen = catalogue.Where(p => ids.Contains(p.ProductId)).ToList();
        return (eligibility, producer, chosen);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fair {FairId}: waitlisted {Promoted} takes the place {Withdrawn} withdrew from")]
    private static partial void LogPromoted(ILogger logger, string fairId, string promoted, string withdrawn);
}

/// <summary>An application refused by the OCOP rules (HTTP 422), with every reason.</summary>
[GenerateSerializer, Alias("ocop.IneligibleException")]
public sealed class IneligibleException(Eligibility eligibility) : Exception("The application is not eligible.")
{
    [Id(0)] public Eligibility Eligibility { get; } = eligibility;
}
