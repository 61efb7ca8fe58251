using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using OcopFairs.Abstractions;

namespace OcopFairs.Server.Live;

/// <summary>The JSON shape of a fair event: <c>{fairId, version, type, at, data}</c>.</summary>
public sealed record FairEventMessage(string FairId, long Version, string Type, DateTimeOffset At, object? Data)
{
    public static FairEventMessage From(FairEvent e) => new(e.FairId, e.Version, e.Type, e.At, (object?)e.Booth ?? e.Fair);
}

/// <summary>
/// Consecutive events of a fair for <c>JoinFairBatched</c> watchers, in version order without gaps: event <c>i</c> has
/// version <c>fromVersion + 1 + i</c>. A <c>BoothChanged</c> goes as a <see cref="BoothChange"/> (a JSON array of the
/// booth's occupancy), anything else as a <see cref="BatchedEventMessage"/> object. Such a watcher has the floor's layout
/// from its join, and a booth event never changes the layout (a plan change is a <c>FairChanged</c>). Under a booth rush
/// the fan-out to every watcher costs by the byte: each watcher reads about 122 bytes per hold instead of 427.
/// </summary>
public sealed record FairEventsMessage(string FairId, long FromVersion, long ToVersion, IReadOnlyList<object> Events)
{
    public static FairEventsMessage From(string fairId, IReadOnlyList<FairEvent> events) =>
        new(fairId, events[0].Version - 1, events[^1].Version, [.. events.Select(Batched)]);

    private static object Batched(FairEvent e) =>
        e is { Type: EventTypes.BoothChanged, Booth: { } booth }
            ? new BoothChange(booth.Code, booth.Status, booth.ProducerId, booth.ProducerName, booth.HoldExpiresAt, e.At) { OverrideReason = booth.OverrideReason }
            : new BatchedEventMessage(e.Version, e.Type, e.At, e.Fair);
}

/// <summary>An event of a <see cref="FairEventsMessage"/> other than a booth change: <c>{version, type, at, data}</c>.</summary>
public sealed record BatchedEventMessage(long Version, string Type, DateTimeOffset At, object? Data);

/// <summary>
/// A booth change as batched watchers get it: who occupies the booth and when it happened, written as the array
/// <c>[code, status, producerId, producerName, holdExpiresAt, at]</c> with the times in Unix milliseconds, and a seventh
/// item, the organiser's override reason, only on the rare booth placed by an override (a rush's holds stay six long).
/// The occupant's fields are <c>null</c> when empty, so a client that merges the change into its copy of the booth
/// clears them; a change without the seventh item clears the override.
/// </summary>
[JsonConverter(typeof(BoothChangeJsonConverter))]
public sealed record BoothChange(string Code, BoothStatus Status, string? ProducerId, string? ProducerName, DateTimeOffset? HoldExpiresAt, DateTimeOffset At)
{
    public string? OverrideReason { get; init; }
}

/// <summary>Writes and reads a <see cref="BoothChange"/> as its array.</summary>
public sealed class BoothChangeJsonConverter : JsonConverter<BoothChange>
{
    public override void Write(Utf8JsonWriter writer, BoothChange value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.Code);
        writer.WriteStringValue(value.Status.ToString());
        WriteOrNull(value.ProducerId);
        WriteOrNull(value.ProducerName);
        if (value.HoldExpiresAt is { } expires) writer.WriteNumberValue(expires.ToUnixTimeMilliseconds());
        else writer.WriteNullValue();
        writer.WriteNumberValue(value.At.ToUnixTimeMilliseconds());
        if (value.OverrideReason is { } reason) writer.WriteStringValue(reason);
        writer.WriteEndArray();

        void WriteOrNull(string? text)
        {
            if (text is null) writer.WriteNullValue();
            else writer.WriteStringValue(text);
        }
    }

    public override BoothChange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("A booth change is an array.");
        var code = Next(ref reader).GetString() ?? throw new JsonException("A booth change needs its code.");
        var status = Enum.Parse<BoothStatus>(Next(ref reader).GetString() ?? throw new JsonException("A booth change needs its status."));
        var producerId = Next(ref reader).GetString();
        var producerName = Next(ref reader).GetString();
        DateTimeOffset? expires = Next(ref reader).TokenType == JsonTokenType.Null ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64());
        var at = DateTimeOffset.FromUnixTimeMilliseconds(Next(ref reader).GetInt64());
        string? overrideReason = null;
        if (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            overrideReason = reader.GetString();
            reader.Read();
        }

        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("A booth change has six or seven items.");
        return new BoothChange(code, status, producerId, producerName, expires, at) { OverrideReason = overrideReason };
    }

    private static ref Utf8JsonReader Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray) throw new JsonException("A booth change has six items.");
        return ref reader;
    }
}

public sealed record PrivateEventMessage(string Type, object? Data)
{
    /// <summary>Applications and meetings travel in the same shape as the HTTP API gives them.</summary>
    public static PrivateEventMessage From(PrivateEvent e) => new(
        e.Type,
        e.Application is { } application ? Applications.ApplicationResponse.From(application, null, DateOnly.FromDateTime(DateTime.UtcNow))
        : e.Meeting is { } meeting ? meeting
        : e.Matches is { } matches ? matches
        : e.MeetingCounts is { } counts ? counts
        : e.Deal is { } deal ? deal
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
