using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using OcopFairs.Abstractions;
using OcopFairs.Server.Identity;

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

        var (title, body) = Texts(kind, fair, organiser.Locale);
        var notification = new Notification(
            Guid.CreateVersion7().ToString("N"), $"{kind}:{fairId}", kind, title, body, fairId, clock.GetUtcNow(), null);
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

    private static (string Title, string Body) Texts(string kind, FairView fair, string locale)
    {
        var en = locale == "en";
        var zone = Domain.FairRules.TryFindTimeZone(fair.Details.TimeZone, out var tz) ? tz : TimeZoneInfo.Utc;
        var culture = CultureInfo.GetCultureInfo(en ? "en-GB" : "vi-VN");
        string Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone).ToString("dd/MM/yyyy HH:mm", culture);
        var name = fair.Details.Name;
        return kind switch
        {
            ReminderKinds.RegistrationClosing => en
                ? ($"Registration for {name} closes tomorrow", $"Registration closes at {Local(fair.Details.RegistrationClosesAt)}.")
                : ($"Hội chợ {name} sắp đóng đăng ký", $"Đăng ký đóng lúc {Local(fair.Details.RegistrationClosesAt)}."),
            ReminderKinds.FairStart7Days => en
                ? ($"{name} starts in 7 days", $"The fair opens at {Local(fair.Details.StartsAt)} at {fair.Details.Venue}.")
                : ($"Còn 7 ngày đến hội chợ {name}", $"Hội chợ khai mạc lúc {Local(fair.Details.StartsAt)} tại {fair.Details.Venue}."),
            _ => en
                ? ($"{name} starts tomorrow", $"The fair opens at {Local(fair.Details.StartsAt)} at {fair.Details.Venue}.")
                : ($"Hội chợ {name} khai mạc ngày mai", $"Hội chợ khai mạc lúc {Local(fair.Details.StartsAt)} tại {fair.Details.Venue}."),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {Kind} for fair {FairId} is no longer due; skipped")]
    private static partial void LogStale(ILogger logger, string kind, string fairId);
}
