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
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public static IEndpointRouteBuilder MapAllocationApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/fairs/{fairId}/allocation", AllocateAsync).WithTags("Booths")
            .RequireAuthorization(p => p.RequireRole(Roles.Organiser, Roles.Admin)).ForFairOrganiser();
        return app;
    }

    private static async Task<Results<Ok<AllocationResponse>, ProblemHttpResult>> AllocateAsync(
        AllocationRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        [AsParameters] FairCall call, ApplicationQueue queue, NpgsqlDataSource db)
    {
        var (fair, fairId, grains) = (call.Fair, call.FairId, call.Grains);
        if (fair.Details.AllocationMode != AllocationMode.Organiser)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "allocation.firstCome");
        }

        var dryRun = request.DryRun ?? true;
        var key = dryRun ? null : BoothsApi.Key(idempotencyKey, "allocation");
        if (key is not null && await StoredAsync(db, fairId, key) is { } stored)
        {
            return TypedResults.Ok(stored);
        }

        var floor = await grains.GetGrain<IFairGrain>(fairId).GetFloorAsync();
        var placed = floor.Booths.Where(b => b.ProducerId is not null).Select(b => b.ProducerId!).ToHashSet(StringComparer.Ordinal);
        var zones = floor.Zones.ToDictionary(z => z.Code, z => (IReadOnlyList<ProductGroup>)[.. z.Groups], StringComparer.Ordinal);
        var free = floor.Booths.Where(b => b.Status == BoothStatus.Free)
            .Select(b => new Allocation.Booth(b.Code, b.Zone, b.Type, zones.GetValueOrDefault(b.Zone) ?? []))
            .ToList();
        var approved = (await queue.ListAsync(fairId, new QueueFilter(ApplicationStatus.Approved, null, null, null, null, null)))
            .Select(e => e.Application)
            .Where(a => !placed.Contains(a.ProducerId))
            .ToList();
        var names = approved.ToDictionary(a => a.ProducerId, a => a.ProducerName, StringComparer.Ordinal);
        var exhibitors = approved.Select(a => new Allocation.Exhibitor(
            a.ProducerId, a.District, a.Products.IsDefaultOrEmpty ? 0 : a.Products.Max(p => p.Stars),
            [.. a.Products.Select(p => p.Group).Distinct()],
            a.BoothPreferences?.Zones.IsDefault == false ? a.BoothPreferences.Zones : [],
            a.BoothPreferences?.Types.IsDefault == false ? a.BoothPreferences.Types : [],
            a.SubmittedAt)).ToList();

        var result = Allocation.Allocate(free, exhibitors);
        var culture = CultureInfo.CurrentUICulture;
        var assignments = new List<AllocatedBooth>();
        var unplaced = result.Unplaced.Select(u => new UnplacedExhibitor(u.ProducerId, names.GetValueOrDefault(u.ProducerId), Texts(u.Reasons, culture))).ToList();
        var floorGrain = grains.GetGrain<IFloorGrain>(fairId);
        foreach (var a in result.Assignments)
        {
            if (!dryRun)
            {
                try
                {
                    var groups = exhibitors.First(e => e.ProducerId == a.ProducerId).Groups;
                    await floorGrain.AssignAsync(a.BoothCode, new Holder(a.ProducerId, names[a.ProducerId], [.. groups]), key is null ? null : $"{key}:{a.BoothCode}");
                }
                catch (DomainException ex)
                {
                    // Taken between the plan and the write (a producer or organiser was quicker): report, do not fail the run.
                    unplaced.Add(new UnplacedExhibitor(a.ProducerId, names[a.ProducerId], Texts([new Allocation.Reason("boothTakenMeanwhile", [a.BoothCode, ex.Code])], culture)));
                    continue;
                }
            }

            assignments.Add(new AllocatedBooth(a.BoothCode, a.ProducerId, names.GetValueOrDefault(a.ProducerId), Texts(a.Reasons, culture)));
        }

        var response = new AllocationResponse(dryRun, assignments, unplaced, result.DistrictShares);
        if (key is not null)
        {
            await StoreAsync(db, fairId, key, response);
        }

        return TypedResults.Ok(response);
    }

    private static IReadOnlyList<AllocationReason> Texts(IEnumerable<Allocation.Reason> reasons, CultureInfo culture) =>
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

    private static async Task<AllocationResponse?> StoredAsync(NpgsqlDataSource db, string fairId, string key)
    {
        await using var cmd = db.CreateCommand("SELECT response::text FROM app.idempotent_results WHERE scope = @scope AND key = @key");
        cmd.Parameters.AddWithValue("scope", "allocation:" + fairId);
        cmd.Parameters.AddWithValue("key", key);
        return await cmd.ExecuteScalarAsync() is string json ? JsonSerializer.Deserialize<AllocationResponse>(json, Json) : null;
    }

    private static async Task StoreAsync(NpgsqlDataSource db, string fairId, string key, AllocationResponse response)
    {
        await using var cmd = db.CreateCommand(
            "INSERT INTO app.idempotent_results (scope, key, response) VALUES (@scope, @key, @response) ON CONFLICT DO NOTHING");
        cmd.Parameters.AddWithValue("scope", "allocation:" + fairId);
        cmd.Parameters.AddWithValue("key", key);
        cmd.Parameters.Add(new NpgsqlParameter("response", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(response, Json) });
        await cmd.ExecuteNonQueryAsync();
    }
}
