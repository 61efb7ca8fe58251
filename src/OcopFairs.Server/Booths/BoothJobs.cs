using Hangfire;
using Npgsql;
using OcopFairs.Abstractions;
using OcopFairs.Grains;

namespace OcopFairs.Server.Booths;

/// <summary>Schedules hold expiries in Hangfire and tells producers when their hold ran out.</summary>
public sealed class BoothEvents(IBackgroundJobClient jobs, IGrainFactory grains, NpgsqlDataSource db, TimeProvider clock) : IBoothEvents
{
    /// <summary>
    /// Hangfire's client API blocks on its database transaction; run it on the thread pool so the floor grain's turn
    /// (single-threaded, on the hot path of every hold) never waits for it.
    /// </summary>
    public Task ScheduleExpiryAsync(string fairId, string boothCode, string holdId, DateTimeOffset expiresAt) =>
        Task.Run(() => jobs.Schedule<BoothJobs>(j => j.ExpireHoldAsync(fairId, boothCode, holdId), expiresAt));

    public async Task HoldExpiredAsync(string fairId, string boothCode, string producerId)
    {
        if (await grains.GetGrain<IProducerGrain>(producerId).GetAsync() is not { OwnerUserId: { } userId })
        {
            return;
        }

        var english = await Identity.UserLocale.IsEnglishAsync(db, userId);
        var fair = await grains.GetGrain<IFairGrain>(fairId).GetAsync();
        var name = fair?.Details.Name ?? fairId;
        var (title, body) = english
            ? ($"{name}: your hold on booth {boothCode} expired", "The booth was not confirmed in time and is free again. You can hold another free booth.")
            : ($"{name}: hết thời gian giữ gian hàng {boothCode}", "Gian hàng chưa được xác nhận kịp thời và đã được mở lại. Bạn có thể giữ một gian hàng trống khác.");
        // One notification per expired hold; the key makes a retried job harmless.
        await grains.GetGrain<INotificationInboxGrain>(userId).DeliverAsync(new Notification(
            Guid.CreateVersion7().ToString("N"), $"hold-expired:{fairId}:{boothCode}:{clock.GetUtcNow():yyyyMMddHHmm}", "hold-expired",
            title, body, fairId, clock.GetUtcNow(), null));
    }
}

/// <summary>Hangfire jobs for booths. They carry ids only and ask the floor grain, which decides from current state.</summary>
public sealed class BoothJobs(IGrainFactory grains)
{
    public const string SweepJobId = "sweep-expired-holds";

    /// <summary>Releases the hold if it is still the same hold and due; a duplicate or late job does nothing.</summary>
    public Task<bool> ExpireHoldAsync(string fairId, string boothCode, string holdId) =>
        grains.GetGrain<IFloorGrain>(fairId).ExpireHoldAsync(boothCode, holdId);

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
