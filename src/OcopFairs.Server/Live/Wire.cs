using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Server.Live;

/// <summary>The JSON shape of a fair event: <c>{fairId, version, type, at, data}</c>.</summary>
public sealed record FairEventMessage(string FairId, long Version, string Type, DateTimeOffset At, object? Data)
{
    public static FairEventMessage From(FairEvent e) => new(e.FairId, e.Version, e.Type, e.At, (object?)e.Booth ?? e.Fair);
}

/// <summary>The events of one group commit of a fair's floor, in version order, for <c>JoinFairBatched</c> watchers.</summary>
public sealed record FairEventsMessage(string FairId, long FromVersion, long ToVersion, IReadOnlyList<FairEventMessage> Events)
{
    public static FairEventsMessage From(string fairId, IReadOnlyList<FairEventMessage> events) =>
        new(fairId, events[0].Version - 1, events[^1].Version, events);
}

public sealed record PrivateEventMessage(string Type, object? Data)
{
    /// <summary>Applications travel in the same shape as the HTTP API gives them.</summary>
    public static PrivateEventMessage From(PrivateEvent e) => new(
        e.Type,
        e.Application is { } application
            ? Applications.ApplicationResponse.From(application, null, DateOnly.FromDateTime(DateTime.UtcNow))
            : e.Notification);
}

/// <summary>What <c>JoinFair</c> answers: the events after the client's version, or a snapshot when they are gone.</summary>
public sealed record JoinFairResult(string FairId, long Version, IReadOnlyList<FairEventMessage>? Events, FloorView? Snapshot)
{
    public static JoinFairResult From(FairChanges c) =>
        new(c.FairId, c.ToVersion, c.Events is { } events ? [.. events.Select(FairEventMessage.From)] : null, c.Snapshot);
}

/// <summary>The answer of <c>GET /floor?sinceVersion=N</c> when the backlog reaches back.</summary>
public sealed record FloorChangesResponse(string FairId, long FromVersion, long ToVersion, IReadOnlyList<FairEventMessage> Events)
{
    public static FloorChangesResponse From(FairChanges c, ImmutableArray<FairEvent> events) =>
        new(c.FairId, c.FromVersion, c.ToVersion, [.. events.Select(FairEventMessage.From)]);
}
