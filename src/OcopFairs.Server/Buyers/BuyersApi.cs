using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OcopFairs.Abstractions;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Buyers;

/// <summary>Buyer profiles and needs, registration for a fair with a QR badge, check-in at the gate, the organiser's buyer list.</summary>
public static class BuyersApi
{
    public static string? BuyerId(this ClaimsPrincipal user) => user.FindFirstValue(AppClaimsFactory.BuyerClaim);

    public static IEndpointRouteBuilder MapBuyersApi(this IEndpointRouteBuilder app)
    {
        var buyer = new[] { Roles.Buyer };
        var me = app.MapGroup("/api/buyers/me").WithTags("Buyers").RequireAuthorization(p => p.RequireRole(buyer));
        me.MapGet("/", GetMineAsync);
        me.MapPut("/", SaveAsync);

        var fair = app.MapGroup("/api/fairs/{fairId}").WithTags("Buyers");
        fair.MapPost("/buyers/me", RegisterAsync).RequireAuthorization(p => p.RequireRole(buyer)).ForFair();
        fair.MapGet("/buyers/me", GetRegistrationAsync).RequireAuthorization(p => p.RequireRole(buyer)).ForFair();
        fair.MapGet("/buyers/me/badge.svg", BadgeAsync).RequireAuthorization(p => p.RequireRole(buyer)).ForFair()
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml");
        var organiser = new[] { Roles.Organiser, Roles.Admin };
        fair.MapPost("/check-in", CheckInAsync).RequireAuthorization(p => p.RequireRole(organiser)).ForFairOrganiser();
        fair.MapGet("/buyers", ListAsync).RequireAuthorization(p => p.RequireRole(organiser)).ForFairOrganiser();
        return app;
    }

    private static async Task<Results<Ok<BuyerResponse>, ProblemHttpResult>> GetMineAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        user.BuyerId() is { } id && await grains.GetGrain<IBuyerGrain>(id).GetAsync() is { } view
            ? TypedResults.Ok(BuyerResponse.From(view))
            : Problems.NotFound("buyer.notFound");

    private static async Task<Results<Ok<BuyerResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(BuyerRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (user.BuyerId() is not { } id) return Problems.Forbidden();
        var view = await grains.GetGrain<IBuyerGrain>(id).SaveProfileAsync(request.ToProfile(), user.UserId());
        return TypedResults.Ok(BuyerResponse.From(view));
    }

    private static async Task<Results<Ok<FairBuyerResponse>, ProblemHttpResult>> RegisterAsync(
        string fairId, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, FairBuyers buyers)
    {
        if (user.BuyerId() is not { } id) return Problems.Forbidden();
        var fair = http.Fair();
        if (!user.SeesFair(fair)) return Problems.NotFound("fair.notFound");
        if (fair.Status is FairStatus.Closed or FairStatus.Draft) return Problems.Of(StatusCodes.Status409Conflict, "buyer.fairNotOpen");
        if (await grains.GetGrain<IBuyerGrain>(id).GetAsync() is not { } view) return Problems.Of(StatusCodes.Status409Conflict, "buyer.noProfile");
        return TypedResults.Ok(await buyers.RegisterAsync(fairId, view));
    }

    private static async Task<Results<Ok<FairBuyerResponse>, ProblemHttpResult>> GetRegistrationAsync(string fairId, ClaimsPrincipal user, FairBuyers buyers) =>
        user.BuyerId() is { } id && await buyers.GetAsync(fairId, id) is { } registration
            ? TypedResults.Ok(registration)
            : Problems.NotFound("buyer.notRegistered");

    /// <summary>The badge as a QR code of its code alone: gate staff scan it, and can type it when the camera fails.</summary>
    private static async Task<IResult> BadgeAsync(string fairId, ClaimsPrincipal user, FairBuyers buyers)
    {
        if (user.BuyerId() is not { } id || await buyers.GetAsync(fairId, id) is not { } registration) return Problems.NotFound("buyer.notRegistered");
        return Results.Content(Producers.ProducersApi.QrSvg(registration.BadgeCode), "image/svg+xml");
    }

    private static async Task<Results<Ok<CheckInResponse>, ProblemHttpResult>> CheckInAsync(string fairId, CheckInRequest request, FairBuyers buyers) =>
        await buyers.CheckInAsync(fairId, request.BadgeCode!) is { } result ? TypedResults.Ok(result) : Problems.NotFound("badge.unknown");

    private static async Task<Ok<FairBuyersResponse>> ListAsync(string fairId, FairBuyers buyers) => TypedResults.Ok(await buyers.ListAsync(fairId));
}
