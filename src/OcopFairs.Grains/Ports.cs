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
