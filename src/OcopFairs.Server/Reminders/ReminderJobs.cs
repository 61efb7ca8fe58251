using System.Collections.Immutable;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using OcopFairs.Abstractions;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Notifications;

namespace OcopFairs.Server.Reminders;

/// <summary>
/// Hangfire jobs. They take ids only and read the current state when they run, because dates may have moved since the
/// job was scheduled. Delivery is idempotent: the inbox keeps one notification per (kind, subject), and a row in
/// <c>app.reminder_deliveries</c> records each (kind, subject, recipient).
/// </summary>
public sealed partial class ReminderJobs(
    IGrainFactory grains,
    UserManager<AppUser> users,
    NpgsqlDataSource db,
    TimeProvider clock,
    ILogger<ReminderJobs> logger)
{
    /// <summary>A job that runs more than this before its fair's current due time belongs to old dates and does nothing.</summary>
    private static readonly TimeSpan Early = TimeSpan.FromMinutes(1);

    public async Task FairReminderAsync(string fairId, string kind, DateTimeOffset scheduledFor)
    {
        var fair = await grains.GetGrain<IFairGrain>(fairId).GetAsync();
        if (fair is null || fair.Status == FairStatus.Closed)
        {
            return;
        }

        var due = ReminderKinds.ForFair(fair.Details).FirstOrDefault(r => r.Kind == kind);
        if (due.Kind is null || clock.GetUtcNow() < due.DueAt - Early || due.DueAt != scheduledFor)
        {
            LogStale(logger, kind, fairId);
            return;
        }

        var organiser = await users.FindByIdAsync(fair.OrganiserId);
        if (organiser is null)
        {
            return;
        }

        var at = kind == ReminderKinds.RegistrationClosing ? fair.Details.RegistrationClosesAt : fair.Details.StartsAt;
        var facts = ImmutableDictionary<string, string>.Empty
            .Add(NotificationKinds.Facts.FairName, fair.Details.Name)
            .Add(NotificationKinds.Facts.At, NotificationTexts.Instant(at))
            .Add(NotificationKinds.Facts.TimeZone, fair.Details.TimeZone)
            .Add(NotificationKinds.Facts.Venue, fair.Details.Venue);
        var notification = Notification.Of($"{kind}:{fairId}", kind, fairId, clock.GetUtcNow(), facts);
        await grains.GetGrain<INotificationInboxGrain>(organiser.Id).DeliverAsync(notification);
        await RecordAsync(kind, fairId, organiser.Id);
    }

    private async Task RecordAsync(string kind, string subject, string recipient)
    {
        await using var cmd = db.CreateCommand(
            "INSERT INTO app.reminder_deliveries (kind, subject, recipient) VALUES (@k, @s, @r) ON CONFLICT DO NOTHING");
        cmd.Parameters.AddWithValue("k", kind);
        cmd.Parameters.AddWithValue("s", subject);
        cmd.Parameters.AddWithValue("r", recipient);
        await cmd.ExecuteNonQueryAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {Kind} for fair {FairId} is no longer due; skipped")]
    private static partial void LogStale(ILogger logger, string kind, string fairId);
}
