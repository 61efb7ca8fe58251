using System.Collections.Immutable;

namespace OcopFairs.Abstractions;

/// <summary>What the endpoint knows about the parties when a buyer asks for a meeting (facts the meetings grain decides on).</summary>
[GenerateSerializer, Immutable, Alias("ocop.MeetingParties")]
public sealed record MeetingParties(
    [property: Id(0)] string BuyerId,
    [property: Id(1)] BuyerKind? BuyerKind,
    [property: Id(2)] string ProducerId,
    [property: Id(3)] MeetingPlace? Place);

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

    /// <summary>Expires and settles whatever is due (the minutely sweep's call); answers how many meetings changed.</summary>
    Task<int> SweepAsync();

    /// <summary>The fair's meetings, after expiring and settling whatever is due; filtered to one party when given.</summary>
    Task<ImmutableArray<Meeting>> ListAsync(MeetingSide? side, string? partyId);

    /// <summary>Free slot starts for a buyer with an exhibitor at a place.</summary>
    Task<ImmutableArray<DateTimeOffset>> FreeSlotsAsync(string? buyerId, string producerId, MeetingPlace place, string timeZone);
}
