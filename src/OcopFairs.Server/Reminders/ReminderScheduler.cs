using Hangfire;
using Npgsql;
using OcopFairs.Abstractions;

namespace OcopFairs.Server.Reminders;

/// <summary>The kinds of fair reminder and when each is due.</summary>
public static class ReminderKinds
{
    public const string RegistrationClosing = "registration-closing";
    public const string FairStart7Days = "fair-start-7d";
    public const string FairStart1Day = "fair-start-1d";

    public static IEnumerable<(string Kind, DateTimeOffset DueAt)> ForFair(FairDetails d) =>
    [
        (RegistrationClosing, d.RegistrationClosesAt.AddDays(-1)),
        (FairStart7Days, d.StartsAt.AddDays(-7)),
        (FairStart1Day, d.StartsAt.AddDays(-1)),
    ];
}

/// <summary>
/// Schedules a fair's reminders in Hangfire under deterministic keys (<c>kind:fairId</c>). The job id of each key is kept
/// in <c>app.scheduled_jobs</c>, so scheduling again (dates moved) deletes the job scheduled before.
/// </summary>
public sealed class ReminderScheduler(IBackgroundJobClient jobs, NpgsqlDataSource db, TimeProvider clock)
{
    public async Task ScheduleFairAsync(FairView fair)
    {
        var now = clock.GetUtcNow();
        foreach (var (kind, dueAt) in ReminderKinds.ForFair(fair.Details))
        {
            var key = $"{kind}:{fair.FairId}";
            if (dueAt <= now)
            {
                await ReplaceAsync(key, null, dueAt);
                continue;
            }

            var fairId = fair.FairId;
            var jobId = jobs.Schedule<ReminderJobs>(j => j.FairReminderAsync(fairId, kind, dueAt), dueAt);
            await ReplaceAsync(key, jobId, dueAt);
        }
    }

    /// <summary>Records the new job for the key and deletes the one it replaces.</summary>
    private async Task ReplaceAsync(string key, string? jobId, DateTimeOffset runAt)
    {
        await using var cmd = db.CreateCommand(
            """
            WITH old AS (SELECT job_id FROM app.scheduled_jobs WHERE job_key = @key FOR UPDATE),
                 upsert AS (
                     INSERT INTO app.scheduled_jobs (job_key, job_id, run_at, updated_at)
                     SELECT @key, @job, @runAt, now() WHERE @job IS NOT NULL
                     ON CONFLICT (job_key) DO UPDATE SET job_id = EXCLUDED.job_id, run_at = EXCLUDED.run_at, updated_at = now()),
                 gone AS (DELETE FROM app.scheduled_jobs WHERE job_key = @key AND @job IS NULL)
            SELECT job_id FROM old
            """);
        cmd.Parameters.AddWithValue("key", key);
        cmd.Parameters.Add(new NpgsqlParameter<string?>("job", jobId) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.AddWithValue("runAt", runAt);
        var previous = await cmd.ExecuteScalarAsync() as string;
        if (previous is not null && previous != jobId)
        {
            jobs.Delete(previous);
        }
    }
}
