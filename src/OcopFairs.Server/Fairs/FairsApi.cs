using System.Collections.Immutable;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Infrastructure;
using OcopFairs.Server.Live;
using OcopFairs.Server.Reminders;

namespace OcopFairs.Server.Fairs;

public sealed record CreateFairRequest(
    string? Name,
    string? Venue,
    string? Province,
    string? TimeZone,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    DateTimeOffset? RegistrationOpensAt,
    DateTimeOffset? RegistrationClosesAt,
    int? MinStars,
    ProductGroup[]? AcceptedGroups,
    int? BoothsPerProducer,
    int? HoldMinutes,
    AllocationMode? AllocationMode);

public sealed record FairResponse(
    string FairId, string Name, string Venue, string Province, string TimeZone,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset RegistrationOpensAt, DateTimeOffset RegistrationClosesAt,
    int MinStars, IReadOnlyList<ProductGroup> AcceptedGroups, int BoothsPerProducer, int HoldMinutes, AllocationMode AllocationMode,
    FairStatus Status, long Version, int BoothCount, string OrganiserId)
{
    public static FairResponse From(FairView f) => new(
        f.FairId, f.Details.Name, f.Details.Venue, f.Details.Province, f.Details.TimeZone,
        f.Details.StartsAt, f.Details.EndsAt, f.Details.RegistrationOpensAt, f.Details.RegistrationClosesAt,
        f.Details.MinStars, f.Details.AcceptedGroups, f.Details.BoothsPerProducer, f.Details.HoldMinutes, f.Details.AllocationMode,
        f.Status, f.Version, f.BoothCount, f.OrganiserId);
}

public sealed record ZoneRequest(string? Code, string? Name, ProductGroup[]? Groups);

public sealed record BoothRequest(
    string? Code, string? Zone, BoothType? Type, decimal? AreaM2, long? PriceVnd, double? X, double? Y, double? W, double? H, string[]? Amenities);

public sealed record FloorPlanRequest(ZoneRequest[]? Zones, BoothRequest[]? Booths);

public sealed record GridZoneRequest(string? Code, string? Name, ProductGroup[]? Groups, int? Booths);

public sealed record GridRequest(GridZoneRequest[]? Zones, int? PerRow, double? BoothWidth, double? BoothDepth, long? PriceVnd);

public sealed record AssignRequest(string? ProducerId);

/// <summary>Fairs, floor plans and booths.</summary>
public static class FairsApi
{
    public static IEndpointRouteBuilder MapFairsApi(this IEndpointRouteBuilder app)
    {
        var fairs = app.MapGroup("/api/fairs").WithTags("Fairs");
        var organiser = new[] { Roles.Organiser, Roles.Admin };

        fairs.MapPost("/", CreateAsync).RequireAuthorization(p => p.RequireRole(organiser));
        fairs.MapGet("/", ListAsync).AllowAnonymous();
        fairs.MapGet("/{fairId}", GetAsync).AllowAnonymous();
        fairs.MapPut("/{fairId}/floor-plan", SetFloorPlanAsync).RequireAuthorization(p => p.RequireRole(organiser))
            .Accepts<FloorPlanRequest>("application/json", "text/csv").AcceptsText("text/csv");
        fairs.MapGet("/{fairId}/floor-plan.csv", ExportCsvAsync).AllowAnonymous();
        fairs.MapPatch("/{fairId}", UpdateAsync).RequireAuthorization(p => p.RequireRole(organiser));
        fairs.MapPost("/{fairId}/floor-plan/grid", GenerateGridAsync).RequireAuthorization(p => p.RequireRole(organiser));
        fairs.MapGet("/{fairId}/floor", GetFloorAsync).AllowAnonymous();
        fairs.MapPost("/{fairId}/booths/{boothCode}/block", BlockAsync).RequireAuthorization(p => p.RequireRole(organiser));
        fairs.MapPost("/{fairId}/booths/{boothCode}/unblock", UnblockAsync).RequireAuthorization(p => p.RequireRole(organiser));
        fairs.MapPost("/{fairId}/booths/{boothCode}/assign", AssignAsync).RequireAuthorization(p => p.RequireRole(organiser));
        fairs.MapPost("/{fairId}/booths/{boothCode}/unassign", UnassignAsync).RequireAuthorization(p => p.RequireRole(organiser));
        foreach (var (path, status) in new[]
        {
            ("publish", FairStatus.Published), ("close-registration", FairStatus.RegistrationClosed),
            ("start", FairStatus.Live), ("close", FairStatus.Closed),
        })
        {
            fairs.MapPost($"/{{fairId}}/{path}", (string fairId, ClaimsPrincipal user, IGrainFactory grains) => MoveAsync(fairId, status, user, grains))
                .RequireAuthorization(p => p.RequireRole(organiser));
        }

        return app;
    }

    private static async Task<Results<Created<FairResponse>, ValidationProblem>> CreateAsync(
        CreateFairRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user,
        IGrainFactory grains,
        ReminderScheduler reminders)
    {
        var missing = new Dictionary<string, string[]>();
        if (request.StartsAt is null) missing["startsAt"] = ["required"];
        if (request.EndsAt is null) missing["endsAt"] = ["required"];
        if (request.RegistrationOpensAt is null) missing["registrationOpensAt"] = ["required"];
        if (request.RegistrationClosesAt is null) missing["registrationClosesAt"] = ["required"];
        if (missing.Count > 0)
        {
            return Problems.Validation(missing);
        }

        var details = new FairDetails(
            request.Name ?? string.Empty,
            request.Venue ?? string.Empty,
            request.Province ?? string.Empty,
            string.IsNullOrWhiteSpace(request.TimeZone) ? FairRules.DefaultTimeZone : request.TimeZone,
            request.StartsAt!.Value.ToUniversalTime(),
            request.EndsAt!.Value.ToUniversalTime(),
            request.RegistrationOpensAt!.Value.ToUniversalTime(),
            request.RegistrationClosesAt!.Value.ToUniversalTime(),
            request.MinStars ?? 3,
            request.AcceptedGroups is null ? [.. Enum.GetValues<ProductGroup>()] : [.. request.AcceptedGroups.Distinct()],
            request.BoothsPerProducer ?? 1,
            request.HoldMinutes ?? 30,
            request.AllocationMode ?? AllocationMode.FirstCome);
        var errors = FairRules.Validate(details);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var organiserId = user.UserId()!;
        var fairId = NewFairId(organiserId, idempotencyKey);
        var fair = await grains.GetGrain<IFairGrain>(fairId).CreateAsync(details, organiserId);
        await reminders.ScheduleFairAsync(fair);
        return TypedResults.Created($"/api/fairs/{fair.FairId}", FairResponse.From(fair));
    }

    /// <summary>A fresh id, or one derived from the Idempotency-Key, so a retried create lands on the same fair.</summary>
    internal static string NewFairId(string organiserId, string? idempotencyKey)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey))
        {
            return Guid.CreateVersion7().ToString("N");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"fair:{organiserId}:{idempotencyKey}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private static async Task<Ok<FairSummary[]>> ListAsync(FairStatus? status, DateTimeOffset? from, DateTimeOffset? to, IGrainFactory grains)
    {
        var all = await grains.GetGrain<IFairDirectoryGrain>(0).ListAsync();
        var list = all.Where(f => (status is null || f.Status == status) && (from is null || f.EndsAt >= from) && (to is null || f.StartsAt <= to));
        return TypedResults.Ok(list.ToArray());
    }

    private static async Task<Results<Ok<FairResponse>, ProblemHttpResult>> MoveAsync(
        string fairId, FairStatus status, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await OwnedFairAsync(fairId, user, grains) is { } refusal)
        {
            return refusal;
        }

        return TypedResults.Ok(FairResponse.From(await grains.GetGrain<IFairGrain>(fairId).MoveToAsync(status)));
    }

    private static async Task<Results<Ok<FairResponse>, ProblemHttpResult>> GetAsync(string fairId, IGrainFactory grains)
    {
        if (!IsId(fairId) || await grains.GetGrain<IFairGrain>(fairId).GetAsync() is not { } fair)
        {
            return Problems.NotFound("fair.notFound");
        }

        return TypedResults.Ok(FairResponse.From(fair));
    }

    /// <summary>
    /// Replaces the plan from JSON <c>{zones, booths}</c>, or from CSV booths (<c>Content-Type: text/csv</c>) placed in
    /// the zones the plan already has.
    /// </summary>
    private static async Task<Results<Ok<FloorView>, ValidationProblem, ProblemHttpResult>> SetFloorPlanAsync(
        string fairId, HttpRequest http, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await OwnedFairAsync(fairId, user, grains) is { } refusal)
        {
            return refusal;
        }

        FloorPlanRequest request;
        if (http.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (http.ContentLength > FloorPlanCsv.MaxBytes)
            {
                return Problems.Of(StatusCodes.Status413PayloadTooLarge, "tooLong");
            }

            using var reader = new StreamReader(http.Body);
            var buffer = new char[FloorPlanCsv.MaxBytes + 1];
            var read = await reader.ReadBlockAsync(buffer);
            if (read > FloorPlanCsv.MaxBytes)
            {
                return Problems.Of(StatusCodes.Status413PayloadTooLarge, "tooLong");
            }

            var (booths, csvErrors) = FloorPlanCsv.Read(new string(buffer, 0, read));
            if (csvErrors.Count > 0)
            {
                return Problems.Validation(csvErrors);
            }

            var current = await grains.GetGrain<IFairGrain>(fairId).GetFloorAsync();
            request = new FloorPlanRequest([.. current.Zones.Select(z => new ZoneRequest(z.Code, z.Name, [.. z.Groups]))], [.. booths]);
        }
        else
        {
            request = await http.ReadFromJsonAsync<FloorPlanRequest>() ?? new FloorPlanRequest(null, null);
        }

        var plan = new FloorPlan(
            [.. (request.Zones ?? []).Select(z => new Zone(z.Code ?? string.Empty, VietnameseText.Normalize(z.Name ?? z.Code), [.. z.Groups ?? []]))],
            [.. (request.Booths ?? []).Select(b => new BoothSpec(
                b.Code ?? string.Empty, b.Zone ?? string.Empty, b.Type ?? BoothType.Standard, b.AreaM2 ?? 9, b.PriceVnd ?? 0,
                b.X ?? 0, b.Y ?? 0, b.W ?? 3, b.H ?? 3, [.. b.Amenities ?? []]))]);
        var errors = FloorPlans.Validate(plan);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(await grains.GetGrain<IFairGrain>(fairId).SetFloorPlanAsync(plan));
    }

    private static async Task<Results<Ok<FloorView>, ValidationProblem, ProblemHttpResult>> GenerateGridAsync(
        string fairId, GridRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await OwnedFairAsync(fairId, user, grains) is { } refusal)
        {
            return refusal;
        }

        var errors = new Dictionary<string, string[]>();
        var zones = request.Zones ?? [];
        if (zones.Length == 0) errors["zones"] = ["required"];
        for (var i = 0; i < zones.Length; i++)
        {
            if (zones[i].Booths is not (>= 1 and <= 1000)) errors[$"zones[{i}].booths"] = ["outOfRange"];
        }

        if (request.PerRow is < 1 or > 100) errors["perRow"] = ["outOfRange"];
        if (request.BoothWidth is <= 0 or > 50) errors["boothWidth"] = ["outOfRange"];
        if (request.BoothDepth is <= 0 or > 50) errors["boothDepth"] = ["outOfRange"];
        if (request.PriceVnd is < 0) errors["priceVnd"] = ["negative"];
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var plan = FloorPlans.Grid(
            [.. zones.Select(z => (new Zone(z.Code ?? string.Empty, VietnameseText.Normalize(z.Name ?? z.Code), [.. z.Groups ?? []]), z.Booths!.Value))],
            request.PerRow ?? 10,
            request.BoothWidth ?? 3,
            request.BoothDepth ?? 3,
            request.PriceVnd ?? 2_000_000);
        var planErrors = FloorPlans.Validate(plan);
        if (planErrors.Count > 0)
        {
            return Problems.Validation(planErrors);
        }

        return TypedResults.Ok(await grains.GetGrain<IFairGrain>(fairId).SetFloorPlanAsync(plan));
    }

    private static async Task<IResult> ExportCsvAsync(string fairId, IGrainFactory grains)
    {
        if (!IsId(fairId) || await grains.GetGrain<IFairGrain>(fairId).GetAsync() is null)
        {
            return Problems.NotFound("fair.notFound");
        }

        var csv = FloorPlanCsv.Write(await grains.GetGrain<IFairGrain>(fairId).GetFloorAsync());
        return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"floor-plan-{fairId}.csv");
    }

    /// <summary>Edits details; the fair's time zone interprets local dates, reminders follow the new dates.</summary>
    private static async Task<Results<Ok<FairResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string fairId, CreateFairRequest request, ClaimsPrincipal user, IGrainFactory grains, ReminderScheduler reminders)
    {
        if (await OwnedFairAsync(fairId, user, grains) is { } refusal)
        {
            return refusal;
        }

        var current = (await grains.GetGrain<IFairGrain>(fairId).GetAsync())!.Details;
        var details = current with
        {
            Name = request.Name ?? current.Name,
            Venue = request.Venue ?? current.Venue,
            Province = request.Province ?? current.Province,
            TimeZone = request.TimeZone ?? current.TimeZone,
            StartsAt = request.StartsAt?.ToUniversalTime() ?? current.StartsAt,
            EndsAt = request.EndsAt?.ToUniversalTime() ?? current.EndsAt,
            RegistrationOpensAt = request.RegistrationOpensAt?.ToUniversalTime() ?? current.RegistrationOpensAt,
            RegistrationClosesAt = request.RegistrationClosesAt?.ToUniversalTime() ?? current.RegistrationClosesAt,
            MinStars = request.MinStars ?? current.MinStars,
            AcceptedGroups = request.AcceptedGroups is null ? current.AcceptedGroups : [.. request.AcceptedGroups.Distinct()],
            BoothsPerProducer = request.BoothsPerProducer ?? current.BoothsPerProducer,
            HoldMinutes = request.HoldMinutes ?? current.HoldMinutes,
            AllocationMode = request.AllocationMode ?? current.AllocationMode,
        };
        var errors = FairRules.Validate(details);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var fair = await grains.GetGrain<IFairGrain>(fairId).UpdateDetailsAsync(details);
        await reminders.ScheduleFairAsync(fair);
        return TypedResults.Ok(FairResponse.From(fair));
    }

    /// <summary>The floor at the current version; with <c>sinceVersion</c>, the events after it when the backlog still has them.</summary>
    private static async Task<Results<Ok<FloorView>, Ok<FloorChangesResponse>, ProblemHttpResult>> GetFloorAsync(
        string fairId, long? sinceVersion, IGrainFactory grains)
    {
        if (!IsId(fairId))
        {
            return Problems.NotFound("fair.notFound");
        }

        var fair = grains.GetGrain<IFairGrain>(fairId);
        if (sinceVersion is { } since)
        {
            var changes = await fair.GetChangesSinceAsync(since);
            return changes.Events is { } events
                ? TypedResults.Ok(FloorChangesResponse.From(changes, events))
                : TypedResults.Ok(changes.Snapshot!);
        }

        return TypedResults.Ok(await fair.GetFloorAsync());
    }

    private static Task<Results<Ok<BoothView>, ProblemHttpResult>> BlockAsync(string fairId, string boothCode, ClaimsPrincipal user, IGrainFactory grains) =>
        OnBoothAsync(fairId, user, grains, f => f.BlockBoothAsync(boothCode));

    private static Task<Results<Ok<BoothView>, ProblemHttpResult>> UnblockAsync(string fairId, string boothCode, ClaimsPrincipal user, IGrainFactory grains) =>
        OnBoothAsync(fairId, user, grains, f => f.UnblockBoothAsync(boothCode));

    private static async Task<Results<Ok<BoothView>, ProblemHttpResult>> AssignAsync(
        string fairId, string boothCode, AssignRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(request.ProducerId) || !IsId(request.ProducerId)
            || await grains.GetGrain<IProducerGrain>(request.ProducerId).GetAsync() is not { } producer)
        {
            return Problems.NotFound("producer.notFound");
        }

        var holder = new Holder(producer.ProducerId, producer.Profile.Name, [.. producer.Products.Select(p => p.Group).Distinct()]);
        return await OnBoothAsync(fairId, user, grains, _ => grains.GetGrain<IFloorGrain>(fairId).AssignAsync(boothCode, holder, Booths.BoothsApi.Key(idempotencyKey, $"{user.UserId()}:assign")));
    }

    private static Task<Results<Ok<BoothView>, ProblemHttpResult>> UnassignAsync(string fairId, string boothCode, ClaimsPrincipal user, IGrainFactory grains) =>
        OnBoothAsync(fairId, user, grains, _ => grains.GetGrain<IFloorGrain>(fairId).UnassignAsync(boothCode));

    private static async Task<Results<Ok<BoothView>, ProblemHttpResult>> OnBoothAsync(
        string fairId, ClaimsPrincipal user, IGrainFactory grains, Func<IFairGrain, Task<BoothView>> change)
    {
        if (await OwnedFairAsync(fairId, user, grains) is { } refusal)
        {
            return refusal;
        }

        return TypedResults.Ok(await change(grains.GetGrain<IFairGrain>(fairId)));
    }

    /// <summary>Null when the fair exists and the caller runs it (its organiser, or an Admin); else the problem to answer.</summary>
    private static async Task<ProblemHttpResult?> OwnedFairAsync(string fairId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!IsId(fairId) || await grains.GetGrain<IFairGrain>(fairId).GetAsync() is not { } fair)
        {
            return Problems.NotFound("fair.notFound");
        }

        return fair.OrganiserId == user.UserId() || user.IsInRole(Roles.Admin) ? null : Problems.Forbidden();
    }

    /// <summary>Ids are short URL-safe strings; anything else cannot name a grain of ours.</summary>
    internal static bool IsId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
