using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OcopFairs.Abstractions;
using OcopFairs.Grains;
using OcopFairs.Server.Fairs;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Booths;

/// <summary>Booth holds by approved producers (FirstCome fairs): hold, confirm, release.</summary>
public static class BoothsApi
{
    public static IEndpointRouteBuilder MapBoothsApi(this IEndpointRouteBuilder app)
    {
        var booths = app.MapGroup("/api/fairs/{fairId}/booths/{boothCode}").WithTags("Booths")
            .RequireAuthorization(p => p.RequireRole(Roles.Producer));
        booths.MapPost("/hold", HoldAsync);
        booths.MapPost("/confirm", ConfirmAsync);
        booths.MapPost("/release", ReleaseAsync);
        app.MapGet("/api/fairs/{fairId}/booths/mine", MineAsync).WithTags("Booths").RequireAuthorization(p => p.RequireRole(Roles.Producer));
        return app;
    }

    private static async Task<Results<Ok<BoothView>, ProblemHttpResult>> HoldAsync(
        string fairId, string boothCode, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!FairsApi.IsId(fairId) || !FairsApi.IsId(boothCode)) return Problems.NotFound("booth.notFound");
        if (user.ProducerId() is not { } producerId) return Problems.Forbidden();

        // Only approved exhibitors hold booths, and only in zones that take one of the groups they exhibit.
        var application = await grains.GetGrain<IExhibitorGrain>(ExhibitorGrain.Key(fairId, producerId)).GetAsync();
        if (application is not { Status: ApplicationStatus.Approved })
        {
            return Problems.Of(StatusCodes.Status422UnprocessableEntity, "booth.notApproved");
        }

        var holder = new Holder(producerId, application.ProducerName, [.. application.Products.Select(p => p.Group).Distinct()]);
        return await AnswerAsync(grains.GetGrain<IFloorGrain>(fairId).HoldAsync(boothCode, holder, Key(idempotencyKey, $"{producerId}:hold")));
    }

    private static async Task<Results<Ok<BoothView>, ProblemHttpResult>> ConfirmAsync(
        string fairId, string boothCode, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!FairsApi.IsId(fairId) || !FairsApi.IsId(boothCode)) return Problems.NotFound("booth.notFound");
        if (user.ProducerId() is not { } producerId) return Problems.Forbidden();
        return await AnswerAsync(grains.GetGrain<IFloorGrain>(fairId).ConfirmAsync(boothCode, producerId, Key(idempotencyKey, $"{producerId}:confirm")));
    }

    private static async Task<Results<Ok<BoothView>, ProblemHttpResult>> ReleaseAsync(
        string fairId, string boothCode, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!FairsApi.IsId(fairId) || !FairsApi.IsId(boothCode)) return Problems.NotFound("booth.notFound");
        if (user.ProducerId() is not { } producerId) return Problems.Forbidden();
        return await AnswerAsync(grains.GetGrain<IFloorGrain>(fairId).ReleaseAsync(boothCode, producerId));
    }

    private static async Task<Results<Ok<ImmutableArray<string>>, ProblemHttpResult>> MineAsync(string fairId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!FairsApi.IsId(fairId) || user.ProducerId() is not { } producerId) return Problems.NotFound("fair.notFound");
        return TypedResults.Ok(await grains.GetGrain<IFloorGrain>(fairId).BoothsOfAsync(producerId));
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
