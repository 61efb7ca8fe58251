using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Grains;

/// <summary>
/// The searchable copy of producers and products (in PostgreSQL in the server). Grains call it after each durable
/// change; it must be idempotent, since a retried change writes the same rows again.
/// </summary>
public interface ICatalogIndex
{
    Task UpsertProducerAsync(ProducerView producer);
}

/// <summary>
/// What happens outside the exhibitor grain when an application changes: the review queue's copy is updated (in
/// PostgreSQL in the server) and the producer is told (inbox and live event, in their language).
/// </summary>
public interface IApplicationEvents
{
    Task ChangedAsync(ApplicationView application, ApplicationStatus? previous);

    /// <summary>Producer ids of the fair's waitlisted applications, first in line first.</summary>
    Task<ImmutableArray<string>> WaitlistAsync(string fairId);
}

/// <summary>Booth-hold side effects outside the grain: the expiry job (Hangfire in the server) and telling the producer.</summary>
public interface IBoothEvents
{
    /// <summary>Schedules the release of a hold at its expiry; scheduling the same hold twice is harmless.</summary>
    Task ScheduleExpiryAsync(string fairId, string boothCode, string holdId, DateTimeOffset expiresAt);

    /// <summary>Tells the producer its hold ran out and the booth is free again.</summary>
    Task HoldExpiredAsync(string fairId, string boothCode, string producerId);
}
