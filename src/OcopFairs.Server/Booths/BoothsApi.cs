using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Grains;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Booths;

/// <param name="ProducerId">The producer to place.</param>
/// <param name="OverrideReason">
/// Given, it places the producer even when a booth rule that may be overridden refuses (not approved, zone, limit);
/// the booth then shows the override and this reason on the map and in the review queue.
/// </param>
public sealed record AssignRequest(string? ProducerId, string? OverrideReason) : IValidatable
{
    public void Validate(Errors errors)
    {
        if (string.IsNullOrEmpty(ProducerId)) errors.Add("producerId", "required");
        else if (!FieldRules.IsId(ProducerId)) errors.Add("producerId", "invalidId");
        errors.Text("overrideReason", OverrideReason, BoothRules.MaxOverrideReason);
    }
}

/// <summary>
/// Every booth route: approved producers hold, confirm and release (FirstCome fairs); the organiser blocks, unblocks,
/// assigns and unassigns.
/// </summary>
public static class BoothsApi
{
    public static IEndpointRouteBuilder MapBoothsApi(this IEndpointRouteBuilder app)
    {
        var producer = app.MapGroup("/api/fairs/{fairId}/booths").WithTags("Booths")
            .RequireAuthorization(p => p.RequireRole(Roles.Producer)).WithValidIds();
        producer.MapPost("/{boothCode}/hold", HoldAsync);
        producer.MapPost("/{boothCode}/confirm", ConfirmAsync);
        producer.MapPost("/{boothCode}/release", ReleaseAsync);
        producer.MapGet("/mine", MineAsync);

        var organiser = app.MapGroup("/api/fairs/{fairId}/booths/{boothCode}").WithTags("Booths")
            .RequireAuthorization(p => p.RequireRole(Roles.Organiser, Roles.Admin)).ForFairOrganiser();
        organiser.MapPost("/block", (string boothCode, [AsParameters] FairCall call) => AnswerAsync(Floor(call).BlockAsync(boothCode)));
        organiser.MapPost("/unblock", (string boothCode, [AsParameters] FairCall call) => AnswerAsync(Floor(call).UnblockAsync(boothCode)));
        organiser.MapPost("/assign", AssignAsync);
        organiser.MapPost("/unassign", (string boothCode, [AsParameters] FairCall call) => AnswerAsync(Floor(call).UnassignAsync(boothCode)));
        return app;
    }

    /// <summary>A producer's call on a booth: whose it is and where.</summary>
    private readonly record struct ProducerCall(
        string FairId, string BoothCode, [FromHeader(Name = "Idempotency-Key")] string? IdempotencyKey, ClaimsPrincipal User, IGrainFactory Grains)
    {
        public IFloorGrain Floor => Grains.GetGrain<IFloorGrain>(FairId);
    }

    private static async Task<Results<Ok<BoothView>, ProblemHttpResult>> HoldAsync([AsParameters] ProducerCall call)
    {
        if (call.User.ProducerId() is not { } producerId) return Problems.Forbidden();
        // A producer without an application is no exhibitor: the floor's rule refuses it as not approved.
        var holder = await HolderAsync(call.Grains, call.FairId, producerId) ?? new Holder(producerId, producerId, [], null);
        return await AnswerAsync(call.Floor.HoldAsync(call.BoothCode, holder, Key(call.IdempotencyKey, $"{producerId}:hold")));
    }

    private static async Task<Results<Ok<BoothView>, ProblemHttpResult>> ConfirmAsync([AsParameters] ProducerCall call) =>
        call.User.ProducerId() is not { } producerId
            ? Problems.Forbidden()
            : await AnswerAsync(call.Floor.ConfirmAsync(call.BoothCode, producerId, Key(call.IdempotencyKey, $"{producerId}:confirm")));

    private static async Task<Results<Ok<BoothView>, ProblemHttpResult>> ReleaseAsync([AsParameters] ProducerCall call) =>
        call.User.ProducerId() is not { } producerId
            ? Problems.Forbidden()
            : await AnswerAsync(call.Floor.ReleaseAsync(call.BoothCode, producerId));

    private static async Task<Results<Ok<ImmutableArray<string>>, ProblemHttpResult>> MineAsync(string fairId, ClaimsPrincipal user, IGrainFactory grains) =>
        user.ProducerId() is not { } producerId
            ? Problems.NotFound("fair.notFound")
            : TypedResults.Ok(await grains.GetGrain<IFloorGrain>(fairId).BoothsOfAsync(producerId));

    private static async Task<Results<Ok<BoothView>, ProblemHttpResult>> AssignAsync(
        string boothCode, AssignRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, [AsParameters] FairCall call)
    {
        if (!Endpoints.IsId(request.ProducerId) || await call.Grains.GetGrain<IProducerGrain>(request.ProducerId!).GetAsync() is not { } producer)
        {
            return Problems.NotFound("producer.notFound");
        }

        var holder = await HolderAsync(call.Grains, call.FairId, producer.ProducerId)
            ?? new Holder(producer.ProducerId, producer.Profile.Name, [.. producer.Products.Select(p => p.Group).Distinct()], null);
        var reason = request.OverrideReason is { } given ? VietnameseText.Normalize(given) : null;
        return await AnswerAsync(Floor(call).AssignAsync(boothCode, holder, reason, Key(idempotencyKey, $"{call.User.UserId()}:assign")));
    }

    /// <summary>
    /// The facts the booth rules need about a producer at this fair: where its application stands and the groups of the
    /// products it applied with; null when it has not applied.
    /// </summary>
    internal static async Task<Holder?> HolderAsync(IGrainFactory grains, string fairId, string producerId) =>
        await grains.GetGrain<IExhibitorGrain>(ExhibitorGrain.Key(fairId, producerId)).GetAsync() is { } application
            ? new Holder(producerId, application.ProducerName, [.. application.Products.Select(p => p.Group).Distinct()], application.Status)
            : null;

    private static IFloorGrain Floor(FairCall call) => call.Grains.GetGrain<IFloorGrain>(call.FairId);

    /// <summary>
    /// The booth, or the floor's refusal as a problem. In a rush a sixth to a quarter of the answers are "taken":
    /// answered here, the refusal does not travel up through every middleware to the exception handler (some 5 % of
    /// the server's CPU in a profiled rush was exception handling).
    /// </summary>
    private static async Task<Results<Ok<BoothView>, ProblemHttpResult>> AnswerAsync(Task<BoothView> call)
    {
        try
        {
            return TypedResults.Ok(await call);
        }
        catch (DomainException refusal)
        {
            return Problems.From(refusal);
        }
    }

    /// <summary>
    /// The key as the floor stores it: scoped by who asks and what for, so one caller's key never answers another's
    /// request; overlong keys are ignored rather than stored.
    /// </summary>
    internal static string? Key(string? idempotencyKey, string scope) =>
        string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 128 ? null : $"{scope}:{idempotencyKey}";
}
