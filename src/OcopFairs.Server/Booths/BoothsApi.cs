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

public sealed record AssignRequest(string? ProducerId) : IValidatable
{
    public void Validate(Errors errors)
    {
        if (string.IsNullOrEmpty(ProducerId)) errors.Add("producerId", "required");
        else if (!FieldRules.IsId(ProducerId)) errors.Add("producerId", "invalidId");
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
        organiser.MapPost("/block", (string boothCode, [AsParameters] FairCall call) => AnswerAsync(call.FairGrain.BlockBoothAsync(boothCode)));
        organiser.MapPost("/unblock", (string boothCode, [AsParameters] FairCall call) => AnswerAsync(call.FairGrain.UnblockBoothAsync(boothCode)));
        organiser.MapPost("/assign", AssignAsync);
        organiser.MapPost("/unassign", (string boothCode, [AsParameters] FairCall call) =>
            AnswerAsync(call.Grains.GetGrain<IFloorGrain>(call.FairId).UnassignAsync(boothCode)));
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

        // Only approved exhibitors hold booths, and only in zones that take one of the groups they exhibit.
        var application = await call.Grains.GetGrain<IExhibitorGrain>(ExhibitorGrain.Key(call.FairId, producerId)).GetAsync();
        if (application is not { Status: ApplicationStatus.Approved })
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "booth.notApproved");
        }

        var holder = new Holder(producerId, application.ProducerName, [.. application.Products.Select(p => p.Group).Distinct()]);
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

        var holder = new Holder(producer.ProducerId, producer.Profile.Name, [.. producer.Products.Select(p => p.Group).Distinct()]);
        return await AnswerAsync(call.Grains.GetGrain<IFloorGrain>(call.FairId).AssignAsync(boothCode, holder, Key(idempotencyKey, $"{call.User.UserId()}:assign")));
    }

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
