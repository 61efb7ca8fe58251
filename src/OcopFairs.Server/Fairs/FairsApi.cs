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

/// <summary>Fairs: create, list, read, edit, move along the lifecycle, and the floor as watchers read it.</summary>
public static class FairsApi
{
    public static IEndpointRouteBuilder MapFairsApi(this IEndpointRouteBuilder app)
    {
        var fairs = app.MapGroup("/api/fairs").WithTags("Fairs");
        var organiser = new[] { Roles.Organiser, Roles.Admin };

        fairs.MapPost("/", CreateAsync).RequireAuthorization(p => p.RequireRole(organiser));
        fairs.MapGet("/", ListAsync).AllowAnonymous();
        fairs.MapGet("/{fairId}", GetAsync).AllowAnonymous().ForFair();
        fairs.MapPatch("/{fairId}", UpdateAsync).RequireAuthorization(p => p.RequireRole(organiser)).ForFairOrganiser();
        fairs.MapGet("/{fairId}/floor", GetFloorAsync).AllowAnonymous().WithValidIds();

        var lifecycle = fairs.MapGroup("/{fairId}").RequireAuthorization(p => p.RequireRole(organiser)).ForFairOrganiser();
        foreach (var (path, status) in new[]
        {
            ("publish", FairStatus.Published), ("close-registration", FairStatus.RegistrationClosed),
            ("start", FairStatus.Live), ("close", FairStatus.Closed),
        })
        {
            lifecycle.MapPost(path, ([AsParameters] FairCall call) => MoveAsync(call, status));
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

    /// <summary>The fairs the caller may see: Draft fairs only to their organiser and admins.</summary>
    private static async Task<Ok<FairSummary[]>> ListAsync(
        FairStatus? status, DateTimeOffset? from, DateTimeOffset? to, ClaimsPrincipal user, IGrainFactory grains, FairVisibility visibility)
    {
        var all = await grains.GetGrain<IFairDirectoryGrain>(0).ListAsync();
        var list = all.Where(f => (status is null || f.Status == status) && (from is null || f.EndsAt >= from) && (to is null || f.StartsAt <= to));
        return TypedResults.Ok((await visibility.VisibleAsync(user, [.. list])).ToArray());
    }

    private static async Task<Ok<FairResponse>> MoveAsync(FairCall call, FairStatus status) =>
        TypedResults.Ok(FairResponse.From(await call.FairGrain.MoveToAsync(status)));

    private static Ok<FairResponse> GetAsync([AsParameters] FairCall call) => TypedResults.Ok(FairResponse.From(call.Fair));

    /// <summary>Edits details; the fair's time zone interprets local dates, reminders follow the new dates.</summary>
    private static async Task<Results<Ok<FairResponse>, ValidationProblem>> UpdateAsync(
        CreateFairRequest request, [AsParameters] FairCall call, ReminderScheduler reminders)
    {
        var current = call.Fair.Details;
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

        var fair = await call.FairGrain.UpdateDetailsAsync(details);
        await reminders.ScheduleFairAsync(fair);
        return TypedResults.Ok(FairResponse.From(fair));
    }

    /// <summary>
    /// The floor at the current version; with <c>sinceVersion</c>, the events after it when the backlog still has them.
    /// Watchers poll this: past Draft, the visibility check is answered from memory, and the read goes to the floor
    /// through the fair grain without a separate existence check.
    /// </summary>
    private static async Task<Results<Ok<FloorView>, Ok<FloorChangesResponse>, ProblemHttpResult>> GetFloorAsync(
        string fairId, long? sinceVersion, ClaimsPrincipal user, IGrainFactory grains, FairVisibility visibility)
    {
        if (!await visibility.CanSeeAsync(user, fairId))
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
}
