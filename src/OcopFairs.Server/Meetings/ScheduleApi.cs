using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Meetings;

public sealed record WishDto(string? BuyerId, string? ProducerId);

/// <summary>
/// Schedule-all: a dry run by default. Wishes are the pairs to place; without them, each registered buyer's best
/// <see cref="PerBuyer"/> exhibitors by match score. Live meetings (requested or accepted) are always kept.
/// </summary>
public sealed record ScheduleRequest(bool? DryRun, WishDto[]? Wishes, int? PerBuyer, bool? LockAccepted) : IValidatable
{
    public const int MaxWishes = 20_000;

    public void Validate(Errors errors)
    {
        if (Wishes is { Length: > MaxWishes }) errors.Add("wishes", "tooMany");
        for (var i = 0; i < Math.Min(Wishes?.Length ?? 0, MaxWishes); i++)
        {
            if (!FieldRules.IsId(Wishes![i]?.BuyerId)) errors.Add($"wishes[{i}].buyerId", Wishes[i]?.BuyerId is null ? "required" : "invalidId");
            if (!FieldRules.IsId(Wishes[i]?.ProducerId)) errors.Add($"wishes[{i}].producerId", Wishes[i]?.ProducerId is null ? "required" : "invalidId");
        }

        if (PerBuyer is < 1 or > 20) errors.Add("perBuyer", "outOfRange");
        if (LockAccepted == false) errors.Add("lockAccepted", "invalidValue");
    }
}

public sealed record ScheduledItem(
    string BuyerId, string? Organisation, string ProducerId, string? ProducerName, DateTimeOffset StartsAt, MeetingPlace Place, int Score, string? MeetingId);

public sealed record UnplacedItem(string BuyerId, string? Organisation, string ProducerId, string? ProducerName, int Score, IReadOnlyList<string> Reasons, IReadOnlyList<string> Messages);

public sealed record ScheduleResponse(
    bool DryRun, string Method, long Objective, long Bound, long GreedyObjective, int GreedyPlaced, double SolveSeconds,
    IReadOnlyList<ScheduledItem> Meetings, IReadOnlyList<UnplacedItem> Unplaced, bool Replayed);

/// <summary>
/// The organiser's "Xếp lịch tự động": gathers the wishes (from the matching index), the future slots, every live
/// meeting, each exhibitor's places and each buyer's quota into a Domain <see cref="ScheduleProblem"/>, plans it, and
/// on publish has the fair's meetings grain place what still fits.
/// </summary>
public static class ScheduleApi
{
    /// <summary>How long the planner may search (the solver answers its best plan so far when time is up).</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(10);

    public static IEndpointRouteBuilder MapScheduleApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/fairs/{fairId}/meetings/schedule", ScheduleAsync).WithTags("Meetings")
            .RequireAuthorization(p => p.RequireRole(Roles.Organiser, Roles.Admin)).ForFairOrganiser();
        return app;
    }

    private static async Task<Results<Ok<ScheduleResponse>, ProblemHttpResult>> ScheduleAsync(
        ScheduleRequest body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, [AsParameters] FairCall call, NpgsqlDataSource db, TimeProvider clock)
    {
        var fair = call.Http.Fair();
        var meetings = call.Grains.GetGrain<IMeetingsGrain>(call.FairId);
        if (await meetings.GetHoursAsync() is not { } hours) return Problems.NotFound("meeting.noHours");
        var dryRun = body.DryRun ?? true;
        if (!dryRun && idempotencyKey is { Length: > 100 }) return Problems.Of(StatusCodes.Status400BadRequest, "invalidValue");

        var zone = TimeZoneInfo.FindSystemTimeZoneById(fair.Details.TimeZone);
        var now = clock.GetUtcNow();
        var slots = MeetingRules.Slots(hours, zone).Where(s => s > now).ToArray();
        var slotIndex = slots.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);

        var index = call.Grains.GetGrain<IMatchIndexGrain>(call.FairId);
        var wishes = body.Wishes is { Length: > 0 } given
            ? await index.ScoreAsync([.. given.Select(w => new WishScore(w.BuyerId!, w.ProducerId!, 0))])
            : await index.WishesAsync(body.PerBuyer ?? 5);

        var buyers = await BuyersAsync(db, call.FairId);
        var floor = await call.Grains.GetGrain<IFairGrain>(call.FairId).GetFloorAsync();
        var places = wishes.Select(w => w.ProducerId).Distinct(StringComparer.Ordinal).ToDictionary(p => p, p =>
        {
            var booth = floor.Booths.Where(b => b.ProducerId == p).Select(b => b.Code).Order(StringComparer.Ordinal).FirstOrDefault();
            return booth is not null ? new MeetingPlace(booth, null, MeetingRules.DefaultBoothPlaces) : new MeetingPlace(null, "T-" + p, 1);
        }, StringComparer.Ordinal);

        var live = (await meetings.ListAsync(null, null)).Where(m => MeetingRules.Live(m, now)).ToList();
        var kept = live.Where(m => slotIndex.ContainsKey(m.StartsAt)).Select(m => new KeptMeeting(m.BuyerId, m.ProducerId, slotIndex[m.StartsAt])).ToList();
        var quotas = hours.Quotas is { } q
            ? buyers.Where(b => q.ContainsKey(b.Value.Kind)).ToDictionary(b => b.Key, b => q[b.Value.Kind], StringComparer.Ordinal)
            : new Dictionary<string, int>(StringComparer.Ordinal);
        var problem = new ScheduleProblem(
            slots.Length,
            [.. wishes.Where(w => buyers.ContainsKey(w.BuyerId)).Select(w => new ScheduleWish(w.BuyerId, w.ProducerId, w.Score))],
            places.ToDictionary(p => p.Key, p => p.Value.Capacity, StringComparer.Ordinal),
            quotas,
            kept,
            new Dictionary<string, IReadOnlySet<int>>());

        var started = System.Diagnostics.Stopwatch.StartNew();
        var greedy = Scheduling.Greedy(problem);
        // CP-SAT blocks its threads for up to the time limit: off the request's thread.
        var plan = await Task.Run(() => ScheduleSolver.Solve(problem, TimeLimit, workers: 2));
        var seconds = Math.Round(started.Elapsed.TotalSeconds, 2);
        var names = await ProducerNamesAsync(db, plan.Meetings.Select(m => m.ProducerId).Concat(plan.Unplaced.Select(u => u.ProducerId)));
        var english = ErrorText.IsEnglish(CultureInfo.CurrentUICulture);

        ScheduledItem Item(PlannedMeeting m, string? meetingId) => new(
            m.BuyerId, buyers.GetValueOrDefault(m.BuyerId).Organisation, m.ProducerId, names.GetValueOrDefault(m.ProducerId),
            slots[m.Slot], places[m.ProducerId], m.Score, meetingId);
        UnplacedItem Unplaced(string buyerId, string producerId, int score, IReadOnlyList<string> reasons) => new(
            buyerId, buyers.GetValueOrDefault(buyerId).Organisation, producerId, names.GetValueOrDefault(producerId), score, reasons,
            [.. reasons.Select(r => ErrorText.Get(r))]);

        var unplaced = plan.Unplaced.Select(u => Unplaced(u.BuyerId, u.ProducerId, u.Score, u.Reasons)).ToList();
        if (dryRun)
        {
            return TypedResults.Ok(new ScheduleResponse(true, plan.Method, plan.Objective, plan.Bound, greedy.Objective, greedy.Meetings.Length, seconds,
                [.. plan.Meetings.Select(m => Item(m, null))], unplaced, false));
        }

        var outcome = await meetings.PublishAsync(
            [.. plan.Meetings.Select(m => new ScheduledMeeting(m.BuyerId, buyers[m.BuyerId].Kind, m.ProducerId, places[m.ProducerId], slots[m.Slot]))],
            fair.Details.TimeZone, idempotencyKey is { Length: > 0 } key ? key : null);
        var scores = plan.Meetings.ToDictionary(m => (m.BuyerId, m.ProducerId), m => m.Score);
        var made = outcome.Created.Select(m => new ScheduledItem(
            m.BuyerId, buyers.GetValueOrDefault(m.BuyerId).Organisation, m.ProducerId, names.GetValueOrDefault(m.ProducerId) ?? "", m.StartsAt, m.Place,
            scores.GetValueOrDefault((m.BuyerId, m.ProducerId)), m.MeetingId)).ToList();
        unplaced.AddRange(outcome.Refused.Select(r => Unplaced(r.Meeting.BuyerId, r.Meeting.ProducerId,
            scores.GetValueOrDefault((r.Meeting.BuyerId, r.Meeting.ProducerId)), ["schedule.changed", r.Code])));
        return TypedResults.Ok(new ScheduleResponse(false, plan.Method, made.Sum(m => (long)m.Score), plan.Bound, greedy.Objective, greedy.Meetings.Length, seconds,
            made, unplaced, outcome.Replayed));
    }

    private static async Task<Dictionary<string, (string Organisation, BuyerKind Kind)>> BuyersAsync(NpgsqlDataSource db, string fairId)
    {
        var buyers = new Dictionary<string, (string, BuyerKind)>(StringComparer.Ordinal);
        await using var cmd = db.CreateCommand("SELECT buyer_id, organisation, kind FROM app.fair_buyers WHERE fair_id = $1");
        cmd.Parameters.AddWithValue(fairId);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) buyers[reader.GetString(0)] = (reader.GetString(1), Enum.Parse<BuyerKind>(reader.GetString(2)));
        return buyers;
    }

    private static async Task<Dictionary<string, string>> ProducerNamesAsync(NpgsqlDataSource db, IEnumerable<string> ids)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var cmd = db.CreateCommand("SELECT producer_id, name FROM app.producers WHERE producer_id = ANY($1)");
        cmd.Parameters.AddWithValue(ids.Distinct().ToArray());
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names[reader.GetString(0)] = reader.GetString(1);
        return names;
    }
}
