using System.Collections.Immutable;

namespace OcopFairs.Abstractions;

/// <summary>What the endpoint knows about the parties when a buyer asks for a meeting (facts the meetings grain decides on).</summary>
[GenerateSerializer, Immutable, Alias("ocop.MeetingParties")]
public sealed record MeetingParties(
    [property: Id(0)] string BuyerId,
    [property: Id(1)] BuyerKind? BuyerKind,
    [property: Id(2)] string ProducerId,
    [property: Id(3)] MeetingPlace? Place);

/// <summary>A meeting of an organiser's published schedule: who, where and when (placed as Accepted when it still fits).</summary>
[GenerateSerializer, Immutable, Alias("ocop.ScheduledMeeting")]
public sealed record ScheduledMeeting(
    [property: Id(0)] string BuyerId,
    [property: Id(1)] BuyerKind BuyerKind,
    [property: Id(2)] string ProducerId,
    [property: Id(3)] MeetingPlace Place,
    [property: Id(4)] DateTimeOffset StartsAt);

/// <summary>What publishing a schedule did: the meetings made, those that no longer fit (with the refusal's code), and
/// whether this is the answer to an earlier publish with the same Idempotency-Key.</summary>
[GenerateSerializer, Immutable, Alias("ocop.ScheduleOutcome")]
public sealed record ScheduleOutcome(
    [property: Id(0)] ImmutableArray<Meeting> Created,
    [property: Id(1)] ImmutableArray<RefusedPlacement> Refused,
    [property: Id(2)] bool Replayed);

[GenerateSerializer, Immutable, Alias("ocop.RefusedPlacement")]
public sealed record RefusedPlacement([property: Id(0)] ScheduledMeeting Meeting, [property: Id(1)] string Code);

/// <summary>
/// A fair's slot book [fairId]: the one writer that decides every meeting of the fair, so that no buyer, exhibitor or
/// place is ever double-booked however requests race; every decision is durable before it is answered.
/// </summary>
public interface IMeetingsGrain : IGrainWithStringKey
{
    Task<MatchingHours?> GetHoursAsync();

    Task<MatchingHours> SetHoursAsync(MatchingHours hours, string timeZone, DateOnly firstDay, DateOnly lastDay);

    Task<Meeting> RequestAsync(MeetingParties parties, DateTimeOffset startsAt, string? note, string timeZone);

    Task<Meeting> AcceptAsync(string meetingId, MeetingSide side, string partyId);

    Task<Meeting> DeclineAsync(string meetingId, MeetingSide side, string partyId, string reason);

    Task<Meeting> ProposeAsync(string meetingId, MeetingSide side, string partyId, DateTimeOffset startsAt, string timeZone);

    Task<Meeting> CancelAsync(string meetingId, MeetingSide side, string partyId, string? reason);

    Task<Meeting> CheckInAsync(string meetingId, MeetingSide side, string partyId);

    /// <summary>
    /// Places an organiser's schedule: each meeting that still fits the book (checked as a buyer's request would be)
    /// becomes Accepted, all in one transaction with the key; the same key again answers the first outcome.
    /// </summary>
    Task<ScheduleOutcome> PublishAsync(ImmutableArray<ScheduledMeeting> plan, string timeZone, string? idempotencyKey);

    /// <summary>Expires and settles whatever is due (the minutely sweep's call); answers how many meetings changed.</summary>
    Task<int> SweepAsync();

    /// <summary>The fair's meetings, after expiring and settling whatever is due; filtered to one party when given.</summary>
    Task<ImmutableArray<Meeting>> ListAsync(MeetingSide? side, string? partyId);

    /// <summary>Free slot starts for a buyer with an exhibitor at a place.</summary>
    Task<ImmutableArray<DateTimeOffset>> FreeSlotsAsync(string? buyerId, string producerId, MeetingPlace place, string timeZone);
}
