using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using OcopFairs.Abstractions;
using OcopFairs.Server.Fairs;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Producers;

/// <summary>
/// An approved exhibitor of a fair as visitors find it: who, from where, what they sell (the groups they exhibit at
/// this fair, their products' names, their best stars) and where (booth codes and their zones; empty until placed).
/// </summary>
public sealed record ExhibitorResponse(
    string ProducerId, string Name, string District, IReadOnlyList<ProductGroup> Groups, int MaxStars,
    IReadOnlyList<string> Products, IReadOnlyList<string> BoothCodes, IReadOnlyList<string> Zones);

/// <summary>A fair a producer exhibits at, with its booths there (empty until placed).</summary>
public sealed record ProducerFairResponse(
    string FairId, string Name, string Venue, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, FairStatus Status,
    IReadOnlyList<string> BoothCodes);

/// <summary>Who exhibits at a fair, and where a producer exhibits: public for fairs past Draft.</summary>
public static class ExhibitorsApi
{
    public static IEndpointRouteBuilder MapExhibitorsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/fairs/{fairId}/exhibitors", ExhibitorsAsync).AllowAnonymous().WithTags("Producers");
        app.MapGet("/api/producers/{producerId}/fairs", FairsOfAsync).AllowAnonymous().WithTags("Producers");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<ExhibitorResponse>>, ProblemHttpResult>> ExhibitorsAsync(
        string fairId, ClaimsPrincipal user, IGrainFactory grains, FairVisibility visibility, NpgsqlDataSource db)
    {
        if (!Endpoints.IsId(fairId) || !await visibility.CanSeeAsync(user, fairId))
        {
            return Problems.NotFound("fair.notFound");
        }

        var floor = await grains.GetGrain<IFairGrain>(fairId).GetFloorAsync();
        var booths = floor.Booths
            .Where(b => b.ProducerId is not null && b.Status is BoothStatus.Held or BoothStatus.Confirmed)
            .GroupBy(b => b.ProducerId!)
            .ToDictionary(g => g.Key, g => g.OrderBy(b => b.Code, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        var exhibitors = new List<ExhibitorResponse>();
        await using (var cmd = db.CreateCommand(
            """
            SELECT a.producer_id, p.name, p.district, a.groups, p.max_stars,
                   coalesce((SELECT array_agg(x.name ORDER BY x.stars DESC, x.name) FROM app.products x WHERE x.producer_id = a.producer_id), '{}')
            FROM app.applications a JOIN app.producers p ON p.producer_id = a.producer_id
            WHERE a.fair_id = @fair AND a.status = 'Approved'
            """))
        {
            cmd.Parameters.AddWithValue("fair", fairId);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var producerId = reader.GetString(0);
                var own = booths.GetValueOrDefault(producerId) ?? [];
                exhibitors.Add(new ExhibitorResponse(
                    producerId, reader.GetString(1), reader.GetString(2),
                    [.. reader.GetFieldValue<string[]>(3).Select(g => Enum.TryParse<ProductGroup>(g, out var v) ? v : (ProductGroup?)null)
                        .OfType<ProductGroup>().Distinct()],
                    reader.GetInt32(4), reader.GetFieldValue<string[]>(5),
                    [.. own.Select(b => b.Code)], [.. own.Select(b => b.Zone).Distinct()]));
            }
        }

        // By the first booth's code (those not placed yet last), then by name.
        IReadOnlyList<ExhibitorResponse> sorted =
        [
            .. exhibitors.OrderBy(e => e.BoothCodes.Count == 0).ThenBy(e => e.BoothCodes.FirstOrDefault() ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(e => e.Name, StringComparer.CurrentCulture),
        ];
        return TypedResults.Ok(sorted);
    }

    private static async Task<Results<Ok<IReadOnlyList<ProducerFairResponse>>, ProblemHttpResult>> FairsOfAsync(
        string producerId, ClaimsPrincipal user, IGrainFactory grains, FairVisibility visibility, NpgsqlDataSource db, TimeProvider clock)
    {
        if (!Endpoints.IsId(producerId) || await grains.GetGrain<IProducerGrain>(producerId).GetAsync() is null)
        {
            return Problems.NotFound("producer.notFound");
        }

        var fairIds = new List<string>();
        await using (var cmd = db.CreateCommand("SELECT fair_id FROM app.applications WHERE producer_id = @producer AND status = 'Approved'"))
        {
            cmd.Parameters.AddWithValue("producer", producerId);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                fairIds.Add(reader.GetString(0));
            }
        }

        var now = clock.GetUtcNow();
        var fairs = new List<ProducerFairResponse>();
        foreach (var fairId in fairIds.Distinct(StringComparer.Ordinal))
        {
            // Upcoming or running fairs the caller may see; a Draft fair stays hidden as everywhere else.
            if (await grains.GetGrain<IFairGrain>(fairId).GetAsync() is not { } fair
                || fair.Status is FairStatus.Closed || fair.Details.EndsAt < now
                || !await visibility.CanSeeAsync(user, fairId))
            {
                continue;
            }

            var floor = await grains.GetGrain<IFairGrain>(fairId).GetFloorAsync();
            var codes = floor.Booths
                .Where(b => b.ProducerId == producerId && b.Status is BoothStatus.Held or BoothStatus.Confirmed)
                .Select(b => b.Code).Order(StringComparer.Ordinal).ToList();
            var d = fair.Details;
            fairs.Add(new ProducerFairResponse(fair.FairId, d.Name, d.Venue, d.StartsAt, d.EndsAt, d.TimeZone, fair.Status, codes));
        }

        IReadOnlyList<ProducerFairResponse> sorted = [.. fairs.OrderBy(f => f.StartsAt)];
        return TypedResults.Ok(sorted);
    }
}
