using System.Collections.Concurrent;
using System.Collections.Immutable;
using Hangfire;
using OcopFairs.Abstractions;
using OcopFairs.Grains;
using OcopFairs.Server.Notifications;

namespace OcopFairs.Server.Booths;

/// <summary>Schedules hold expiries in Hangfire and tells producers about changes to their booths.</summary>
public sealed class BoothEvents(IBackgroundJobClient jobs, IGrainFactory grains, TimeProvider clock) : IBoothEvents
{
    /// <summary>Expiries are released by one job per fair and ten-second window, so a hold is freed at most this late.</summary>
    public const int WindowSeconds = 10;

    private readonly ConcurrentDictionary<(string FairId, long Due), byte> _scheduled = new();

    /// <summary>
    /// A booth rush makes a thousand holds in seconds, all expiring within the same few windows: scheduling a Hangfire
    /// job (a database transaction of its own) per hold would cost as much as the hold. Instead one sweep job per fair
    /// and window releases every hold due by then; this node remembers which windows it scheduled. A window lost to
    /// a crash is covered by activation rescheduling and the minutely sweep. Hangfire's client blocks on its
    /// transaction, so it runs on the thread pool, never in the floor grain's turn.
    /// </summary>
    public Task ScheduleExpiryAsync(string fairId, string boothCode, string holdId, DateTimeOffset expiresAt)
    {
        var due = (expiresAt.ToUnixTimeSeconds() + WindowSeconds - 1) / WindowSeconds * WindowSeconds;
        if (!_scheduled.TryAdd((fairId, due), 0))
        {
            return Task.CompletedTask;
        }

        var past = clock.GetUtcNow().ToUnixTimeSeconds() - 3600;
        foreach (var old in _scheduled.Keys.Where(k => k.Due < past))
        {
            _scheduled.TryRemove(old, out _);
        }

        return Task.Run(() =>
        {
            try
            {
                jobs.Schedule<BoothJobs>(j => j.SweepFairAsync(fairId), DateTimeOffset.FromUnixTimeSeconds(due));
            }
            catch
            {
                _scheduled.TryRemove((fairId, due), out _);
                throw;
            }
        });
    }

    /// <summary>
    /// Off the floor grain's turn (a booth rush makes a notice per hold): find the producer's account and leave the
    /// notice in its inbox as a kind and facts, worded when read. The fair version keys it, so a repeat adds nothing.
    /// </summary>
    public Task BoothChangedAsync(BoothNotice notice) => Task.Run(async () =>
    {
        if (await grains.GetGrain<IProducerGrain>(notice.ProducerId).GetAsync() is not { OwnerUserId: { } userId })
        {
            return;
        }

        var fair = await grains.GetGrain<IFairGrain>(notice.FairId).GetAsync();
        var facts = ImmutableDictionary<string, string>.Empty
            .Add(NotificationKinds.Facts.FairName, fair?.Details.Name ?? notice.FairId)
            .Add(NotificationKinds.Facts.BoothCode, notice.BoothCode)
            .Add(NotificationKinds.Facts.TimeZone, fair?.Details.TimeZone ?? "Asia/Ho_Chi_Minh");
        if (notice.Zone is { Length: > 0 } zone)
        {
            facts = facts.Add(NotificationKinds.Facts.Zone, zone);
        }

        if (notice.HoldExpiresAt is { } until)
        {
            facts = facts.Add(NotificationKinds.Facts.HoldExpiresAt, NotificationTexts.Instant(until));
        }

        var kind = "booth." + notice.Kind.ToString().ToLowerInvariant();
        await grains.GetGrain<INotificationInboxGrain>(userId).DeliverAsync(Notification.Of(
            $"booth:{notice.FairId}:{notice.Version}:{notice.ProducerId}", kind, notice.FairId, clock.GetUtcNow(), facts));
    });
}

/// <summary>Hangfire jobs for booths. They carry ids only and ask the floor grain, which decides from current state.</summary>
public sealed class BoothJobs(IGrainFactory grains)
{
    public const string SweepJobId = "sweep-expired-holds";

    /// <summary>Releases the hold if it is still the same hold and due; a duplicate or late job does nothing.</summary>
    public Task<bool> ExpireHoldAsync(string fairId, string boothCode, string holdId) =>
        grains.GetGrain<IFloorGrain>(fairId).ExpireHoldAsync(boothCode, holdId);

    /// <summary>Releases the fair's holds that are due (one job per fair and expiry window).</summary>
    public Task<int> SweepFairAsync(string fairId) => grains.GetGrain<IFloorGrain>(fairId).SweepExpiredHoldsAsync();

    /// <summary>The safety net: every minute, release due holds of open fairs whose job was lost.</summary>
    public async Task SweepAsync()
    {
        foreach (var fair in await grains.GetGrain<IFairDirectoryGrain>(0).ListAsync())
        {
            if (fair.Status is FairStatus.Published or FairStatus.RegistrationClosed or FairStatus.Live)
            {
                await grains.GetGrain<IFloorGrain>(fair.FairId).SweepExpiredHoldsAsync();
            }
        }
    }
}

/// <summary>Registers the recurring sweep once Hangfire is up.</summary>
public sealed class BoothJobsRegistration(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        recurring.AddOrUpdate<BoothJobs>(BoothJobs.SweepJobId, j => j.SweepAsync(), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
