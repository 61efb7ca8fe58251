using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Grains;
using OcopFairs.Server.Buyers;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Meetings;

public sealed record MatchingDayDto(DateOnly? Date, TimeOnly? From, TimeOnly? To);

public sealed record MatchingHoursRequest(MatchingDayDto[]? Days, int? SlotMinutes, int? RequestExpiryMinutes, Dictionary<BuyerKind, int>? Quotas) : IValidatable
{
    public void Validate(Errors errors)
    {
        var days = Days ?? [];
        for (var i = 0; i < days.Length; i++)
        {
            if (days[i]?.Date is null) errors.Add($"days[{i}].date", "required");
            if (days[i]?.From is null) errors.Add($"days[{i}].from", "required");
            if (days[i]?.To is null) errors.Add($"days[{i}].to", "required");
        }

        if (SlotMinutes is null) errors.Add("slotMinutes", "required");
        if (errors.Count == 0) errors.AddAll(MeetingRules.Validate(ToHours()));
    }

    public MatchingHours ToHours() => new(
        [.. (Days ?? []).Select(d => new MatchingDay(d.Date!.Value, d.From!.Value, d.To!.Value))],
        SlotMinutes ?? 0, RequestExpiryMinutes ?? 120, Quotas?.ToImmutableDictionary());
}

public sealed record MeetingRequest(string? ProducerId, DateTimeOffset? StartsAt, string? Note) : IValidatable
{
    public void Validate(Errors errors)
    {
        if (!FieldRules.IsId(ProducerId)) errors.Add("producerId", ProducerId is null ? "required" : "invalidId");
        if (StartsAt is null) errors.Add("startsAt", "required");
        errors.Text("note", Note, MeetingRules.MaxNoteLength, multiline: true);
    }
}

public sealed record DeclineRequest(string? Reason) : IValidatable
{
    public void Validate(Errors errors) => errors.Text("reason", Reason, MeetingRules.MaxReasonLength, required: true, multiline: true);
}

public sealed record ProposeRequest(DateTimeOffset? StartsAt) : IValidatable
{
    public void Validate(Errors errors)
    {
        if (StartsAt is null) errors.Add("startsAt", "required");
    }
}

public sealed record CancelRequest(string? Reason) : IValidatable
{
    public void Validate(Errors errors) => errors.Text("reason", Reason, MeetingRules.MaxReasonLength, multiline: true);
}

public sealed record MeetingsResponse(IReadOnlyList<Meeting> Items);

public sealed record SlotsResponse(string ProducerId, MeetingPlace? Place, IReadOnlyList<DateTimeOffset> Free);

/// <summary>
/// Matching hours (organiser), meeting requests at exhibitors' booths and their answers, free slots, and agendas. The
/// endpoints gather who the parties are; the fair's meetings grain decides and keeps the book.
/// </summary>
public static class MeetingsApi
{
    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var fair = app.MapGroup("/api/fairs/{fairId}").WithTags("Meetings").RequireAuthorization();
        fair.MapPut("/matching-hours", SetHoursAsync).RequireAuthorization(p => p.RequireRole(Roles.Organiser, Roles.Admin)).ForFairOrganiser();
        fair.MapGet("/matching-hours", GetHoursAsync).ForFair();
        fair.MapGet("/meetings/slots", SlotsAsync).ForFair();
        fair.MapPost("/meetings", RequestAsync).RequireAuthorization(p => p.RequireRole(Roles.Buyer)).ForFair();
        fair.MapGet("/meetings", ListAsync).ForFair();
        var meeting = fair.MapGroup("/meetings/{meetingId}").WithValidIds().ForFair();
        meeting.MapPost("/accept", (string meetingId, [AsParameters] FairCall call) => AsParty(call, (g, side, id) => g.AcceptAsync(meetingId, side, id)));
        meeting.MapPost("/decline", (string meetingId, DeclineRequest body, [AsParameters] FairCall call) =>
            AsParty(call, (g, side, id) => g.DeclineAsync(meetingId, side, id, body.Reason!)));
        meeting.MapPost("/propose", (string meetingId, ProposeRequest body, [AsParameters] FairCall call) =>
            AsParty(call, (g, side, id) => g.ProposeAsync(meetingId, side, id, body.StartsAt!.Value, call.Http.Fair().Details.TimeZone)));
        meeting.MapPost("/cancel", (string meetingId, CancelRequest? body, [AsParameters] FairCall call) =>
            AsParty(call, (g, side, id) => g.CancelAsync(meetingId, side, id, body?.Reason)));
        meeting.MapPost("/check-in", (string meetingId, [AsParameters] FairCall call) => AsParty(call, (g, side, id) => g.CheckInAsync(meetingId, side, id)));
        return app;
    }

    /// <summary>The caller's side and id: a buyer or an exhibitor (organisers do not answer for either).</summary>
    private static (MeetingSide Side, string Id)? Party(ClaimsPrincipal user) =>
        user.BuyerId() is { } b ? (MeetingSide.Buyer, b) : user.ProducerId() is { } p ? (MeetingSide.Producer, p) : null;

    private static async Task<Results<Ok<Meeting>, ProblemHttpResult>> AsParty(FairCall call, Func<IMeetingsGrain, MeetingSide, string, Task<Meeting>> act)
    {
        if (Party(call.User) is not { } party) return Problems.Forbidden();
        return TypedResults.Ok(await act(call.Grains.GetGrain<IMeetingsGrain>(call.FairId), party.Side, party.Id));
    }

    private static async Task<Ok<MatchingHours>> SetHoursAsync(MatchingHoursRequest body, [AsParameters] FairCall call)
    {
        var fair = call.Http.Fair();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(fair.Details.TimeZone);
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fair.Details.StartsAt, zone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fair.Details.EndsAt, zone).DateTime);
        return TypedResults.Ok(await call.Grains.GetGrain<IMeetingsGrain>(call.FairId).SetHoursAsync(body.ToHours(), fair.Details.TimeZone, first, last));
    }

    private static async Task<Results<Ok<MatchingHours>, ProblemHttpResult>> GetHoursAsync([AsParameters] FairCall call) =>
        await call.Grains.GetGrain<IMeetingsGrain>(call.FairId).GetHoursAsync() is { } hours ? TypedResults.Ok(hours) : Problems.NotFound("meeting.noHours");

    private static async Task<Results<Ok<SlotsResponse>, ProblemHttpResult>> SlotsAsync(string producerId, [AsParameters] FairCall call)
    {
        if (!FieldRules.IsId(producerId)) return Problems.NotFound("meeting.notExhibiting");
        if (await PlaceAsync(call, producerId) is not { } place) return Problems.NotFound("meeting.notExhibiting");
        var free = await call.Grains.GetGrain<IMeetingsGrain>(call.FairId).FreeSlotsAsync(call.User.BuyerId(), producerId, place, call.Http.Fair().Details.TimeZone);
        return TypedResults.Ok(new SlotsResponse(producerId, place, free));
    }

    private static async Task<Results<Created<Meeting>, ProblemHttpResult>> RequestAsync(MeetingRequest body, [AsParameters] FairCall call, FairBuyers buyers)
    {
        if (call.User.BuyerId() is not { } buyerId) return Problems.Forbidden();
        var registration = await buyers.GetAsync(call.FairId, buyerId);
        var parties = new MeetingParties(buyerId, registration?.Kind, body.ProducerId!, await PlaceAsync(call, body.ProducerId!));
        var meeting = await call.Grains.GetGrain<IMeetingsGrain>(call.FairId).RequestAsync(parties, body.StartsAt!.Value, body.Note, call.Http.Fair().Details.TimeZone);
        return TypedResults.Created($"/api/fairs/{call.FairId}/meetings/{meeting.MeetingId}", meeting);
    }

    /// <summary>Own meetings for a buyer or exhibitor; every meeting of the fair for its organiser.</summary>
    private static async Task<Results<Ok<MeetingsResponse>, ProblemHttpResult>> ListAsync([AsParameters] FairCall call)
    {
        var grain = call.Grains.GetGrain<IMeetingsGrain>(call.FairId);
        if (call.User.RunsFair(call.Http.Fair())) return TypedResults.Ok(new MeetingsResponse(await grain.ListAsync(null, null)));
        if (Party(call.User) is not { } party) return Problems.Forbidden();
        return TypedResults.Ok(new MeetingsResponse(await grain.ListAsync(party.Side, party.Id)));
    }

    /// <summary>
    /// Where an approved exhibitor meets buyers: its first booth (as many places as the default), or a matching-area
    /// table of its own when it has no booth; null when it does not exhibit at the fair.
    /// </summary>
    private static async Task<MeetingPlace?> PlaceAsync(FairCall call, string producerId)
    {
        var application = await call.Grains.GetGrain<IExhibitorGrain>(ExhibitorGrain.Key(call.FairId, producerId)).GetAsync();
        if (application?.Status != ApplicationStatus.Approved) return null;
        var floor = await call.Grains.GetGrain<IFairGrain>(call.FairId).GetFloorAsync();
        var booth = floor.Booths.Where(b => b.ProducerId == producerId).Select(b => b.Code).Order(StringComparer.Ordinal).FirstOrDefault();
        return booth is not null ? new MeetingPlace(booth, null, MeetingRules.DefaultBoothPlaces) : new MeetingPlace(null, "T-" + producerId, 1);
    }
}
