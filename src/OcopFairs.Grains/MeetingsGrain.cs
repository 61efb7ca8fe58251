using System.Collections.Immutable;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Grains;

/// <summary>
/// Where a fair's meetings are kept (PostgreSQL in the server). Every live meeting holds a seat of its place and of its
/// exhibitor in its slot, and unique indexes over (buyer, slot) and (place or exhibitor, slot, seat) back the slot
/// book's decisions: a save that would double-book fails whole.
/// </summary>
public interface IMeetingStore
{
    Task<(MatchingHours? Hours, ImmutableArray<SeatedMeeting> Meetings)> LoadAsync(string fairId);

    Task SaveHoursAsync(string fairId, MatchingHours hours);

    /// <summary>
    /// Saves changed meetings in one transaction, in the order given (frees before takes); with a schedule's
    /// Idempotency-Key and outcome, stores those in the same transaction.
    /// </summary>
    Task SaveAsync(string fairId, IReadOnlyList<SeatedMeeting> changed, (string Key, ScheduleOutcome Outcome)? schedule = null);

    /// <summary>The outcome stored with a schedule's Idempotency-Key, or null.</summary>
    Task<ScheduleOutcome?> ScheduleOutcomeAsync(string fairId, string key);
}

/// <summary>A meeting and the seat it takes at its place in its slot.</summary>
[GenerateSerializer, Immutable, Alias("ocop.SeatedMeeting")]
public sealed record SeatedMeeting([property: Id(0)] Meeting Meeting, [property: Id(1)] int Seat);

/// <summary>Tells both sides of a meeting that it changed (private live event and inbox, in the server).</summary>
public interface IMeetingEvents
{
    Task ChangedAsync(Meeting meeting);

    /// <summary>The fair's meetings by status after a change, for the organiser's live overview.</summary>
    Task CountsChangedAsync(string fairId, ImmutableDictionary<MeetingStatus, int> counts);
}

/// <summary>
/// A fair's slot book. Not reentrant: one call at a time decides, so two requests for the last place in a slot are
/// decided one after the other, and the second sees the first. Each call first expires and settles what is due, then
/// asks the Domain rule, saves, and only then answers and tells the parties.
/// </summary>
public sealed class MeetingsGrain(IMeetingStore store, IMeetingEvents events, TimeProvider clock) : Grain, IMeetingsGrain
{
    private readonly Dictionary<string, SeatedMeeting> _meetings = new(StringComparer.Ordinal);
    private MatchingHours? _hours;

    private string FairId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (hours, meetings) = await store.LoadAsync(FairId);
        _hours = hours;
        foreach (var m in meetings) _meetings[m.Meeting.MeetingId] = m;
    }

    public Task<MatchingHours?> GetHoursAsync() => Task.FromResult(_hours);

    public async Task<MatchingHours> SetHoursAsync(MatchingHours hours, string timeZone, DateOnly firstDay, DateOnly lastDay)
    {
        DomainException.ThrowIfInvalid("meeting.invalidHours", MeetingRules.Validate(hours, firstDay, lastDay));
        await store.SaveHoursAsync(FairId, hours);
        _hours = hours;
        return hours;
    }

    public async Task<Meeting> RequestAsync(MeetingParties parties, DateTimeOffset startsAt, string? note, string timeZone)
    {
        var now = clock.GetUtcNow();
        var due = Due(now);
        var facts = Facts(timeZone, now, parties.BuyerKind, parties.Place);
        var id = "m-" + Guid.CreateVersion7().ToString("N");
        var decision = MeetingRules.Request(facts, id, FairId, parties.BuyerId, parties.ProducerId, startsAt, note);
        return await ApplyAsync(decision, due);
    }

    public Task<Meeting> AcceptAsync(string meetingId, MeetingSide side, string partyId) =>
        DecideAsync(meetingId, side, partyId, (m, now) => MeetingRules.Accept(m, side, now));

    public Task<Meeting> DeclineAsync(string meetingId, MeetingSide side, string partyId, string reason) =>
        DecideAsync(meetingId, side, partyId, (m, now) => MeetingRules.Decline(m, side, reason, now));

    public Task<Meeting> ProposeAsync(string meetingId, MeetingSide side, string partyId, DateTimeOffset startsAt, string timeZone) =>
        DecideAsync(meetingId, side, partyId, (m, now) => MeetingRules.Propose(Facts(timeZone, now, BuyerKind.Other, m.Place), m, side, startsAt));

    public Task<Meeting> CancelAsync(string meetingId, MeetingSide side, string partyId, string? reason) =>
        DecideAsync(meetingId, side, partyId, (m, now) => MeetingRules.Cancel(m, now, reason));

    public Task<Meeting> CheckInAsync(string meetingId, MeetingSide side, string partyId) =>
        DecideAsync(meetingId, side, partyId, (m, now) => MeetingRules.CheckIn(m, side, now));

    public async Task<ScheduleOutcome> PublishAsync(ImmutableArray<ScheduledMeeting> plan, string timeZone, string? idempotencyKey)
    {
        if (idempotencyKey is not null && await store.ScheduleOutcomeAsync(FairId, idempotencyKey) is { } earlier)
        {
            return earlier with { Replayed = true };
        }

        var now = clock.GetUtcNow();
        var due = Due(now);
        var created = new List<SeatedMeeting>();
        var refused = ImmutableArray.CreateBuilder<RefusedPlacement>();
        foreach (var wanted in plan.OrderBy(p => p.StartsAt).ThenBy(p => p.BuyerId, StringComparer.Ordinal))
        {
            // Each placement sees the ones before it: the book is checked as if buyers had asked one after another.
            var facts = Facts(timeZone, now, wanted.BuyerKind, wanted.Place) with
            {
                Involved = [.. _meetings.Values.Concat(created).Select(s => s.Meeting).Where(m => MeetingRules.Live(m, now))],
            };
            var id = "m-" + Guid.CreateVersion7().ToString("N");
            var decision = MeetingRules.Request(facts, id, FairId, wanted.BuyerId, wanted.ProducerId, wanted.StartsAt, null);
            if (decision is MeetingDecision.Change { Next: var requested } && MeetingRules.Accept(requested, MeetingSide.Producer, now) is MeetingDecision.Change { Next: var accepted })
            {
                created.Add(new SeatedMeeting(accepted, SeatFor(accepted, [.. due, .. created])));
            }
            else
            {
                refused.Add(new RefusedPlacement(wanted, decision is MeetingDecision.Refused r ? r.Refusal.Code : "meeting.unavailable"));
            }
        }

        var outcome = new ScheduleOutcome([.. created.Select(c => c.Meeting)], refused.ToImmutable(), false);
        await SaveAsync([.. due, .. created], idempotencyKey is null ? null : (idempotencyKey, outcome));
        return outcome;
    }

    public async Task<int> SweepAsync()
    {
        var due = Due(clock.GetUtcNow());
        if (due.Count > 0) await SaveAsync(due);
        return due.Count;
    }

    public async Task<ImmutableArray<Meeting>> ListAsync(MeetingSide? side, string? partyId)
    {
        var due = Due(clock.GetUtcNow());
        if (due.Count > 0) await SaveAsync(due);
        return [.. _meetings.Values.Select(s => s.Meeting)
            .Where(m => side is null || (side == MeetingSide.Buyer ? m.BuyerId : m.ProducerId) == partyId)
            .OrderBy(m => m.StartsAt).ThenBy(m => m.MeetingId, StringComparer.Ordinal)];
    }

    public Task<ImmutableArray<DateTimeOffset>> FreeSlotsAsync(string? buyerId, string producerId, MeetingPlace place, string timeZone)
    {
        if (_hours is not { } hours) return Task.FromResult(ImmutableArray<DateTimeOffset>.Empty);
        var now = clock.GetUtcNow();
        var facts = Facts(timeZone, now, BuyerKind.Other, place);
        var free = MeetingRules.Slots(hours, facts.Zone)
            .Where(s => MeetingRules.Request(facts, "probe", FairId, buyerId ?? "\u0000nobody", producerId, s, null) is MeetingDecision.Change)
            .ToImmutableArray();
        return Task.FromResult(free);
    }

    private async Task<Meeting> DecideAsync(string meetingId, MeetingSide side, string partyId, Func<Meeting, DateTimeOffset, MeetingDecision> rule)
    {
        var now = clock.GetUtcNow();
        var due = Due(now);
        if (!_meetings.TryGetValue(meetingId, out var seated) || (side == MeetingSide.Buyer ? seated.Meeting.BuyerId : seated.Meeting.ProducerId) != partyId)
        {
            // Someone else's meeting answers as a missing one, so ids cannot be probed.
            if (due.Count > 0) await SaveAsync(due);
            throw DomainException.NotFound("meeting.notFound", "No such meeting of yours at this fair.");
        }

        var current = due.FirstOrDefault(d => d.Meeting.MeetingId == meetingId)?.Meeting ?? seated.Meeting;
        return await ApplyAsync(rule(current, now), due);
    }

    /// <summary>Saves what was due together with the decision's change (frees first), then answers and tells both sides.</summary>
    private async Task<Meeting> ApplyAsync(MeetingDecision decision, List<SeatedMeeting> due)
    {
        switch (decision)
        {
            case MeetingDecision.Change { Next: var next }:
                var others = due.Where(d => d.Meeting.MeetingId != next.MeetingId).ToList();
                var seated = new SeatedMeeting(next, SeatFor(next, others));
                await SaveAsync([.. others, seated]);
                return next;
            case MeetingDecision.Unchanged { Current: var current }:
                if (due.Count > 0) await SaveAsync(due);
                return current;
            case MeetingDecision.Refused { Refusal: var refusal }:
                if (due.Count > 0) await SaveAsync(due);
                throw refusal.ToException();
            default:
                throw new InvalidOperationException("Unknown decision.");
        }
    }

    private async Task SaveAsync(List<SeatedMeeting> changed, (string Key, ScheduleOutcome Outcome)? schedule = null)
    {
        await store.SaveAsync(FairId, changed, schedule);
        foreach (var c in changed) _meetings[c.Meeting.MeetingId] = c;
        foreach (var c in changed)
        {
            try
            {
                await events.ChangedAsync(c.Meeting);
            }
            catch (Exception)
            {
                // The change is durable; a lost notice is not worth failing the answer for (clients resync on reconnect).
            }
        }

        if (changed.Count == 0) return;
        try
        {
            await events.CountsChangedAsync(FairId, _meetings.Values.GroupBy(s => s.Meeting.Status).ToImmutableDictionary(g => g.Key, g => g.Count()));
        }
        catch (Exception)
        {
            // As above: the organiser's overview catches up on its next read.
        }
    }

    /// <summary>Expiries and settlements that are due, as changes not yet saved.</summary>
    private List<SeatedMeeting> Due(DateTimeOffset now)
    {
        var due = new List<SeatedMeeting>();
        foreach (var s in _meetings.Values)
        {
            var m = s.Meeting;
            if (MeetingRules.Expire(m, now) is MeetingDecision.Change e) m = e.Next;
            if (MeetingRules.Settle(m, now) is MeetingDecision.Change st) m = st.Next;
            if (!ReferenceEquals(m, s.Meeting)) due.Add(s with { Meeting = m });
        }

        return due;
    }

    /// <summary>The lowest seat of the meeting's place and exhibitor that no other live meeting in an overlapping slot takes.</summary>
    private int SeatFor(Meeting m, List<SeatedMeeting> pending)
    {
        var now = clock.GetUtcNow();
        if (!MeetingRules.Live(m, now)) return -1;
        var pendingIds = pending.Select(p => p.Meeting.MeetingId).ToHashSet(StringComparer.Ordinal);
        var taken = _meetings.Values.Where(s => !pendingIds.Contains(s.Meeting.MeetingId)).Concat(pending)
            .Where(s => s.Meeting.MeetingId != m.MeetingId && MeetingRules.Live(s.Meeting, now)
                && s.Meeting.StartsAt < m.EndsAt && m.StartsAt < s.Meeting.EndsAt
                && (s.Meeting.Place.Key == m.Place.Key || s.Meeting.ProducerId == m.ProducerId))
            .Select(s => s.Seat).ToHashSet();
        var seat = 0;
        while (taken.Contains(seat)) seat++;
        return seat;
    }

    private SlotFacts Facts(string timeZone, DateTimeOffset now, BuyerKind? kind, MeetingPlace? place) =>
        new(_hours, TimeZoneInfo.FindSystemTimeZoneById(timeZone), now, kind, place,
            [.. _meetings.Values.Select(s => s.Meeting).Where(m => MeetingRules.Live(m, now))]);
}
