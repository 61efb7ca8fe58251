using Hangfire;
using Npgsql;
using OcopFairs.Abstractions;

namespace OcopFairs.Server.Meetings;

/// <summary>
/// Expires pending requests and settles finished meetings of every fair, minutely, even when nobody opens the fair:
/// a request that lapsed while the server was down is expired on the first sweep after the restart. The meetings
/// grain decides; a meeting changes status once, so a sweep run twice (a Hangfire retry, two nodes) changes nothing more.
/// </summary>
public sealed class MeetingJobs(NpgsqlDataSource db, IGrainFactory grains, ILogger<MeetingJobs> log)
{
    public const string SweepJobId = "meetings-sweep";

    [AutomaticRetry(Attempts = 0)]
    public async Task<int> SweepAsync()
    {
        var fairs = new List<string>();
        await using (var cmd = db.CreateCommand("""
            SELECT DISTINCT fair_id FROM app.meetings
            WHERE (status = 'Requested' AND (meeting ->> 'expiresAt')::timestamptz <= now())
               OR (status = 'Accepted' AND (meeting ->> 'endsAt')::timestamptz <= now())
            """))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) fairs.Add(reader.GetString(0));
        }

        var changed = 0;
        foreach (var fairId in fairs)
        {
            changed += await grains.GetGrain<IMeetingsGrain>(fairId).SweepAsync();
        }

        if (changed > 0) log.LogInformation("Meeting sweep expired or settled {Count} meetings in {Fairs} fairs", changed, fairs.Count);
        return changed;
    }
}

/// <summary>Registers the recurring sweep once Hangfire is up.</summary>
public sealed class MeetingJobsRegistration(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        recurring.AddOrUpdate<MeetingJobs>(MeetingJobs.SweepJobId, j => j.SweepAsync(), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
