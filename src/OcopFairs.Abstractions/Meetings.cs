using System.Collections.Immutable;

namespace OcopFairs.Abstractions;

public enum MeetingStatus { Requested, Accepted, Declined, Expired, Cancelled, Held, NoShow, Disputed }

/// <summary>The two sides of a meeting.</summary>
public enum MeetingSide { Buyer, Producer }

/// <summary>
/// When a fair's buyers and exhibitors meet: days with hours in the fair's time zone, cut into slots of
/// <see cref="SlotMinutes"/>; how long an unanswered request holds its slot; and the most meetings one buyer of a kind
/// may have (none given: no limit).
/// </summary>
[GenerateSerializer, Immutable, Alias("ocop.MatchingHours")]
public sealed record MatchingHours(
    [property: Id(0)] ImmutableArray<MatchingDay> Days,
    [property: Id(1)] int SlotMinutes,
    [property: Id(2)] int RequestExpiryMinutes,
    [property: Id(3)] ImmutableDictionary<BuyerKind, int>? Quotas = null);

[GenerateSerializer, Immutable, Alias("ocop.MatchingDay")]
public sealed record MatchingDay(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] TimeOnly From,
    [property: Id(2)] TimeOnly To);

/// <summary>Where a meeting takes place: the exhibitor's booth, or a table in the matching area when it has none.</summary>
[GenerateSerializer, Immutable, Alias("ocop.MeetingPlace")]
public sealed record MeetingPlace(
    [property: Id(0)] string? BoothCode,
    [property: Id(1)] string? Table,
    [property: Id(2)] int Capacity)
{
    /// <summary>The key places are counted by: one booth or one table.</summary>
    public string Key => BoothCode is { } b ? $"booth:{b}" : $"table:{Table}";
}

/// <summary>
/// A meeting between a buyer and an exhibitor in one slot. <see cref="AwaitingSide"/> is who must answer a request
/// (the other side after a proposal); <see cref="Locked"/> meetings are kept by the organiser's schedule-all.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocop.Meeting")]
public sealed record Meeting(
    [property: Id(0)] string MeetingId,
    [property: Id(1)] string FairId,
    [property: Id(2)] string BuyerId,
    [property: Id(3)] string ProducerId,
    [property: Id(4)] DateTimeOffset StartsAt,
    [property: Id(5)] DateTimeOffset EndsAt,
    [property: Id(6)] MeetingPlace Place,
    [property: Id(7)] MeetingStatus Status,
    [property: Id(8)] MeetingSide AwaitingSide,
    [property: Id(9)] DateTimeOffset? ExpiresAt,
    [property: Id(10)] bool BuyerCheckedIn,
    [property: Id(11)] bool ProducerCheckedIn,
    [property: Id(12)] string? Note,
    [property: Id(13)] string? Reason,
    [property: Id(14)] bool Locked,
    [property: Id(15)] long Version);
