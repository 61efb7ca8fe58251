using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Domain;

/// <summary>What a meeting rule answers: the meeting's next state, the same one again (a repeat), or a refusal.</summary>
public abstract record MeetingDecision
{
    private MeetingDecision()
    {
    }

    public sealed record Change(Meeting Next) : MeetingDecision;

    public sealed record Unchanged(Meeting Current) : MeetingDecision;

    public sealed record Refused(Refusal Refusal) : MeetingDecision;
}

/// <summary>
/// What the fair's slot book knows when it places a meeting in a slot: the matching hours and the fair's time zone,
/// the time now, whether the buyer registered for the fair and of what kind it is, the exhibitor's meeting place (null:
/// not an approved exhibitor), and every meeting of the fair that involves the buyer, the exhibitor or the place.
/// </summary>
public sealed record SlotFacts(
    MatchingHours? Hours,
    TimeZoneInfo Zone,
    DateTimeOffset Now,
    BuyerKind? BuyerKind,
    MeetingPlace? Place,
    IReadOnlyCollection<Meeting> Involved);

/// <summary>
/// Every decision about a meeting, as pure functions of the facts; the fair's meetings grain gathers the facts, calls
/// one of these, commits and publishes. Invariants (property tests try to break them): a buyer never has two live
/// meetings in one slot; an exhibitor and its place never hold more live meetings in a slot than the place has
/// places; a request expires no later than its slot's start; after the slot a meeting is Held only when both sides
/// checked in, and a one-sided check-in is Disputed, not decided.
/// </summary>
public static class MeetingRules
{
    public const int MinSlotMinutes = 10, MaxSlotMinutes = 120, MinExpiryMinutes = 5, MaxExpiryMinutes = 7 * 24 * 60;
    public const int MaxDays = 14, MaxQuota = 1000, MaxReasonLength = 500, MaxNoteLength = 1000;

    /// <summary>Places at an exhibitor's booth when it names no representatives; a matching-area table seats one meeting.</summary>
    public const int DefaultBoothPlaces = 2;

    /// <summary>How long before the slot, and after its end, a side may check in.</summary>
    public static readonly TimeSpan CheckInWindow = TimeSpan.FromMinutes(15);

    public static IReadOnlyDictionary<string, string[]> Validate(MatchingHours h, DateOnly? firstDay = null, DateOnly? lastDay = null)
    {
        var errors = new Errors();
        var days = h.Days.IsDefault ? [] : h.Days;
        if (days.Length is 0 or > MaxDays) errors.Add("days", days.Length == 0 ? "required" : "tooMany");
        for (var i = 0; i < Math.Min(days.Length, MaxDays); i++)
        {
            if (days[i].From >= days[i].To) errors.Add($"days[{i}].to", "endsBeforeStart");
            else if ((days[i].To - days[i].From).TotalMinutes < h.SlotMinutes) errors.Add($"days[{i}].to", "shorterThanSlot");
            if (firstDay is { } first && days[i].Date < first || lastDay is { } last && days[i].Date > last) errors.Add($"days[{i}].date", "outsideFair");
            if (days.Take(i).Any(d => d.Date == days[i].Date)) errors.Add($"days[{i}].date", "duplicate");
        }

        if (h.SlotMinutes is < MinSlotMinutes or > MaxSlotMinutes) errors.Add("slotMinutes", "outOfRange");
        if (h.RequestExpiryMinutes is < MinExpiryMinutes or > MaxExpiryMinutes) errors.Add("requestExpiryMinutes", "outOfRange");
        foreach (var (kind, n) in h.Quotas ?? ImmutableDictionary<BuyerKind, int>.Empty)
        {
            if (!Enum.IsDefined(kind)) errors.Add("quotas", "invalidValue");
            else if (n is < 0 or > MaxQuota) errors.Add($"quotas.{kind}", "outOfRange");
        }

        return errors.ToDictionary();
    }

    /// <summary>Every slot's start, in order: each day from its opening, as long as a whole slot fits before it closes.</summary>
    public static IReadOnlyList<DateTimeOffset> Slots(MatchingHours h, TimeZoneInfo zone)
    {
        var slots = new List<DateTimeOffset>();
        if (h.SlotMinutes < MinSlotMinutes) return slots;
        foreach (var day in (h.Days.IsDefault ? [] : h.Days).OrderBy(d => d.Date))
        {
            for (var t = day.From; t.AddMinutes(h.SlotMinutes) <= day.To && t.AddMinutes(h.SlotMinutes) > t; t = t.AddMinutes(h.SlotMinutes))
            {
                slots.Add(At(day.Date, t, zone));
            }
        }

        return slots;
    }

    /// <summary>A wall-clock time of the fair's zone as an instant.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static bool OnGrid(MatchingHours h, TimeZoneInfo zone, DateTimeOffset startsAt) =>
        Slots(h, zone).Contains(startsAt);

    /// <summary>A live meeting holds its slot: accepted, or requested and not yet expired.</summary>
    public static bool Live(Meeting m, DateTimeOffset now) =>
        m.Status == MeetingStatus.Accepted || m.Status == MeetingStatus.Requested && (m.ExpiresAt is not { } e || e > now);

    /// <summary>A buyer asks an approved exhibitor for a meeting in a slot on the grid, in the future, that is free for both.</summary>
    public static MeetingDecision Request(SlotFacts f, string meetingId, string fairId, string buyerId, string producerId, DateTimeOffset startsAt, string? note)
    {
        if (f.BuyerKind is not { } kind) return Refuse("meeting.notRegistered", RefusalKind.Refused, "The buyer has not registered for this fair.");
        if (f.Place is not { } place) return Refuse("meeting.notExhibiting", RefusalKind.NotFound, "The producer does not exhibit at this fair.");
        if (SlotRefusal(f, startsAt) is { } bad) return new MeetingDecision.Refused(bad);
        var others = f.Involved.Where(m => Live(m, f.Now)).ToArray();
        if (others.Any(m => m.BuyerId == buyerId && m.ProducerId == producerId && m.StartsAt == startsAt))
            return Refuse("meeting.duplicate", RefusalKind.Conflict, "The buyer already asked this exhibitor for this slot.");
        if (Busy(others, f.Hours!, buyerId, producerId, place, startsAt) is { } busy) return new MeetingDecision.Refused(busy);
        if (f.Hours!.Quotas is { } quotas && quotas.TryGetValue(kind, out var quota) && others.Count(m => m.BuyerId == buyerId) >= quota)
            return Refuse("meeting.quota", RefusalKind.Conflict, $"A {kind} buyer may have at most {quota} meetings at this fair.");
        return new MeetingDecision.Change(new Meeting(
            meetingId, fairId, buyerId, producerId, startsAt, startsAt.AddMinutes(f.Hours.SlotMinutes), place, MeetingStatus.Requested,
            MeetingSide.Producer, ExpiryFor(f.Hours, f.Now, startsAt), false, false, Trim(note, MaxNoteLength), null, false, 1));
    }

    /// <summary>The side a request waits on accepts it, before it expires.</summary>
    public static MeetingDecision Accept(Meeting m, MeetingSide side, DateTimeOffset now)
    {
        if (m.Status == MeetingStatus.Accepted) return new MeetingDecision.Unchanged(m);
        if (Pending(m, side, now) is { } refusal) return new MeetingDecision.Refused(refusal);
        return Next(m with { Status = MeetingStatus.Accepted, ExpiresAt = null });
    }

    /// <summary>The side a request waits on declines it, saying why.</summary>
    public static MeetingDecision Decline(Meeting m, MeetingSide side, string reason, DateTimeOffset now)
    {
        if (FieldRules.TextError(reason, MaxReasonLength, required: true, multiline: true) is not null)
            return Refuse("meeting.reasonRequired", RefusalKind.Refused, "A reason is required to decline.");
        if (m.Status == MeetingStatus.Declined) return new MeetingDecision.Unchanged(m);
        if (Pending(m, side, now) is { } refusal) return new MeetingDecision.Refused(refusal);
        return Next(m with { Status = MeetingStatus.Declined, ExpiresAt = null, Reason = VietnameseText.Normalize(reason) });
    }

    /// <summary>
    /// Either side proposes another slot for a live meeting: it becomes a request again, waiting on the other side,
    /// in a slot that must be free for both (the meeting's own slot does not count against it).
    /// </summary>
    public static MeetingDecision Propose(SlotFacts f, Meeting m, MeetingSide side, DateTimeOffset startsAt)
    {
        if (!Live(m, f.Now)) return Refuse("meeting.notLive", RefusalKind.Conflict, "Only a requested or accepted meeting can move.");
        if (m.StartsAt <= f.Now) return Refuse("meeting.started", RefusalKind.Conflict, "The meeting's slot has begun.");
        if (SlotRefusal(f, startsAt) is { } bad) return new MeetingDecision.Refused(bad);
        if (startsAt == m.StartsAt) return new MeetingDecision.Unchanged(m);
        var others = f.Involved.Where(o => o.MeetingId != m.MeetingId && Live(o, f.Now)).ToArray();
        if (Busy(others, f.Hours!, m.BuyerId, m.ProducerId, m.Place, startsAt) is { } busy) return new MeetingDecision.Refused(busy);
        return Next(m with
        {
            StartsAt = startsAt, EndsAt = startsAt.AddMinutes(f.Hours!.SlotMinutes), Status = MeetingStatus.Requested,
            AwaitingSide = Other(side), ExpiresAt = ExpiryFor(f.Hours, f.Now, startsAt), Locked = false,
        });
    }

    /// <summary>Either side cancels a live meeting before its slot begins.</summary>
    public static MeetingDecision Cancel(Meeting m, DateTimeOffset now, string? reason = null)
    {
        if (m.Status == MeetingStatus.Cancelled) return new MeetingDecision.Unchanged(m);
        if (!Live(m, now)) return Refuse("meeting.notLive", RefusalKind.Conflict, "Only a requested or accepted meeting can be cancelled.");
        if (m.StartsAt <= now) return Refuse("meeting.started", RefusalKind.Conflict, "The meeting's slot has begun.");
        return Next(m with { Status = MeetingStatus.Cancelled, ExpiresAt = null, Reason = reason is { Length: > 0 } ? VietnameseText.Normalize(reason) : null });
    }

    /// <summary>An unanswered request past its expiry frees its slot; anything else is left as it is.</summary>
    public static MeetingDecision Expire(Meeting m, DateTimeOffset now) =>
        m.Status == MeetingStatus.Requested && m.ExpiresAt is { } e && e <= now
            ? Next(m with { Status = MeetingStatus.Expired })
            : new MeetingDecision.Unchanged(m);

    /// <summary>A side says it is at the meeting, from a quarter of an hour before the slot to a quarter after; both make it Held.</summary>
    public static MeetingDecision CheckIn(Meeting m, MeetingSide side, DateTimeOffset now)
    {
        if (m.Status is not (MeetingStatus.Accepted or MeetingStatus.Held or MeetingStatus.Disputed))
            return Refuse("meeting.notAccepted", RefusalKind.Conflict, "Only an accepted meeting can be checked in.");
        if (now < m.StartsAt - CheckInWindow || now > m.EndsAt + CheckInWindow)
            return Refuse("meeting.checkInClosed", RefusalKind.Refused, "Check-in is open from 15 minutes before the slot to 15 minutes after it.");
        var next = side == MeetingSide.Buyer ? m with { BuyerCheckedIn = true } : m with { ProducerCheckedIn = true };
        if (next.BuyerCheckedIn && next.ProducerCheckedIn) next = next with { Status = MeetingStatus.Held };
        return next == m ? new MeetingDecision.Unchanged(m) : Next(next);
    }

    /// <summary>
    /// After the check-in window an accepted meeting is settled: Held when both sides checked in, NoShow when neither
    /// did, Disputed when only one did (the organiser decides). Nothing else changes.
    /// </summary>
    public static MeetingDecision Settle(Meeting m, DateTimeOffset now)
    {
        if (m.Status != MeetingStatus.Accepted || now <= m.EndsAt + CheckInWindow) return new MeetingDecision.Unchanged(m);
        var status = (m.BuyerCheckedIn, m.ProducerCheckedIn) switch
        {
            (true, true) => MeetingStatus.Held,
            (false, false) => MeetingStatus.NoShow,
            _ => MeetingStatus.Disputed,
        };
        return Next(m with { Status = status });
    }

    /// <summary>The organiser decides a disputed meeting: Held or NoShow.</summary>
    public static MeetingDecision Resolve(Meeting m, MeetingStatus outcome)
    {
        if (outcome is not (MeetingStatus.Held or MeetingStatus.NoShow)) return Refuse("meeting.invalidOutcome", RefusalKind.Refused, "A dispute ends Held or NoShow.");
        if (m.Status != MeetingStatus.Disputed) return m.Status == outcome ? new MeetingDecision.Unchanged(m) : Refuse("meeting.notDisputed", RefusalKind.Conflict, "Only a disputed meeting is decided by the organiser.");
        return Next(m with { Status = outcome });
    }

    /// <summary>A request holds its slot for the fair's expiry time, and never past the slot's start.</summary>
    public static DateTimeOffset ExpiryFor(MatchingHours h, DateTimeOffset now, DateTimeOffset startsAt)
    {
        var expiry = now.AddMinutes(h.RequestExpiryMinutes);
        return expiry < startsAt ? expiry : startsAt;
    }

    public static MeetingSide Other(MeetingSide side) => side == MeetingSide.Buyer ? MeetingSide.Producer : MeetingSide.Buyer;

    private static Refusal? SlotRefusal(SlotFacts f, DateTimeOffset startsAt)
    {
        if (f.Hours is not { } hours) return new Refusal("meeting.noHours", RefusalKind.Refused, "The organiser has not set matching hours for this fair.");
        if (!OnGrid(hours, f.Zone, startsAt)) return new Refusal("meeting.offGrid", RefusalKind.Refused, "The time is not a slot of the fair's matching hours.");
        if (startsAt <= f.Now) return new Refusal("meeting.past", RefusalKind.Refused, "The slot has begun or passed.");
        return null;
    }

    /// <summary>Whether the buyer, the exhibitor or the place has no room left in the slot among the live meetings given.</summary>
    private static Refusal? Busy(IReadOnlyCollection<Meeting> live, MatchingHours h, string buyerId, string producerId, MeetingPlace place, DateTimeOffset startsAt)
    {
        // Overlap, not equal starts: a slot length changed after meetings were made must not hide a clash.
        var endsAt = startsAt.AddMinutes(h.SlotMinutes);
        var inSlot = live.Where(m => m.StartsAt < endsAt && startsAt < m.EndsAt).ToArray();
        if (inSlot.Any(m => m.BuyerId == buyerId))
            return new Refusal("meeting.buyerBusy", RefusalKind.Conflict, "The buyer already has a meeting in this slot.");
        if (inSlot.Count(m => m.ProducerId == producerId) >= place.Capacity || inSlot.Count(m => m.Place.Key == place.Key) >= place.Capacity)
            return new Refusal("meeting.slotTaken", RefusalKind.Conflict, "The exhibitor has no free place in this slot.");
        return null;
    }

    private static Refusal? Pending(Meeting m, MeetingSide side, DateTimeOffset now)
    {
        if (m.Status != MeetingStatus.Requested) return new Refusal("meeting.notRequested", RefusalKind.Conflict, "The meeting is not waiting for an answer.");
        if (m.ExpiresAt is { } e && e <= now) return new Refusal("meeting.expired", RefusalKind.Conflict, "The request has expired.");
        if (m.AwaitingSide != side) return new Refusal("meeting.notYourTurn", RefusalKind.Conflict, "The request waits for the other side's answer.");
        return null;
    }

    private static MeetingDecision Next(Meeting m) => new MeetingDecision.Change(m with { Version = m.Version + 1 });

    private static MeetingDecision Refuse(string code, RefusalKind kind, string message) => new MeetingDecision.Refused(new Refusal(code, kind, message));

    private static string? Trim(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : VietnameseText.Normalize(text.Length > max ? text[..max] : text);
}
