using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Buyers;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Matching;

/// <summary>One component of a score: its code, the sentence with its numbers in the reader's language, and its points out of most.</summary>
public sealed record MatchReasonResponse(string Code, string Message, int Weight, int Max);

/// <summary>
/// A need matched to an exhibitor's best product for it. From the producer's side (interested buyers) it also names
/// the buyer.
/// </summary>
public sealed record MatchItemResponse(
    string NeedId, string ProducerId, string ProducerName, string ProductId, string ProductName, IReadOnlyList<string> BoothCodes,
    int Score, IReadOnlyList<MatchReasonResponse> Reasons, MatchMark Mark,
    string? BuyerId = null, string? Organisation = null, BuyerKind? BuyerKind = null);

public sealed record MatchesResponse(IReadOnlyList<MatchItemResponse> Items);

/// <summary>Ranked suppliers for a buyer, interested buyers for an exhibitor, and the buyer's save and dismiss marks.</summary>
public static class MatchingApi
{
    public static IEndpointRouteBuilder MapMatchingApi(this IEndpointRouteBuilder app)
    {
        var fair = app.MapGroup("/api/fairs/{fairId}").WithTags("Matching");
        fair.MapGet("/matches", TopAsync).RequireAuthorization(p => p.RequireRole(Roles.Buyer)).ForFair();
        var mark = fair.MapGroup("/matches/{producerId}").WithValidIds().ForFair().RequireAuthorization(p => p.RequireRole(Roles.Buyer));
        mark.MapPost("/save", (string producerId, [AsParameters] FairCall call) => MarkAsync(call, producerId, MatchMark.Saved));
        mark.MapPost("/dismiss", (string producerId, [AsParameters] FairCall call) => MarkAsync(call, producerId, MatchMark.Dismissed));
        mark.MapPost("/clear", (string producerId, [AsParameters] FairCall call) => MarkAsync(call, producerId, MatchMark.None));
        fair.MapGet("/interested-buyers", InterestedAsync).RequireAuthorization(p => p.RequireRole(Roles.Producer)).ForFair();
        return app;
    }

    private static async Task<Results<Ok<MatchesResponse>, ProblemHttpResult>> TopAsync(
        [AsParameters] FairCall call, MatchSource source, string? needId = null, int? limit = null)
    {
        if (call.User.BuyerId() is not { } buyerId) return Problems.Forbidden();
        if (needId is not null && !FieldRules.IsId(needId)) return Problems.NotFound("match.unknownNeed");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var entries = await call.Grains.GetGrain<IMatchIndexGrain>(call.FairId).TopAsync(buyerId, needId, limit ?? 20);
        // The index's own time, for the benchmark and for operators (browser dev tools show it).
        call.Http.Response.Headers["Server-Timing"] = $"index;dur={System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture)}";
        if (needId is not null && entries.IsEmpty && await call.Grains.GetGrain<IBuyerGrain>(buyerId).GetAsync() is { } b
            && !b.Profile.Needs.Any(n => n.NeedId == needId))
        {
            return Problems.NotFound("match.unknownNeed");
        }

        var booths = await source.BoothsAsync(call.FairId, entries.Select(e => e.ProducerId));
        return TypedResults.Ok(new MatchesResponse([.. entries.Select(e => Item(e, booths))]));
    }

    private static async Task<Results<Ok<MatchesResponse>, ProblemHttpResult>> InterestedAsync(
        [AsParameters] FairCall call, MatchSource source, NpgsqlDataSource db, int? limit = null)
    {
        if (call.User.ProducerId() is not { } producerId) return Problems.Forbidden();
        var entries = await call.Grains.GetGrain<IMatchIndexGrain>(call.FairId).InterestedAsync(producerId, limit ?? 50);
        var booths = await source.BoothsAsync(call.FairId, [producerId]);
        var names = await BuyerNamesAsync(db, call.FairId, entries.Select(e => e.BuyerId));
        return TypedResults.Ok(new MatchesResponse([.. entries.Select(e => Item(e, booths) with
        {
            BuyerId = e.BuyerId,
            Organisation = names.GetValueOrDefault(e.BuyerId).Organisation,
            BuyerKind = names.GetValueOrDefault(e.BuyerId).Kind,
        })]));
    }

    private static async Task<Results<Ok<MatchesResponse>, ProblemHttpResult>> MarkAsync(FairCall call, string producerId, MatchMark mark)
    {
        if (call.User.BuyerId() is not { } buyerId) return Problems.Forbidden();
        var index = call.Grains.GetGrain<IMatchIndexGrain>(call.FairId);
        if (!await index.MarkAsync(buyerId, producerId, mark)) return Problems.NotFound("match.notExhibiting");
        return TypedResults.Ok(new MatchesResponse([]));
    }

    private static MatchItemResponse Item(MatchEntry e, IReadOnlyDictionary<string, List<string>> booths)
    {
        var language = ErrorText.IsEnglish(CultureInfo.CurrentUICulture) ? "en" : "vi";
        return new MatchItemResponse(
            e.NeedId, e.ProducerId, e.ProducerName, e.ProductId, e.ProductName, booths.GetValueOrDefault(e.ProducerId) ?? [], e.Score,
            [.. e.Reasons.Select(r => new MatchReasonResponse(r.Code, MatchText.Render(new MatchReason(r.Code, r.Points, r.Max, r.Facts), language), r.Points, r.Max))],
            e.Mark);
    }

    private static async Task<Dictionary<string, (string Organisation, BuyerKind Kind)>> BuyerNamesAsync(NpgsqlDataSource db, string fairId, IEnumerable<string> ids)
    {
        var names = new Dictionary<string, (string, BuyerKind)>(StringComparer.Ordinal);
        await using var cmd = db.CreateCommand("SELECT buyer_id, organisation, kind FROM app.fair_buyers WHERE fair_id = $1 AND buyer_id = ANY($2)");
        cmd.Parameters.AddWithValue(fairId);
        cmd.Parameters.AddWithValue(ids.Distinct().ToArray());
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names[reader.GetString(0)] = (reader.GetString(1), Enum.Parse<BuyerKind>(reader.GetString(2)));
        return names;
    }
}
