using System.Collections.Immutable;

namespace OcopFairs.Abstractions;

/// <summary>
/// An inbox entry. <see cref="Key"/> makes delivery idempotent: one entry per key per inbox. An entry stores its kind
/// and the facts behind it, and is worded in the reader's language when read; <see cref="Title"/> and
/// <see cref="Body"/> hold text only in entries written before that (Facts null), which are shown as stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("ocop.Notification")]
public sealed record Notification(
    [property: Id(0)] string Id,
    [property: Id(1)] string Key,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Title,
    [property: Id(4)] string Body,
    [property: Id(5)] string? FairId,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset? ReadAt,
    [property: Id(8)] ImmutableDictionary<string, string>? Facts = null)
{
    /// <summary>A new entry of <paramref name="kind"/> with the facts its text is built from when read.</summary>
    public static Notification Of(string key, string kind, string? fairId, DateTimeOffset at, ImmutableDictionary<string, string> facts) =>
        new(Guid.CreateVersion7().ToString("N"), key, kind, string.Empty, string.Empty, fairId, at, null, facts);
}

/// <summary>An event for one user only (their application, meetings, contracts, inbox).</summary>
[GenerateSerializer, Immutable, Alias("ocop.PrivateEvent")]
public sealed record PrivateEvent(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Type,
    [property: Id(2)] Notification? Notification,
    [property: Id(3)] ApplicationView? Application = null,
    [property: Id(4)] MatchesChanged? Matches = null,
    [property: Id(5)] Meeting? Meeting = null,
    [property: Id(6)] MeetingCounts? MeetingCounts = null,
    [property: Id(7)] Deal? Deal = null);

/// <summary>A fair's meetings by status, for its organiser's live overview.</summary>
[GenerateSerializer, Immutable, Alias("ocop.MeetingCounts")]
public sealed record MeetingCounts(
    [property: Id(0)] string FairId,
    [property: Id(1)] System.Collections.Immutable.ImmutableDictionary<MeetingStatus, int> ByStatus);
