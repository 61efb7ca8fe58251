using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using NpgsqlTypes;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Grains;
using OcopFairs.Server.Applications;
using OcopFairs.Server.Fairs;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Booths;

/// <summary>Whether to only read the plan (the default) or apply it; a flag has nothing further to check.</summary>
public sealed record AllocationRequest(bool? DryRun) : IValidatable
{
    public void Validate(Errors errors)
    {
    }
}

public sealed record AllocationReason(string Code, string Message);

public sealed record AllocatedBooth(string BoothCode, string ProducerId, string? ProducerName, IReadOnlyList<AllocationReason> Reasons);

public sealed record UnplacedExhibitor(string ProducerId, string? ProducerName, IReadOnlyList<AllocationReason> Reasons);

public sealed record AllocationResponse(bool DryRun, IReadOnlyList<AllocatedBooth> Assignments, IReadOnlyList<UnplacedExhibitor> Unplaced, IReadOnlyDictionary<string, int> DistrictShares);

/// <summary>Automatic allocation for Organiser-mode fairs: a dry run to read the reasons, then apply.</summary>
public static class AllocationApi
{
    public static IEndpointRouteBuilder MapAllocationApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/fairs/{fairId}/allocation", AllocateAsync).WithTags("Booths")
            .RequireAuthorization(p => p.RequireRole(Roles.Organiser, Roles.Admin)).ForFairOrganiser();
        return app;
    }

    /// <summary>
    /// Gathers the facts — the fair's approved exhibitors with their stars, groups, district and preferences — and has
    /// the floor allocate: it decides and, unless this is a dry run, applies every placement with the Idempotency-Key in
    /// one commit, so a retried apply answers the first outcome and changes nothing.
    /// </summary>
    private static async Task<Results<Ok<AllocationResponse>, ProblemHttpResult>> AllocateAsync(
        AllocationRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, [AsParameters] FairCall call, ApplicationQueue queue)
    {
        var dryRun = request.DryRun ?? true;
        var approved = (await queue.ListAsync(call.FairId, new QueueFilter(ApplicationStatus.Approved, null, null, null, null, null)))
            .Select(e => e.Application)
            .ToList();
        var candidates = approved.Select(a => new AllocationCandidate(
            new Holder(a.ProducerId, a.ProducerName, [.. a.Products.Select(p => p.Group).Distinct()], a.Status),
            a.District,
            a.Products.IsDefaultOrEmpty ? 0 : a.Products.Max(p => p.Stars),
            a.BoothPreferences?.Zones.IsDefault == false ? a.BoothPreferences.Zones : [],
            a.BoothPreferences?.Types.IsDefault == false ? a.BoothPreferences.Types : [],
            a.SubmittedAt)).ToImmutableArray();

        var floor = call.Grains.GetGrain<IFloorGrain>(call.FairId);
        AllocationOutcome outcome;
        try
        {
            outcome = await floor.AllocateAsync(candidates, dryRun, dryRun ? null : BoothsApi.Key(idempotencyKey, "allocation"));
        }
        catch (DomainException refusal)
        {
            return Problems.From(refusal);
        }

        var names = approved.ToDictionary(a => a.ProducerId, a => a.ProducerName, StringComparer.Ordinal);
        var culture = CultureInfo.CurrentUICulture;
        return TypedResults.Ok(new AllocationResponse(
            outcome.DryRun,
            [.. outcome.Assignments.Select(a => new AllocatedBooth(a.BoothCode, a.ProducerId, names.GetValueOrDefault(a.ProducerId), Texts(a.Reasons, culture)))],
            [.. outcome.Unplaced.Select(u => new UnplacedExhibitor(u.ProducerId, names.GetValueOrDefault(u.ProducerId), Texts(u.Reasons, culture)))],
            outcome.DistrictShares));
    }

    private static IReadOnlyList<AllocationReason> Texts(IEnumerable<ReasonCode> reasons, CultureInfo culture) =>
        [.. reasons.Select(r => new AllocationReason(r.Code, string.Format(culture, ErrorText.Get("allocation." + r.Code, culture), [.. r.Args.Select(a => Named(a, culture))])))];

    /// <summary>Product groups and booth types in the reader's language ("Food+Beverages" → "Thực phẩm, Đồ uống").</summary>
    private static string Named(string arg, CultureInfo culture)
    {
        var parts = arg.Split('+');
        string? Name(string part) =>
            Enum.GetNames<ProductGroup>().Contains(part) ? ErrorText.Get("group." + part, culture)
            : Enum.GetNames<BoothType>().Contains(part) ? ErrorText.Get("boothType." + part, culture)
            : null;
        var names = parts.Select(Name).ToList();
        return names.All(n => n is not null) ? string.Join(", ", names) : arg;
    }
}
