using System.Collections.Concurrent;
using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Grains.Tests;

/// <summary>
/// Stand-in for the server's PostgreSQL projections in grain tests: it records what grains report and answers the
/// waitlist in the same order (waitlisted time, then application id).
/// </summary>
public sealed class InMemoryProjections : ICatalogIndex, IApplicationEvents, IBoothEvents
{
    public static readonly InMemoryProjections Instance = new();

    public ConcurrentDictionary<string, ProducerView> Producers { get; } = new();

    public ConcurrentDictionary<string, ApplicationView> Applications { get; } = new();

    public ConcurrentQueue<(ApplicationView Application, ApplicationStatus? Previous)> Changes { get; } = new();

    public Task UpsertProducerAsync(ProducerView producer)
    {
        Producers[producer.ProducerId] = producer;
        return Task.CompletedTask;
    }

    public Task ChangedAsync(ApplicationView application, ApplicationStatus? previous)
    {
        Applications[application.ApplicationId] = application;
        Changes.Enqueue((application, previous));
        return Task.CompletedTask;
    }

    public Task<ImmutableArray<string>> WaitlistAsync(string fairId) =>
        Task.FromResult(Applications.Values
            .Where(a => a.FairId == fairId && a.Status == ApplicationStatus.Waitlisted)
            .OrderBy(a => a.WaitlistedAt).ThenBy(a => a.ApplicationId, StringComparer.Ordinal)
            .Select(a => a.ProducerId)
            .ToImmutableArray());

    /// <summary>Expiry jobs the floor asked for, and holds it reported expired (stand-ins for Hangfire and the inbox).</summary>
    public ConcurrentQueue<(string FairId, string BoothCode, string HoldId, DateTimeOffset ExpiresAt)> ScheduledExpiries { get; } = new();

    public ConcurrentQueue<(string FairId, string BoothCode, string ProducerId)> ExpiredHolds { get; } = new();

    public Task ScheduleExpiryAsync(string fairId, string boothCode, string holdId, DateTimeOffset expiresAt)
    {
        ScheduledExpiries.Enqueue((fairId, boothCode, holdId, expiresAt));
        return Task.CompletedTask;
    }

    /// <summary>Every booth notice the floor raised, in order.</summary>
    public ConcurrentQueue<BoothNotice> BoothNotices { get; } = new();

    public Task BoothChangedAsync(BoothNotice notice)
    {
        BoothNotices.Enqueue(notice);
        if (notice.Kind == BoothNoticeKind.Expired)
        {
            ExpiredHolds.Enqueue((notice.FairId, notice.BoothCode, notice.ProducerId));
        }

        return Task.CompletedTask;
    }
}
